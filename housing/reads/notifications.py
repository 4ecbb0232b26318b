"""A user's own notifications as the bell and the API read them, and whether they want them by email
(a user reads only their own); and the emails sent, newest first, for the admin's outbox."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing.models import Notification, SentEmail, User
from housing.vocabulary import NotificationKind


@dataclass(frozen=True)
class Note:
    """A notification as its reader sees it (its key, which makes a retried one the same, stays home)."""

    id: str
    kind: NotificationKind
    subject: str
    body: str
    link: str
    created_at: datetime
    read_at: datetime | None


@dataclass(frozen=True)
class Sent:
    """An email in the outbox: to whom, what, and whether it went."""

    to: str
    subject: str
    body: str
    channel: str
    sent_at: datetime | None
    error: str | None


def mine(session: Session, user_id: str, *, page: int, page_size: int) -> tuple[list[Note], int]:
    query = select(
        Notification.id,
        Notification.kind,
        Notification.subject,
        Notification.body,
        Notification.link,
        Notification.created_at,
        Notification.read_at,
    )
    query = query.where(Notification.user_id == user_id)  # fmt: skip
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(
        query.order_by(Notification.created_at.desc(), Notification.id).limit(page_size)
        .offset((page - 1) * page_size)
    )  # fmt: skip
    return [Note(*row) for row in rows], total


def unread(session: Session, user_id: str) -> int:
    return session.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == user_id, Notification.read_at.is_(None)
        )
    ) or 0  # fmt: skip


def wants_email(session: Session, user_id: str) -> bool:
    return bool(session.scalar(select(User.email_notifications).where(User.id == user_id)))


def outbox(session: Session, *, limit: int = 200) -> list[Sent]:
    query = select(SentEmail.to, SentEmail.subject, SentEmail.body, SentEmail.channel, SentEmail.sent_at,
                   SentEmail.error).order_by(SentEmail.claimed_at.desc()).limit(limit)  # fmt: skip
    return [Sent(*row) for row in session.execute(query)]
