"""The young person's own view in Chromium (issue 32): an officer invites them, they sign in by the
link in their email on a 390 px phone, read a shared place, answer "not sure" in their words, and
the officer sees it at accept. Keyboard only; axe at 0 on every page of theirs and its error states;
no page of theirs scrolls sideways at 320 px."""

import re

import pytest
from sqlalchemy import select

from housing.models import Notification, SentEmail, User
from housing.services import accounts
from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, sign_in_with_the_keyboard, snapshot
from tests.browser.own_steps import checked, phone, press, signed_in_by_a_new_link
from tests.builders import run, supported_place, young_person
from tests.kept_current import immediate  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("immediate")


def test_invited_signs_in_by_link_answers_not_sure_and_the_officer_sees_it_at_accept(
    page, user, client, officer, chromium, live_server, db, app
):
    person = young_person(client, officer, "YP-JOURNEY", given_name="Robin")
    supported_place(client, officer, name="Seaview House")
    made = run(client, officer, young_people=[person])
    [proposal] = made["proposals"]
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))

    page.goto(f"/young-people/{person}")
    press(page, page.get_by_role("link", name="Invite them to their own pages"))
    page.get_by_label("Their email address").fill("robin@young.example")
    press(page, page.get_by_role("button", name="Send the invitation"))
    assert "Invitation sent" in page.locator(".govuk-notification-banner").inner_text()
    page.goto(f"/runs/{made['id']}")
    press(page, page.get_by_role("button", name="Share with the young person"))
    assert "Shared with the young person" in page.locator(".govuk-notification-banner").inner_text()

    emails = sent_to(app, db, "robin@young.example")
    link = re.search(r"http://\S+(/me/sign-in/\S+)", emails["You are invited to Pathways"])[1]
    assert f"/me/proposals/{proposal['id']}" in emails["A place for you to look at"]
    assert "Seaview" not in emails["A place for you to look at"]  # a link, never the record
    context, phone_page = phone(chromium, live_server)
    phone_page.goto(link)
    checked(phone_page, "own-sign-in-link")
    press(phone_page, phone_page.get_by_role("button", name="Sign in"))
    assert phone_page.title().startswith("Your plan")
    assert "Your worker has shared a place with you." in phone_page.locator("#what-happens-next").inner_text()
    checked(phone_page, "own-plan")

    press(phone_page, phone_page.locator("#places").get_by_role("link").first)
    assert "Seaview House" in phone_page.locator("h1").inner_text()
    checked(phone_page, "own-proposal")
    press(phone_page, phone_page.get_by_role("button", name="Send my answer"))
    assert "Choose yes, no or not sure" in phone_page.locator(".govuk-error-summary").inner_text()
    checked(phone_page, "own-proposal-error")
    phone_page.get_by_label("Not sure").check()
    phone_page.get_by_label("Tell your worker why (if you want to)").fill(
        "I like it but it is far from my sister"
    )
    press(phone_page, phone_page.get_by_role("button", name="Send my answer"))
    assert "Your worker can see your answer" in phone_page.locator(".govuk-notification-banner").inner_text()
    checked(phone_page)

    page.goto(f"/proposals/{proposal['id']}/accept")
    answer = page.locator("#their-answer").inner_text()
    assert "Their answer: Not sure" in answer
    assert "I like it but it is far from my sister" in answer
    assert axe_violations(page) == []
    snapshot(page, "own-answer-at-accept")
    context.close()


def sent_to(app, db, address: str) -> dict[str, str]:
    """The emails sent to the address (subject → body). The pages hand each to the queue once their
    response is sent; a send that met the live server's next request holding SQLite's write lock
    would be retried later by a real consumer, so each is delivered again here (a no-op for one
    sent already: an email is claimed once per notification)."""
    db.rollback()
    user = db.scalar(select(User).where(User.email == address))
    for notification in db.scalars(select(Notification.id).where(Notification.user_id == user.id)):
        app.extensions["pathways_tasks"]["send_email"](notification)
    db.rollback()
    return {e.subject: e.body for e in db.scalars(select(SentEmail).where(SentEmail.to == address))}


def test_every_page_of_theirs_and_its_error_states_at_320_and_390_px(
    client, officer, chromium, live_server, app
):
    person = young_person(client, officer, "YP-AXE")
    supported_place(client, officer)
    [proposal] = run(client, officer, young_people=[person])["proposals"]
    client.post(f"/api/v1/proposals/{proposal['id']}/share", headers=officer)
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(session, "axe@young.example", Role.YOUNG_PERSON, None, young_person="YP-AXE")

    for width in (320, 390):
        context, phone_page = phone(chromium, live_server, width)
        phone_page.goto("/me/sign-in")
        checked(phone_page)
        press(phone_page, phone_page.get_by_role("button", name="Email me a link"))
        checked(phone_page, "own-ask-for-link-error" if width == 390 else None)
        phone_page.get_by_label("Your email address").fill("nobody@young.example")
        press(phone_page, phone_page.get_by_role("button", name="Email me a link"))
        assert "Check your email" in phone_page.locator("h1").inner_text()
        checked(phone_page)
        phone_page.goto("/me/sign-in/not-a-real-link")
        press(phone_page, phone_page.get_by_role("button", name="Sign in"))
        assert "This link does not work" in phone_page.locator("h1").inner_text()
        assert phone_page.title().startswith("Error: ")
        summary = phone_page.locator(".govuk-error-summary")
        assert "expired or has been used" in summary.inner_text()
        phone_page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")
        checked(phone_page, "own-link-refused" if width == 390 else None)
        summary.get_by_role("link").focus()  # the summary's link leads to the way out
        phone_page.keyboard.press("Enter")
        phone_page.wait_for_url("**#new-link")
        press(phone_page, phone_page.locator("#new-link"))
        assert "Get a link to sign in" in phone_page.locator("h1").inner_text()
        context.close()

    for width in (320, 390):
        context, phone_page = phone(chromium, live_server, width)
        signed_in_by_a_new_link(app, phone_page, "axe@young.example")
        for path in ("/me", "/me/about-you", f"/me/proposals/{proposal['id']}"):
            phone_page.goto(path)
            checked(phone_page)
        phone_page.goto("/me/this-is-wrong?about=links")
        checked(phone_page)
        press(phone_page, phone_page.get_by_role("button", name="Send to my worker"))
        assert "Tell your worker what is wrong" in phone_page.locator(".govuk-error-summary").inner_text()
        checked(phone_page, "own-this-is-wrong-error" if width == 390 else None)
        context.close()
