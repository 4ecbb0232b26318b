"""The outbox: what happened that calls for proposing again or telling someone, written in the
decision's own transaction, and handed to whoever listens once that transaction has committed.

A decision and its event commit together or not at all, so a refused request (any 4xx) leaves no
event, and a crash after the commit leaves the event waiting for the job that sweeps the outbox.
Each event has a unique key naming what happened, so a repeated request never makes a second one.

Hooks other use cases call when they add events (e.g. a nomination withdrawn by the county):
`record(session, EventKind.WITHDRAWN, subject_id=nomination.id, young_people=[...], options=[...],
actor=actor)` inside their transaction. Nothing else is needed: the queue picks it up on commit.
"""

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from housing.actors import Actor
from housing.models import Event
from housing.vocabulary import EventKind

_NEW = "pathways_new_events"
_LISTENER = "pathways_on_events"


def record(
    session: Session,
    kind: EventKind,
    *,
    subject_id: str | None,
    young_people: Iterable[str] = (),
    options: Iterable[str] = (),
    actor: Actor | None = None,
    key: str | None = None,
) -> Event | None:
    """Add the event to the caller's transaction, unless one with its key exists (then None)."""
    key = key or f"{kind}:{subject_id}"
    if session.scalar(select(Event.id).where(Event.key == key)) is not None:
        return None
    found = Event(
        key=key, kind=kind, subject_id=subject_id, young_people=sorted(set(young_people)),
        options=sorted(set(options)), actor_email=actor.email if actor and not actor.automatic else None,
        created_at=datetime.now(UTC), attempts=0,
    )  # fmt: skip
    try:
        with session.begin_nested():  # a concurrent twin of this request got there first: keep theirs
            session.add(found)
    except IntegrityError:
        return None
    session.info.setdefault(_NEW, []).append(found.id)
    return found


def wire(factory: sessionmaker[Session], listener: Callable[[list[str]], None]) -> None:
    """Call `listener` with the ids of the events each session committed, after the commit."""
    factory.configure(info={_LISTENER: listener})
    event.listen(factory, "after_commit", _after_commit)
    event.listen(factory, "after_rollback", _after_rollback)


def _after_commit(session: Session) -> None:
    committed = session.info.pop(_NEW, [])
    listener = session.info.get(_LISTENER)
    if committed and listener is not None:
        listener(committed)


def _after_rollback(session: Session) -> None:
    session.info.pop(_NEW, None)
