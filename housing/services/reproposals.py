"""Proposals kept current: an event from the outbox becomes a run for the young people it concerns.

The run covers exactly the components of the matching problem that the event touches (the young
people concerned, the places freed or added, and everyone who competes with them, directly or
through others: `matching.components`), so its proposals are those a full re-solve would make for
them, at a fraction of the cost. It is made by the existing run use case, with the event's trigger.

Processing an event is idempotent, whoever does it and however often: the run carries the event's
id under a unique constraint, notifications carry the event in a unique key, and the event is
marked done last. A worker killed half-way leaves the event undone; the next attempt finds the run
(or makes it) and the notifications (or makes them), and nothing is done twice.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import matching
from housing import due
from housing.actors import SERVICE
from housing.db import transaction
from housing.models import Event, MatchingRun, YoungPerson
from housing.reads import matching_input
from housing.services import events, notifications, runs
from housing.vocabulary import EventKind, Trigger
from matching.components import touched

# The events that call for proposing again, and the trigger their run carries.
PROPOSING = {
    EventKind.REJECTED: Trigger.REJECTED,
    EventKind.DECLINED: Trigger.DECLINED,
    EventKind.WITHDRAWN: Trigger.WITHDRAWN,
    EventKind.LAPSED: Trigger.LAPSED,
    EventKind.PLACE_FREED: Trigger.PLACE_FREED,
    EventKind.NEW_OPTION: Trigger.NEW_OPTION,
    EventKind.SCHEDULED: Trigger.SCHEDULED,
}


@dataclass
class Done:
    """What processing an event did: its run (if one was needed) and the notifications to send."""

    run: MatchingRun | None = None
    notifications: list[str] = field(default_factory=list)


def undone(session: Session, *, older_than: datetime | None = None) -> list[str]:
    """Events not yet done, oldest first: the sweep re-queues them (a queued job may have been lost)."""
    query = select(Event.id).where(Event.done_at.is_(None))
    if older_than is not None:
        query = query.where(Event.created_at < older_than)
    return list(session.scalars(query.order_by(Event.created_at, Event.id)))


def process(session: Session, event_id: str, *, today: date, reach_km: float) -> Done | None:
    """Do what the event calls for, once; None if it was done already (or never existed)."""
    with transaction(session):
        found = session.get(Event, event_id)
        if found is None or found.done_at is not None:
            return None
        found.attempts += 1  # committed now, so a worker killed later still counts the attempt
    step = "proposing again"
    try:
        run = _propose_again(session, found, today, reach_km) if found.kind in PROPOSING else None
        step = "writing notifications"
        made = notifications.for_event(session, found, run)
        step = "marking it done"
        with transaction(session):
            found.done_at = datetime.now(UTC)
            found.last_error = None
            found.outcome = _outcome(run, made)
    except Exception as error:
        session.rollback()
        with transaction(session):
            failed = session.get(Event, event_id)
            # The type and the step only: an exception's text can carry personal data or SQL.
            failed.last_error = f"{type(error).__name__} while {step}"
        raise
    return Done(run, made)


def _propose_again(session: Session, found: Event, today: date, reach_km: float) -> MatchingRun | None:
    made = session.scalar(select(MatchingRun).where(MatchingRun.event_id == found.id))
    if made is not None:
        return made  # an earlier attempt made it and was stopped before marking the event done

    def components(problem: matching.Problem) -> tuple[list[str], matching.PenaltyScale]:
        published = matching.published(problem)
        covered = touched(problem, published, found.young_people, found.options)
        if not covered:
            raise _NothingToPropose
        return covered, matching.penalty_scale(published)

    try:
        return runs.run(
            session, SERVICE, as_of=today, young_people=None, reach_km=reach_km,
            trigger=PROPOSING[found.kind], triggered_by=found.subject_id, event_id=found.id,
            narrow=components,
        )  # fmt: skip
    except _NothingToPropose:
        return None  # no one in scope the event could serve (e.g. they are out of scope now)
    except IntegrityError:  # another worker made this event's run meanwhile: theirs stands
        session.rollback()
        return session.scalar(select(MatchingRun).where(MatchingRun.event_id == found.id))


class _NothingToPropose(Exception):
    """The event touches no one in scope: no run is made."""


def _outcome(run: MatchingRun | None, made: list[str]) -> str:
    ran = (
        f"a run of {run.summary['in_scope']} young people, {len(run.proposals)} proposals"
        if run
        else "no run"
    )
    return f"{ran}; {len(made)} notifications"


def standing(person: YoungPerson | matching_input.InScope, day: date) -> str:
    """How pressing a young person's due date is on `day`: its tier (contract v1.2, `housing.due`),
    the order a run serves them in. In scope means not settled, so the rule is asked as such."""
    return due.due_tier(day, person.date_of_birth, person.move_date, person.custody_release_date).value


def schedule_morning(session: Session, today: date) -> Event | None:
    """Record today's scheduled event for everyone in scope whose standing changed overnight."""
    with transaction(session):
        people = matching_input.in_scope(session, today, None)
        yesterday = today - timedelta(days=1)
        changed = [p.id for p in people if standing(p, today) != standing(p, yesterday)]
        if not changed:
            return None
        return events.record(
            session, EventKind.SCHEDULED, subject_id=None, young_people=changed, key=f"scheduled:{today}"
        )
