"""The emails notifications become: claimed once, sent, audited (the channel itself is a face's)."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing.actors import SERVICE
from housing.db import transaction
from housing.models import Notification, SentEmail, User
from housing.services import audit

SIGN_IN_PAGE = "/me/sign-in"  # where a young person asks for a new link (web/own_pages.py)


def claim(
    session: Session, notification_id: str, channel: str, *, link_base: str, footer: str
) -> SentEmail | None:
    """The email to send for the notification, claimed; None if claimed before or not wanted."""
    try:
        with transaction(session):
            found = session.get(Notification, notification_id)
            user = session.get(User, found.user_id) if found else None
            if user is None or not user.email_notifications:
                return None
            if session.scalar(select(SentEmail.id).where(SentEmail.notification_id == notification_id)):
                return None
            email = SentEmail(
                notification_id=notification_id, to=user.email, subject=found.subject,
                body=f"{found.body}\n\n{link_base}{found.link}{footer}", channel=channel,
                claimed_at=datetime.now(UTC),
            )  # fmt: skip
            session.add(email)
            session.flush()
    except IntegrityError:  # another worker claimed it meanwhile
        return None
    return email


def sent(session: Session, email_id: str, details: dict[str, Any]) -> None:
    with transaction(session):
        email = session.get(SentEmail, email_id)
        email.sent_at, email.details, email.error = datetime.now(UTC), details, None
        if email.channel != "outbox":  # gone to the reader: a sign-in link is theirs alone
            notification = session.get(Notification, email.notification_id)
            if notification.link.startswith(f"{SIGN_IN_PAGE}/"):
                forget_link(session, notification.user_id, notification.link)
        notification = session.get(Notification, email.notification_id)
        audit.record(
            session, SERVICE, "notify", None,
            f"emailed {email.to} by the {email.channel} channel: {notification.subject!r} "
            f"({words.value(notification.kind)})",
        )  # fmt: skip


def forget_link(session: Session, user_id: str, link: str) -> None:
    """Keep no usable copy of a one-time sign-in link once it is used or sent: the notification
    and its email point to the page that asks for a new one. Otherwise anyone who can read the
    store (or an admin reading the outbox) could sign in as the young person."""
    for notification in session.scalars(
        select(Notification).where(Notification.user_id == user_id, Notification.link == link)
    ):
        notification.link = SIGN_IN_PAGE
        for email in session.scalars(select(SentEmail).where(SentEmail.notification_id == notification.id)):
            email.body = email.body.replace(link, SIGN_IN_PAGE)


def failed(session: Session, email_id: str, why: str) -> None:
    session.rollback()
    with transaction(session):
        session.get(SentEmail, email_id).error = why
