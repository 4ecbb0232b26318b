"""Proposals kept current, as an officer meets them: reject, the new proposal appears, the officer is
told, accepts; a council declines and the officer reads why. Keyboard only; axe on every page."""

import re

import pytest

from housing.vocabulary import Role
from tests import payloads
from tests.browser.conftest import axe_violations, navigate, press, seed, shot, sign_in_with_the_keyboard
from tests.kept_current import immediate  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("immediate")


def test_an_officer_rejects_is_told_of_the_new_proposal_and_accepts_it(page, user, client, officer):
    person = seed(client, officer)
    run = client.post("/api/v1/matching/runs", json={"young_people": [person]}, headers=officer).json
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))

    page.goto(f"/runs/{run['id']}")
    row = page.locator("#proposals tbody tr").first
    row.get_by_label("Reason to reject the proposal for WS-2041").fill("Too far from her college")
    press(page, row.get_by_role("button", name="Reject the proposal for WS-2041"))

    header = page.locator(".pathways-header")
    assert re.search(r"Notifications\s+1\s+unread", header.inner_text())
    press(page, header.get_by_role("link", name=re.compile("Notifications")))
    assert "A new proposal is ready" in page.locator("main").inner_text()
    assert "After you rejected a proposal, Pathways proposed again." in page.locator("main").inner_text()
    assert axe_violations(page) == []
    shot(page, "notifications")

    press(page, page.get_by_role("link", name=re.compile(r"Open it\s*: A new proposal is ready")))
    assert page.title().startswith("Run of")
    new_row = page.locator("#proposals tbody tr").filter(has_text="WS-2041").first
    press(page, new_row.get_by_role("button", name="Accept the proposal for WS-2041"))
    assert page.title().startswith("Check before you accept")  # issue 29: checked first
    press(page, page.get_by_role("button", name="Accept and agree the pathway"))
    assert (
        "Pathway agreed for Jordan Testerton-417"
        in page.locator(".govuk-notification-banner--success").inner_text()
    )
    page.goto("/runs")
    assert "Pathways, without anyone asking: after you rejected the proposal for Jordan Testerton-417" in (
        page.locator("#runs").inner_text()
    )
    assert axe_violations(page) == []
    shot(page, "runs-kept-current")


def test_a_council_declines_and_the_officer_reads_the_reason_on_the_record(
    page, user, client, officer, chromium, live_server
):
    body = payloads.young_person(
        reference="NOM-7", given_name="Sam", family_name="Fixture-12", home_district="crawley"
    )
    sam = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    client.post(f"/api/v1/young-people/{sam}/applications", json={"district": "crawley", "band": "A",
                "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
    vacancy = payloads.option("register_vacancy", place="Crawley", available_from="2026-11-01", step_free=True,
                              name="Flat 3, Ifield")  # fmt: skip
    client.post("/api/v1/options", json=vacancy, headers=officer)
    [proposal] = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json[
        "proposals"
    ]
    client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer)
    council = chromium.new_context(
        base_url=live_server, viewport={"width": 1200, "height": 900}, bypass_csp=True
    )
    council_page = council.new_page()
    sign_in_with_the_keyboard(council_page, user(Role.DISTRICT_OFFICER))
    council_page.goto("/district")
    council_page.get_by_label("Reason to decline the nomination of NOM-7").fill(
        "Band too low for this property"
    )
    navigate(
        council_page,
        lambda: council_page.get_by_role("button", name="Decline the nomination of NOM-7").click(),
    )
    council.close()
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))

    assert "Crawley declined" in page.locator("main").inner_text()  # flagged on Who is due
    press(page, page.get_by_role("link", name="Sam Fixture-12").first)
    answer = page.locator("#council-answer").inner_text()
    assert "Crawley declined the nomination" in answer
    assert "Band too low for this property" in answer
    assert axe_violations(page) == []
    shot(page, "record-council-declined")
