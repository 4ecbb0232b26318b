"""What the background jobs could not do, for the admins' page: each event tried and not finished,
with the reason kept (the exception's type and step, never its text), oldest first."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.models import Event
from housing.vocabulary import EventKind


@dataclass(frozen=True)
class Failure:
    kind: EventKind
    created_at: datetime
    attempts: int
    last_error: str


def failing(session: Session) -> list[Failure]:
    query = (
        select(Event.kind, Event.created_at, Event.attempts, Event.last_error)
        .where(Event.done_at.is_(None), Event.last_error.is_not(None))
        .order_by(Event.created_at)
    )
    return [Failure(*row) for row in session.execute(query)]
