"""The outbox of events that keep proposals current, the notifications they send, and the emails.

An event row is written in the same transaction as the decision it follows (a rejection, a
council's answer, a placement's end, a new place), so no event can be lost by a crash between the
decision and the queue: a background job processes it later, and its unique `key` and the unique
run and notification it leaves behind make doing it twice impossible.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base
from housing.models.types import UtcDateTime, id_column, vocabulary
from housing.vocabulary import EventKind, NotificationKind


class Event(Base):
    __tablename__ = "events"

    id: Mapped[str] = id_column()
    # One event per thing that happened (e.g. "rejected:<proposal id>"): a repeated request finds it.
    key: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[EventKind] = mapped_column(vocabulary(EventKind, "event_kind"))
    subject_id: Mapped[str | None] = mapped_column(String(32))  # the proposal, nomination, placement, option
    young_people: Mapped[list[str]] = mapped_column(JSON)  # those concerned
    options: Mapped[list[str]] = mapped_column(JSON)  # the places freed or added
    actor_email: Mapped[str | None] = mapped_column(String(254))  # the user who acted, if one did
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)  # the exception's type and step, never its text
    outcome: Mapped[str | None] = mapped_column(Text)  # what the job did, in words for admins


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("key", "user_id", name="uq_notifications_key_user"),)

    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # What it is about, e.g. "event:<id>" or "digest:<date>": one notification per reader for each.
    key: Mapped[str] = mapped_column(String(128))
    kind: Mapped[NotificationKind] = mapped_column(vocabulary(NotificationKind, "notification_kind"))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    link: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SentEmail(Base):
    """One email per notification at most: the row is claimed before sending, so a crash mid-send
    leaves a claimed, unsent row for admins to see rather than a second email."""

    __tablename__ = "sent_emails"

    id: Mapped[str] = id_column()
    notification_id: Mapped[str] = mapped_column(
        ForeignKey("notifications.id", ondelete="CASCADE"), unique=True
    )
    to: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(16))  # notify | smtp | outbox
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    error: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
