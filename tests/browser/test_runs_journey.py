"""Run for one young person, read the plain explanation, accept, see the banner, print the summary.

Keyboard only, every page and error state scanned with axe-core. With PATHWAYS_SCREENSHOTS set to
a folder, each page is also saved there as a full-page PNG (how docs/screenshots/ is made).
"""

from housing.vocabulary import Role
from tests import payloads
from tests.browser.conftest import axe_violations, press, seed, shot, sign_in_with_the_keyboard


def test_an_officer_runs_for_one_reads_the_plain_explanation_accepts_and_prints_the_summary(
    page, user, client, officer
):
    person = seed(client, officer)
    client.post("/api/v1/matching/runs", json={}, headers=officer)  # an earlier run, for the list
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))

    page.goto(f"/young-people/{person}")
    assert axe_violations(page) == []
    shot(page, "young-person-record")
    press(page, page.get_by_role("button", name="Run the matcher for Jordan"))
    assert page.title().startswith("Run of")
    row = page.locator("#proposals tbody tr").first
    words = row.inner_text()
    assert "College in Worthing (matters most): in the same town" in words
    assert "It meets their first preference" in words
    assert "Pathway due by 17½: " in words
    assert "further from" in words  # why not the alternatives, in words
    assert "cost" not in words.lower()
    assert axe_violations(page) == []
    shot(page, "run-review")

    press(page, row.get_by_role("button", name="Accept the proposal for WS-2041"))
    assert page.title().startswith("Check before you accept")
    assert axe_violations(page) == []
    shot(page, "run-accept-check")
    press(page, page.get_by_role("button", name="Accept and agree the pathway"))
    banner = page.locator(".govuk-notification-banner--success")
    assert "Pathway agreed for Jordan Testerton-417: Seaview scheme, Worthing" in banner.inner_text()
    assert axe_violations(page) == []
    shot(page, "run-accepted-banner")

    press(page, page.get_by_role("link", name="Jordan Testerton-417").first)
    press(page, page.get_by_role("link", name="Printable pathway summary"))
    assert "Pathway summary" in page.title()
    assert "Seaview scheme, Worthing" in page.locator("#decision").inner_text()
    assert axe_violations(page) == []
    shot(page, "pathway-summary")
    page.emulate_media(media="print")
    assert not page.locator(".govuk-header").is_visible()  # the print stylesheet leaves the furniture off
    shot(page, "pathway-summary-print")
    page.emulate_media(media="screen")


def test_the_runs_page_its_error_state_and_the_printable_pages_pass_axe(page, user, client, officer):
    seed(client, officer)
    applicant = payloads.young_person(reference="WS-2093", given_name="Sam", family_name="Fixture-12",
                                      date_of_birth="2009-04-11", home_district="crawley", preferences=[],
                                      local_links=[{"kind": "family", "place": "Crawley", "importance": 3}])  # fmt: skip
    sam = client.post("/api/v1/young-people", json=applicant, headers=officer).json["id"]
    client.post(f"/api/v1/young-people/{sam}/applications", json={"district": "crawley", "band": "A",
                "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
    # As the councils' tests do: a run ahead, when the 17-year-old needs the council's home.
    run = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    assert "register_vacancy" in [p["route"] for p in run["proposals"]]
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))

    page.goto("/runs")
    assert "newest first" in page.locator("#runs caption").inner_text()
    assert axe_violations(page) == []
    shot(page, "runs")

    page.select_option("#home_district", "adur")
    press(page, page.get_by_role("button", name="Run the matcher for this selection"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error:")
    assert axe_violations(page) == []
    shot(page, "runs-error")

    page.goto(f"/runs/{run['id']}/print")
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    shot(page, "print-run")
    page.emulate_media(media="screen")

    page.goto(f"/runs/{run['id']}/print?district=crawley")
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    shot(page, "print-district")
