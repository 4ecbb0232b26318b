"""Steps the young person's own journeys share: a phone-sized browser, a key press, the checks on
each of their pages, and signing in by a new link."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from housing.models import Notification, SignInLink
from housing.services import own_access
from tests.browser.conftest import axe_violations, navigate, snapshot

PHONE = {"width": 390, "height": 844}


def press(page, locator) -> None:
    """Move focus to a control and press Enter on it, as a keyboard user does."""
    locator.focus()
    navigate(page, lambda: page.keyboard.press("Enter"))


def phone(chromium, live_server, width=PHONE["width"]):
    context = chromium.new_context(base_url=live_server, viewport={**PHONE, "width": width}, bypass_csp=True)
    return context, context.new_page()


def checked(page, name: str | None = None) -> None:
    """axe at 0; at most the phone's width; and the README's screenshot when asked for."""
    assert axe_violations(page) == [], page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], page.url
    if name:
        snapshot(page, name)


def signed_in_by_a_new_link(app, phone_page, email: str) -> None:
    """Ask for a link for the account (as the sign-in page does, the last asked for over a minute
    ago) and use it in this browser."""
    with app.extensions["pathways"].writer_factory() as session:
        with session.begin():
            session.execute(update(SignInLink).values(created_at=datetime.now(UTC) - timedelta(minutes=2)))
        link = session.get(Notification, own_access.ask_for_link(session, email)).link
    phone_page.goto(link)
    press(phone_page, phone_page.get_by_role("button", name="Sign in"))
    assert phone_page.title().startswith("Your plan")
