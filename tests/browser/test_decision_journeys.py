"""Decisions checked and undone, a nomination's life and the move to the door, by keyboard (issue 29).

Every page on the way, error states included, is scanned with axe-core; with PATHWAYS_SCREENSHOTS
set, the pages are kept as PNGs to read as an officer would.
"""

from datetime import date

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot
from tests.builders import a_crawley_proposal


def press(page, locator) -> None:
    """Focus a control and press Enter on it, as a keyboard user does."""
    locator.focus()
    navigate(page, lambda: page.keyboard.press("Enter"))


def test_an_officer_accepts_checks_what_follows_and_undoes_it_by_keyboard(page, user, client, officer):
    person, run_id, _proposal = a_crawley_proposal(client, officer)
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/runs/{run_id}")

    press(page, page.get_by_role("button", name="Accept the proposal for CHK-1"))
    assert page.title().startswith("Check before you accept")
    assert "A nomination is sent to Crawley council" in page.inner_text("#what-happens-next")
    assert axe_violations(page) == []
    snapshot(page, "accept-check")
    press(page, page.get_by_role("button", name="Accept and send the nomination"))
    assert "Nomination sent to Crawley council" in page.inner_text(".govuk-notification-banner")
    assert axe_violations(page) == []
    snapshot(page, "accept-undo")

    page.goto(f"/young-people/{person}")
    assert "Agreed, nomination pending with Crawley council" in page.inner_text("#pathway")
    assert "End this placement" not in page.inner_text("main")
    assert axe_violations(page) == []
    snapshot(page, "record-nomination-pending")

    page.goto(f"/runs/{run_id}")
    press(page, page.get_by_role("button", name="Undo this accept for CHK-1"))
    assert "Accept undone for Testy Exampleton" in page.inner_text(".govuk-notification-banner")
    assert page.get_by_role("button", name="Accept the proposal for CHK-1").is_visible()
    assert axe_violations(page) == []


def test_a_declined_nomination_puts_its_reason_on_the_record_and_a_withdrawal_asks_why(
    page, user, client, officer, auth, app
):
    person, _run, proposal = a_crawley_proposal(client, officer)
    client.post(f"/api/v1/proposals/{proposal}/accept", headers=officer)
    council = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    [nomination] = client.get("/api/v1/districts/crawley/nominations", headers=council).json["items"]
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))

    page.goto("/nominations")
    assert "Testy Exampleton" in page.inner_text("#awaiting")
    assert axe_violations(page) == []
    snapshot(page, "nominations-awaiting")
    page.goto(f"/young-people/{person}")
    press(page, page.get_by_role("link", name="Withdraw the nomination").first)
    assert "Crawley council can no longer decide it" in page.inner_text("#what-happens-next")
    press(page, page.get_by_role("button", name="Withdraw the nomination"))
    assert "Enter why the nomination is withdrawn" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    snapshot(page, "nomination-withdraw-error")
    press(page, page.get_by_role("link", name="Cancel"))

    client.post(f"/api/v1/nominations/{nomination['id']}/decision",
                json={"decision": "declined", "reason": "Rent arrears with the council"}, headers=council)  # fmt: skip
    page.reload()
    assert "declined by the council" in page.inner_text("#nominations")
    assert "Rent arrears with the council" in page.inner_text("#nominations")
    assert "In progress" in page.inner_text("#pathway")
    assert axe_violations(page) == []


def test_the_move_is_recorded_offer_viewing_then_moved_in_by_keyboard(page, user, client, officer, auth):
    person, _run, proposal = a_crawley_proposal(client, officer)
    client.post(f"/api/v1/proposals/{proposal}/accept", headers=officer)
    council = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    [nomination] = client.get("/api/v1/districts/crawley/nominations", headers=council).json["items"]
    client.post(
        f"/api/v1/nominations/{nomination['id']}/decision", json={"decision": "accepted"}, headers=council
    )
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{person}")

    press(page, page.get_by_role("link", name="Record the move"))
    assert axe_violations(page) == []
    press(page, page.get_by_role("button", name="Record this step"))  # nothing chosen
    assert page.locator(".govuk-error-summary").is_visible()
    assert axe_violations(page) == []
    snapshot(page, "move-error")
    for what in ("Offer made", "Viewing"):
        page.get_by_label(what, exact=True).check()
        press(page, page.get_by_role("button", name="Record this step"))
        assert f"{what} recorded" in page.inner_text(".govuk-notification-banner")
    page.get_by_label("Their answer", exact=True).check()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("In their words (optional)").fill("It is near my college")
    press(page, page.get_by_role("button", name="Record this step"))
    page.get_by_label("Moved in", exact=True).check()
    press(page, page.get_by_role("button", name="Record this step"))

    steps = page.inner_text("#steps")
    assert "Moved in" in steps
    assert "in their words: “It is near my college”" in steps
    assert "No move to record now" in page.inner_text("main")
    assert axe_violations(page) == []
    snapshot(page, "move-steps")
    page.goto(f"/young-people/{person}")
    assert f"from {date.today():%-d %B %Y}" in page.inner_text("main")  # noqa: DTZ011 - the day they moved in
