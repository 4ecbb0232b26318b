"""The move after agreement: dated steps to the door, or the move falling through (issue 29).

The steps are facts, recorded as they happen: never in the future, never before the pathway was
agreed or before the last step that has happened. VIEWING_AHEAD (a named rule): a viewing is the one
step recorded when it is set, up to `VIEWING_AHEAD_DAYS` ahead, so that the young person is told
the day (issue 32; housing.services.own_notices); on their pages it reads as still to come. Moving
in records the day the placement really started (the place has been held since the accept, so
nothing is taken twice). A move that falls through
ends the placement on the day it would have started, holding nothing, frees the place (whatever
the route: the young person never lived there), excludes the pair and reopens the pathway; it is
an event after which the proposals are to be made again (the lead wires that trigger).

STALLED (a named rule): an agreed pathway whose move has had no step — nor the agreement, nor the
council's acceptance — for `STALLED_AFTER_DAYS` days, and who has not moved in (a viewing set ahead
counts from its day: the move is not stalled while it is to come). `housing.reads.moves` reads the
steps and lists the moves stalled.
"""

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Conflict, FieldErrors
from housing.models import MoveStep, Nomination, Placement, YoungPerson
from housing.services import audit, events, own_notices, placements
from housing.vocabulary import (
    EndReason,
    EventKind,
    MoveStepKind,
    NominationStatus,
    PathwayStatus,
    PlacementStatus,
    Route,
)

STALLED_AFTER_DAYS = 21  # three weeks without a step: a council offer, a viewing or a signing is overdue
VIEWING_AHEAD_DAYS = 56  # VIEWING_AHEAD: a viewing may be set up to eight weeks ahead


def movable(session: Session, young_person_id: str) -> Placement | None:
    """The placement whose move can be recorded now: agreed, not a House Project place (the cohort
    records its own stages), its nomination (if any) accepted, and not moved into yet.

    The guard of recording a step (`_the_move`), so it stays here: the pages ask it whether to offer
    the form, and the move page names the placement's option from it."""
    person = session.get(YoungPerson, young_person_id)
    if person is None or person.pathway_status != PathwayStatus.AGREED:
        return None
    placement = session.scalar(
        select(Placement).where(
            Placement.young_person_id == young_person_id,
            Placement.status == PlacementStatus.ACTIVE,
            Placement.option_id == person.pathway_option_id,
        )
    )
    if placement is None or placement.option.route == Route.HOUSE_PROJECT or _moved_in(session, placement):
        return None
    awaiting_council = session.scalar(
        select(Nomination.id).where(
            Nomination.placement_id == placement.id, Nomination.status == NominationStatus.PENDING
        )
    )
    return None if awaiting_council else placement


def record(
    session: Session, actor: Actor, young_person_id: str, data: dict[str, Any], today: date
) -> tuple[MoveStep, list[str]]:
    """Record one step from `data` (`kind`, `on`, `answer`, `words`, `reason`), and the notifications
    it made (a viewing set for the young person tells them), to be emailed once it commits."""
    with transaction(session):
        person = found(session, YoungPerson, young_person_id, "young person")
        placement = _the_move(session, person)
        _check(session, placement, person, data, today)
        now = datetime.now(UTC)
        step = MoveStep(
            young_person_id=person.id, placement_id=placement.id, kind=data["kind"], on=data["on"],
            answer=data.get("answer"), words=data.get("words"), reason=data.get("reason"),
            recorded_by=actor.email, recorded_at=now,
        )  # fmt: skip
        session.add(step)
        if data["kind"] == MoveStepKind.MOVED_IN:
            placements.restart(session, placement, data["on"])
        elif data["kind"] == MoveStepKind.FELL_THROUGH:
            _fall_through(session, actor, placement, data["reason"], now)
        session.flush()
        audit.record(
            session, actor, "move", person.id,
            f"move step {data['kind'].replace('_', ' ')} on {words.day(data['on'])} for the placement at "
            f"{placement.option.name}; "
            "the young person's words and any reason are kept with the step",
        )  # fmt: skip
        told = own_notices.viewing_set(session, step, today)
    return step, told


def _the_move(session: Session, person: YoungPerson) -> Placement:
    placement = movable(session, person.id)
    if placement is not None:
        return placement
    if person.pathway_status != PathwayStatus.AGREED:
        raise Conflict("their pathway is not agreed: there is no move to record yet")
    pending = session.scalar(
        select(Nomination.id)
        .join(Placement, Placement.id == Nomination.placement_id)
        .where(Placement.young_person_id == person.id, Nomination.status == NominationStatus.PENDING)
    )
    if pending is not None:
        raise Conflict("the council has not accepted the nomination yet")
    if person.pathway_route == Route.HOUSE_PROJECT:
        raise Conflict("a House Project move is recorded on the cohort's board")
    raise Conflict("they have moved in already")


def _check(
    session: Session, placement: Placement, person: YoungPerson, data: dict[str, Any], today: date
) -> None:
    errors = FieldErrors()
    on: date = data["on"]
    if data["kind"] == MoveStepKind.VIEWING and on > today + timedelta(days=VIEWING_AHEAD_DAYS):
        errors.add(("on",), f"must be within {VIEWING_AHEAD_DAYS // 7} weeks from today for a viewing")
    elif data["kind"] != MoveStepKind.VIEWING and on > today:
        errors.add(("on",), "must be today or earlier: record a step once it has happened")
    if person.pathway_agreed_on and on < person.pathway_agreed_on:
        errors.add(("on",), f"must be on or after the day the pathway was agreed, {person.pathway_agreed_on}")
    last = session.scalar(  # a viewing set ahead has not happened: steps before it may still be recorded
        select(func.max(MoveStep.on)).where(MoveStep.placement_id == placement.id, MoveStep.on <= today)
    )
    if last is not None and on < last:
        errors.add(("on",), f"must be on or after the last step recorded, {last.isoformat()}")
    if data["kind"] == MoveStepKind.ANSWER and not data.get("answer"):
        errors.add(("answer",), "give the young person's answer: yes, no or not sure")
    if data["kind"] == MoveStepKind.FELL_THROUGH and not data.get("reason"):
        errors.add(("reason",), "say why the move fell through")
    errors.raise_any()


def _moved_in(session: Session, placement: Placement) -> bool:
    return (
        session.scalar(
            select(MoveStep.id).where(
                MoveStep.placement_id == placement.id, MoveStep.kind == MoveStepKind.MOVED_IN
            )
        )
        is not None
    )


def _fall_through(session: Session, actor: Actor, placement: Placement, reason: str, now: datetime) -> None:
    """They never lived there: the placement ends on its start day holding nothing, and the place is freed."""
    placements.release_unstarted(
        session, actor, placement, end_reason=EndReason.MOVE_FELL_THROUGH,
        exclusion=f"the move fell through: {reason}", now=now, note=reason,
    )  # fmt: skip
    # The young person is due again and the place free for whoever it could serve (proposals kept current).
    events.record(
        session, EventKind.PLACE_FREED, subject_id=placement.id, young_people=[placement.young_person_id],
        options=[placement.option_id], actor=actor,
    )  # fmt: skip
