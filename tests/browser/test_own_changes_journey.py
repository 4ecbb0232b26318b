"""A "this is wrong" followed to its end in Chromium, by keyboard (issue 32): the young person says
what they want is wrong on a 390 px phone; their officer marks it dealt with from the record (an empty
note first: the error beside the field); the young person reads what was done on About you. axe at
0 on every page and error state; the README's screenshots."""

import pytest

from housing.services import accounts
from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot
from tests.browser.own_steps import checked, phone, press, signed_in_by_a_new_link
from tests.builders import young_person
from tests.kept_current import immediate  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("immediate")


def test_they_say_it_is_wrong_the_officer_marks_it_dealt_with_and_they_read_what_was_done(
    page, user, client, officer, chromium, live_server, app
):
    person = young_person(client, officer, "YP-FIXED", given_name="Sam")
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(session, "sam@young.example", Role.YOUNG_PERSON, None, young_person="YP-FIXED")
    context, phone_page = phone(chromium, live_server)
    signed_in_by_a_new_link(app, phone_page, "sam@young.example")

    press(phone_page, phone_page.get_by_role("link", name="About you"))
    press(phone_page, phone_page.get_by_role("link", name="what you want"))
    phone_page.get_by_label("Say what is wrong, in your own words").focus()
    phone_page.keyboard.type("I want to live near my sister in Crawley now")
    press(phone_page, phone_page.get_by_role("button", name="Send to my worker"))
    assert "We have told your worker" in phone_page.locator(".govuk-notification-banner").inner_text()
    assert "Not done yet" in phone_page.locator("#changes").inner_text()
    checked(phone_page)

    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    changed = client.patch(f"/api/v1/young-people/{person}", json={"wishes": "To live near my sister in Crawley."},
                           headers=officer)  # the officer puts the record right first  # fmt: skip
    assert changed.status_code == 200, changed.json
    page.goto(f"/young-people/{person}")
    assert "To do" in page.locator("#asked-changes").inner_text()
    press(page, page.locator("#asked-changes").get_by_role("link", name="Mark as dealt with"))
    assert "near my sister in Crawley now" in page.locator("#what-they-said").inner_text()
    assert axe_violations(page) == []
    press(page, page.get_by_role("button", name="Mark as dealt with"))
    assert page.title().startswith("Error: ")
    assert "Enter what you did" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    snapshot(page, "own-change-dealt-with-error")
    page.get_by_label("What did you do?").focus()
    page.keyboard.type("I added that you want to live near your sister in Crawley.")
    snapshot(page, "own-change-dealt-with")
    page.keyboard.press("Tab")  # to the button
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Marked as dealt with" in page.locator(".govuk-notification-banner").inner_text()
    assert "Dealt with" in page.locator("#asked-changes").inner_text()
    assert axe_violations(page) == []

    phone_page.reload()
    said = phone_page.locator("#changes").inner_text()
    assert "Done" in said
    assert "I added that you want to live near your sister in Crawley." in said
    assert "To live near my sister in Crawley." in phone_page.locator("#wishes").inner_text()
    checked(phone_page, "own-about-you")
    context.close()
