"""Ending a placement and recording a carer's withdrawal in a real browser, by keyboard, every page scanned."""

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard
from tests.builders import LATER, option, placed, young_person


def type_the_date(page, day) -> None:
    """From the day field: day, month, year, as a person types them."""
    for value in (day.day, day.month, day.year):
        page.keyboard.type(str(value))
        page.keyboard.press("Tab")


def test_an_officer_ends_a_placement_by_keyboard(page, user, client, officer):
    person = young_person(client, officer, "A")
    placed(client, officer, person, option(client, officer, name="Seaview scheme"))
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{person}")
    assert axe_violations(page) == []

    page.locator("summary", has_text="End this placement").focus()
    page.keyboard.press("Enter")  # opens the form
    page.focus("#ends_on-day")
    type_the_date(page, LATER)
    navigate(page, lambda: page.keyboard.press("Enter"))  # no reason chosen yet

    assert page.locator(".govuk-error-summary").is_visible()
    assert "Select why the placement is ending" in page.locator(".govuk-error-summary").inner_text()
    assert page.input_value("#ends_on-year") == str(LATER.year)  # what was typed is kept
    assert axe_violations(page) == []
    page.focus("#reason")
    page.keyboard.press("ArrowDown")  # from "carer withdrew" to "broke down"
    page.focus("#note")
    page.keyboard.type("Moved out after an argument")
    page.focus("button.govuk-button--warning")
    navigate(page, lambda: page.keyboard.press("Enter"))

    assert "The placement end is recorded" in page.inner_text("main")
    assert "because it broke down" in page.inner_text("main")
    assert axe_violations(page) == []
    assert (
        client.get(f"/api/v1/young-people/{person}", headers=officer).json["pathway"]["status"]
        == "in_progress"
    )


def test_an_officer_records_a_staying_put_carers_withdrawal_by_keyboard(page, user, client, officer):
    person = young_person(client, officer, "A")
    offer = option(client, officer, "staying_put", young_person=person, name="Staying Put with Mrs Carer")
    placed(client, officer, person, offer)
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{person}")

    page.locator("summary", has_text="Record that the carer is no longer willing").focus()
    page.keyboard.press("Enter")
    page.focus("#ends_on-day")
    page.keyboard.type("31")
    page.focus("button.govuk-button--warning")
    navigate(page, lambda: page.keyboard.press("Enter"))  # an incomplete date
    assert "Enter the last day" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    page.focus("#ends_on-day")
    page.keyboard.press("Control+A")
    type_the_date(page, LATER)
    page.focus("button.govuk-button--warning")
    navigate(page, lambda: page.keyboard.press("Enter"))

    assert "The carer's withdrawal is recorded" in page.inner_text("main")
    assert axe_violations(page) == []
    shown = client.get(f"/api/v1/options/{offer}", headers=officer).json
    assert shown["carer_willing"] is False
