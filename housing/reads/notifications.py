"""A user's own notifications as the bell and the API read them, and whether they want them by email
(a user reads only their own); and the emails sent, newest first, for the admin's outbox."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing.models import Notification, SentEmail, User


def mine(session: Session, user_id: str, *, page: int, page_size: int) -> tuple[list[Notification], int]:
    query = select(Notification).where(Notification.user_id == user_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    items = session.scalars(
        query.order_by(Notification.created_at.desc(), Notification.id).limit(page_size)
        .offset((page - 1) * page_size)
    )  # fmt: skip
    return list(items), total


def unread(session: Session, user_id: str) -> int:
    return session.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == user_id, Notification.read_at.is_(None)
        )
    ) or 0  # fmt: skip


def wants_email(session: Session, user_id: str) -> bool:
    user = session.get(User, user_id)
    return bool(user and user.email_notifications)


def outbox(session: Session, *, limit: int = 200) -> list[SentEmail]:
    return list(session.scalars(select(SentEmail).order_by(SentEmail.claimed_at.desc()).limit(limit)))
