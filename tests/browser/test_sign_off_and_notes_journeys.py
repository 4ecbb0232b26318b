"""By keyboard: a team manager reviews a housing decision and signs it off (after the send-back's error
state); an officer records a note and a task. axe-core finds nothing on any page or error state."""

from housing.clock import today
from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot
from tests.builders import UASC, nominated, young_person

DAY = today()


def tab_to(page, name: str, limit: int = 120) -> None:
    """Press Tab until the focused element's text (or label) is `name`."""
    focused = ""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => (document.activeElement.innerText || document.activeElement.getAttribute('aria-label') "
            "|| (document.activeElement.labels && document.activeElement.labels[0] "
            "&& document.activeElement.labels[0].innerText) || '').trim()"
        )
        if " ".join(focused.split()) == name:
            return
    raise AssertionError(f"{name!r} was not reached with the Tab key (last: {focused!r})")


def test_a_team_manager_reviews_and_signs_off_a_housing_decision_with_the_keyboard(
    page, user, client, officer, auth
):
    manager = auth.headers(Role.TEAM_MANAGER)
    client.put("/api/v1/sign-off/routes", json={"routes": ["register_vacancy"]}, headers=manager)
    person = nominated(client, officer)
    council = auth.headers(Role.DISTRICT_OFFICER, district="crawley")

    sign_in_with_the_keyboard(page, user(Role.TEAM_MANAGER))
    assert "1 housing decision is waiting for your sign-off" in page.inner_text("main")
    tab_to(page, "1 housing decision is waiting for your sign-off")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert page.title().startswith("Housing decisions to sign off")
    assert axe_violations(page) == []
    tab_to(page, "Testy Exampleton")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Held: the council does not see it until it is signed off" in page.inner_text("main")
    assert axe_violations(page) == []
    snapshot(page, "sign-off")

    # Send it back without a reason: refused, the summary's link lands on the reason.
    page.focus("#decision-2")  # "No, send it back to the officer"
    page.keyboard.press("Space")
    tab_to(page, "Save the decision")
    navigate(page, lambda: page.keyboard.press("Enter"))
    summary = page.locator(".govuk-error-summary")
    assert "Enter why you are sending it back" in summary.inner_text()
    assert axe_violations(page) == []
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "reason"
    assert client.get("/api/v1/districts/crawley/nominations", headers=council).json["items"] == []

    # Sign it off instead.
    page.focus("#decision-2")
    page.keyboard.press("ArrowUp")  # to "Yes, sign it off", which checks it
    tab_to(page, "Save the decision")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Decision signed off" in page.inner_text(".govuk-notification-banner")
    assert axe_violations(page) == []
    [nomination] = client.get("/api/v1/districts/crawley/nominations", headers=council).json["items"]
    assert nomination["young_person"] == person

    page.goto(f"/young-people/{person}")
    assert "signed off by team_manager.county@test.example" in page.inner_text("#sign-off + ul")
    assert axe_violations(page) == []
    page.goto("/sign-offs/routes")
    assert axe_violations(page) == []


def test_an_officer_records_a_note_and_a_task_with_the_keyboard(page, user, client, officer):
    person = young_person(client, officer, "WS-1", given_name="Noted")
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{person}")
    tab_to(page, "Add a note")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert axe_violations(page) == []

    # Saved with nothing chosen or written: the error state.
    tab_to(page, "Save the note")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Choose what kind of note it is" in page.inner_text(".govuk-error-summary")
    assert axe_violations(page) == []
    snapshot(page, "note-errors")

    page.focus("#kind-2")
    page.keyboard.press("Space")  # Call
    page.focus("#text")
    page.keyboard.type("Rang her about the viewing on Friday; she will go with her adviser.")
    tab_to(page, "Save the note")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Note recorded" in page.inner_text(".govuk-notification-banner")
    assert "Rang her about the viewing on Friday" in page.inner_text("#chronology")
    assert axe_violations(page) == []
    snapshot(page, "chronology")

    tab_to(page, "Tasks for Noted Exampleton")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert axe_violations(page) == []
    page.focus("#title")
    page.keyboard.type("Book the viewing")
    tab_to(page, "Set the task")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Enter the date it is due" in page.inner_text(".govuk-error-summary")
    assert page.input_value("#title") == "Book the viewing"
    assert axe_violations(page) == []
    page.focus("#due_on")
    page.keyboard.type(str(DAY.day))
    page.keyboard.press("Tab")
    page.keyboard.type(str(DAY.month))
    page.keyboard.press("Tab")
    page.keyboard.type(str(DAY.year))
    tab_to(page, "Set the task")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Task set" in page.inner_text(".govuk-notification-banner")
    assert axe_violations(page) == []

    page.goto("/")
    assert "Book the viewing" in page.inner_text("#tasks")
    assert axe_violations(page) == []
    snapshot(page, "your-tasks")
    page.locator("#tasks button", has_text="Book the viewing").focus()
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "You have no open tasks." in page.inner_text("main")


def test_the_three_plans_page_and_its_error_state_pass_axe(page, user, client, officer):
    person = young_person(client, officer, "U-1", needs=UASC, given_name="Planned")
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{person}/triple-plan")
    assert axe_violations(page) == []
    page.select_option("#route-leave_granted", "supported_lodgings")
    page.fill("#plan-leave_granted", "Host family in Worthing, near college")
    tab_to(page, "Save the three plans")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Choose the route if the claim is refused (appeal open)" in page.inner_text(".govuk-error-summary")
    assert page.input_value("#plan-leave_granted") == "Host family in Worthing, near college"
    assert axe_violations(page) == []
    snapshot(page, "triple-plan-errors")
    for outcome in ("refused", "appeal_rights_exhausted"):
        page.select_option(f"#route-{outcome}", "supported_accommodation")
        page.fill(f"#plan-{outcome}", "Stay in the UASC scheme")
    navigate(page, lambda: page.get_by_role("button", name="Save the three plans").press("Enter"))
    assert "The three plans are saved" in page.inner_text(".govuk-notification-banner")
    assert axe_violations(page) == []
    snapshot(page, "triple-plan")
