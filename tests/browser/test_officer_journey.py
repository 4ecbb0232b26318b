"""An officer's journey in a real browser, every page scanned for accessibility on the way."""

from housing.vocabulary import Role
from tests import payloads
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard


def seed(client, officer):
    for reference, years, days_ago in (("LATER", 16, 30), ("URGENT", 17, 150)):
        body = payloads.young_person(reference=reference, date_of_birth=payloads.born_aged(years, days_ago))
        assert client.post("/api/v1/young-people", json=body, headers=officer).status_code == 201
    for town in ("Worthing", "Lancing"):
        place = payloads.option("supported_accommodation", place=town, available_from="2026-01-01", min_age=16,
                                step_free=True, name=f"Scheme in {town}")  # fmt: skip
        assert client.post("/api/v1/options", json=place, headers=officer).status_code == 201


def proposal_row(page, reference: str):
    return page.locator("#proposals tbody tr").filter(has_text=reference)


def test_an_officer_finds_the_most_urgent_runs_the_matcher_and_agrees_a_pathway(page, user, client, officer):
    seed(client, officer)
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    assert axe_violations(page) == []

    first = page.locator("#due-list tbody tr").first
    assert "URGENT" in first.inner_text()
    navigate(page, page.get_by_role("button", name="Run the matcher").click)
    assert page.title().startswith("Run of")
    assert "College in Worthing" in proposal_row(page, "URGENT").inner_text()  # the explanation, in words
    page.locator("details summary").first.click()
    assert "points" in page.locator("details").first.inner_text()  # the numbers behind it
    assert axe_violations(page) == []

    row = proposal_row(page, "URGENT")
    row.get_by_role("button", name="Accept the proposal for URGENT").focus()
    navigate(page, lambda: page.keyboard.press("Enter"))  # the accept works with the keyboard alone
    assert "What happens next" in page.inner_text("main")  # checked first
    page.get_by_role("button", name="Accept and agree the pathway").focus()
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Accepted by" in proposal_row(page, "URGENT").inner_text()

    navigate(page, proposal_row(page, "URGENT").get_by_role("link").first.click)
    assert "Agreed" in page.locator(".govuk-summary-list").first.inner_text()
    assert page.get_by_role("img", name="Map of West Sussex").is_visible()
    assert axe_violations(page) == []


def test_a_stale_accept_shows_the_error_summary(page, user, client, officer):
    seed(client, officer)
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    navigate(page, page.get_by_role("button", name="Run the matcher").click)
    # Meanwhile another officer agrees every pathway this page proposes.
    for proposal in client.post("/api/v1/matching/runs", json={}, headers=officer).json["proposals"]:
        client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer)

    navigate(page, page.get_by_role("button", name="Accept the proposal for URGENT").click)
    navigate(page, page.get_by_role("button", name="Accept and agree the pathway").click)

    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "meanwhile" in summary.inner_text()
    assert axe_violations(page) == []


def test_a_wrong_role_is_refused_and_bad_sign_ins_are_explained(page, user):
    page.goto("/sign-in")
    navigate(page, page.get_by_role("button", name="Sign in").click)
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error:")
    assert axe_violations(page) == []

    sign_in_with_the_keyboard(page, user(Role.DISTRICT_OFFICER))
    page.goto("/")
    assert "You cannot see this page" in page.inner_text("h1")
    assert axe_violations(page) == []
