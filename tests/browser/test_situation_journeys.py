"""Recording where a young person lives now, and a grant of leave to remain, in a real browser by
keyboard: each form, its error state and the record after saving scanned with axe-core."""

from datetime import timedelta

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard
from tests.builders import TODAY, UASC, young_person


def send(page) -> None:
    page.locator("main button[type=submit]").focus()
    navigate(page, lambda: page.keyboard.press("Enter"))


def test_an_officer_records_where_they_live_now_by_keyboard(page, user, client, officer):
    person = young_person(client, officer, "A")
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{person}")
    page.locator("#where-they-live a", has_text="the kind of accommodation").focus()
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert page.locator("h1").inner_text() == "Where they live now"
    assert axe_violations(page) == []

    send(page)  # nothing chosen yet

    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Choose the kind of accommodation" in summary
    assert "Choose whether it is suitable" in summary
    assert page.input_value("#judged_on-year") == str(TODAY.year)  # today's date is kept
    assert axe_violations(page) == []
    page.focus("#code")
    page.keyboard.type("Supported")  # the list's own type-ahead
    assert page.input_value("#code") == "E"
    page.focus("#suitable-2")
    page.keyboard.press("Space")  # "No"
    send(page)

    main = page.inner_text("main")
    assert "Their current accommodation is recorded" in main
    assert "Supported lodgings" in main
    assert f"No, judged {TODAY.strftime('%-d %B %Y')}" in main
    assert axe_violations(page) == []
    shown = client.get(f"/api/v1/young-people/{person}", headers=officer).json["current_accommodation"]
    assert shown == {"code": "E", "suitable": False, "judged_on": TODAY.isoformat()}


def test_an_officer_records_leave_to_remain_by_keyboard(page, user, client, officer):
    person = young_person(client, officer, "U", needs=UASC)
    granted = TODAY - timedelta(days=7)
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{person}/leave-to-remain")
    assert axe_violations(page) == []
    page.focus("#leave_granted_on")
    page.keyboard.type(str((TODAY + timedelta(days=2)).day))
    send(page)  # a day without its month and year

    assert "real date" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    for box, value in (("#leave_granted_on", granted.day), ("#leave_granted_on-month", granted.month),
                       ("#leave_granted_on-year", granted.year)):  # fmt: skip
        page.focus(box)
        page.keyboard.press("Control+A")
        page.keyboard.type(str(value))
    send(page)

    assert "Leave to remain recorded" in page.inner_text("main")
    assert axe_violations(page) == []
    shown = client.get(f"/api/v1/young-people/{person}", headers=officer).json
    assert shown["needs"]["leave_granted_on"] == granted.isoformat()
