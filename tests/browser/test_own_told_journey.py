"""A viewing set for a young person, followed to their phone in Chromium, by keyboard (issue 32): the
officer sets it ahead on the move page; the young person finds the message under Messages, in plain
words, opens it and reads the day on their plan. axe at 0 on each page; the README's screenshots."""

from datetime import date, timedelta

import pytest

from housing.services import accounts
from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, sign_in_with_the_keyboard, snapshot
from tests.browser.own_steps import checked, phone, press, signed_in_by_a_new_link
from tests.builders import shared_proposal
from tests.kept_current import immediate  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("immediate")


def test_a_viewing_set_on_the_move_page_reaches_the_young_persons_messages_and_plan(
    page, user, client, officer, chromium, live_server, app
):
    person, proposal = shared_proposal(client, officer, "YP-VIEWING", given_name="Alex")
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(
            session, "alex@young.example", Role.YOUNG_PERSON, None, young_person="YP-VIEWING"
        )
    on = date.today() + timedelta(days=9)  # noqa: DTZ011 - the service's today

    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{person}/move")
    page.get_by_label("Viewing", exact=True).focus()
    page.keyboard.press("Space")
    for part, value in (("Day", on.day), ("Month", on.month), ("Year", on.year)):
        page.get_by_label(part, exact=True).focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(str(value))
    press(page, page.get_by_role("button", name="Record this step"))
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "Viewing recorded" in banner
    assert "They have been told the day on their own pages." in banner
    assert "(to come)" in page.locator("#steps").inner_text()
    assert axe_violations(page) == []

    context, phone_page = phone(chromium, live_server)
    signed_in_by_a_new_link(app, phone_page, "alex@young.example")
    press(phone_page, phone_page.get_by_role("link", name="Messages"))
    card = phone_page.locator(".govuk-summary-card", has_text="A day to see your new place")
    message = card.inner_text()
    assert f"You will go to see the place on {on.day} {on:%B %Y}." in message
    assert "Notifications" not in phone_page.locator("main").inner_text()  # their words, not the staff page's
    checked(phone_page, "own-messages")
    press(phone_page, card.get_by_role("link", name="Open it"))
    assert (
        f"You will go to see the place on {on.day} {on:%B %Y}."
        in phone_page.locator("#move-steps").inner_text()
    )
    checked(phone_page, "own-plan-viewing")
    snapshot(page, "move-viewing-set")
    context.close()
