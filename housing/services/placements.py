"""Placements taken: whether an option's places hold one on every day from its start (which
`housing.placement_start` works out).

Accepting a proposal first takes a place with the conditional update on `options.placed` (which also
locks the option's row, so concurrent accepts for one option queue there); this module then checks
the days ahead, where placements already ended may still hold a place until their end date.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from housing import occupancy
from housing.actors import Actor
from housing.errors import Conflict
from housing.models import Option, Placement, Rejection, YoungPerson
from housing.vocabulary import RETURNING_ROUTES, EndReason, PathwayStatus, PlacementStatus, Route


def open_placement(
    session: Session,
    actor: Actor,
    option_id: str,
    young_person_id: str,
    *,
    starts: date,
    now: datetime,
    proposal_id: str | None = None,
) -> Placement:
    """Record a placement whose place was just taken, refusing it (409) if any day from its start
    would hold more young people than the option has places."""
    move_on_from(session, actor, young_person_id, starts, now)
    placement = Placement(
        young_person_id=young_person_id,
        option_id=option_id,
        proposal_id=proposal_id,
        status=PlacementStatus.ACTIVE,
        created_at=now,
        created_by=actor.email,
        starts_on=starts,
    )
    session.add(placement)
    session.flush()
    refuse_if_overfilled(session, option_id, starts)
    return placement


def refuse_if_overfilled(session: Session, option_id: str, starts: date) -> None:
    """A 409 if any day from `starts` holds more young people than the option has places."""
    option = session.get(Option, option_id)
    if option.route != Route.HOUSE_PROJECT and occupancy.peak_from(_holds(session, option_id), starts) > (
        option.capacity
    ):
        raise Conflict(
            "no place remains in this option from that day: it is still held by a placement ending later"
        )


def restart(session: Session, placement: Placement, starts: date) -> None:
    """The day they really moved in becomes the placement's start; an earlier day must have room too."""
    earliest = min(starts, placement.starts_on)
    session.execute(update(Placement).where(Placement.id == placement.id).values(starts_on=starts))
    option = placement.option
    if option.route != Route.HOUSE_PROJECT and occupancy.peak_from(_holds(session, option.id), earliest) > (
        option.capacity
    ):
        raise Conflict(
            "no place is free in this option from that day: another placement holds it until later"
        )


def move_on_from(session: Session, actor: Actor, young_person_id: str, starts: date, now: datetime) -> None:
    """Where they live now without an agreed pathway (a 17-year-old in supported accommodation, say)
    they leave the day the new placement starts; the place is free again from then."""
    current = session.scalar(
        select(Placement).where(
            Placement.young_person_id == young_person_id,
            Placement.status == PlacementStatus.ACTIVE,
        )
    )
    if current is None:
        return
    ends_on = max(starts, current.starts_on)
    frees = current.option.route in RETURNING_ROUTES
    session.execute(
        update(Placement)
        .where(Placement.id == current.id)
        .values(
            status=PlacementStatus.ENDED, ends_on=ends_on, end_reason=EndReason.MOVED_ON,
            ended_by=actor.email, ended_at=now, held_until=ends_on if frees else None,
        )
    )  # fmt: skip
    if frees:
        session.execute(update(Option).where(Option.id == current.option_id).values(placed=Option.placed - 1))


def close_for_cohort(session: Session, actor: Actor, young_person_id: str, today: date) -> None:
    """A House Project member who withdraws after moving in leaves their home: its placement ends."""
    session.execute(
        update(Placement)
        .where(Placement.young_person_id == young_person_id, Placement.status == PlacementStatus.ACTIVE)
        .values(
            status=PlacementStatus.ENDED, ends_on=today,
            end_reason=EndReason.WITHDRAWN_FROM_COHORT, ended_by=actor.email, ended_at=datetime.now(UTC),
            held_until=today,
        )
    )  # fmt: skip


def living_in(session: Session, young_people: set[str], day: date) -> dict[str, str]:
    """The supported place each young person lives in on `day`, where they have one: the matcher's
    continuity (a place that can keep them spares a move)."""
    return {
        young_person_id: option_id
        for young_person_id, option_id in session.execute(
            select(Placement.young_person_id, Placement.option_id)
            .join(Option, Option.id == Placement.option_id)
            .where(Option.route.in_(RETURNING_ROUTES), Placement.starts_on <= day)
            .where(or_(Placement.ends_on.is_(None), Placement.ends_on > day))
        )
        if young_person_id in young_people
    }


def held_meanwhile(session: Session, day: date) -> dict[str, int]:
    """For each option with a place held for a while yet, by a placement already ended, how many
    more are held on some day from `day` on than its lasting placements count."""
    return held_meanwhile_on(session, (day,))[0]


def held_meanwhile_on(session: Session, days: Sequence[date]) -> list[dict[str, int]]:
    """`held_meanwhile` on each of `days`, from one read of the placements: the plan of the coming
    months asks for nine days, and reading every lasting placement for each was most of its time
    once its arcs were kept (issue 28)."""
    holds: dict[str, list[occupancy.Hold]] = defaultdict(list)
    temporary: set[str] = set()
    for option_id, start, until in session.execute(
        select(Placement.option_id, Placement.starts_on, Placement.held_until)
        .join(Option, Option.id == Placement.option_id)
        .where(Option.route != Route.HOUSE_PROJECT)
        .where(or_(Placement.held_until.is_(None), Placement.held_until > min(days)))
    ):
        holds[option_id].append((start, until))
        if until is not None:
            temporary.add(option_id)
    out = []
    for day in days:
        held = {}
        for option_id in temporary:
            kept = [(start, until) for start, until in holds[option_id] if until is None or until > day]
            if any(until is not None for _, until in kept):
                held[option_id] = occupancy.peak_from(kept, day) - sum(u is None for _, u in kept)
        out.append(held)
    return out


def judge_on(session: Session, options: Iterable[Option], day: date) -> None:
    """Set each option's `remaining` as it stands on `day` (a run's date, or today)."""
    held = held_meanwhile(session, day)
    for option in options:
        option.held_meanwhile = held.get(option.id, 0)


def _holds(session: Session, option_id: str) -> list[occupancy.Hold]:
    return [
        (start, until)
        for start, until in session.execute(
            select(Placement.starts_on, Placement.held_until).where(Placement.option_id == option_id)
        )
    ]


def release_unstarted(
    session: Session,
    actor: Actor,
    placement: Placement,
    *,
    end_reason: EndReason,
    exclusion: str,
    now: datetime,
    note: str | None = None,
) -> None:
    """A home never taken (a nomination declined, withdrawn or lapsed; a move fallen through): the
    placement ends on the day it would have started, holding nothing; the place is given back, the
    pathway reopened and the pair excluded from later runs with `exclusion` as the reason."""
    session.execute(
        update(Placement)
        .where(Placement.id == placement.id)
        .values(
            status=PlacementStatus.ENDED, ends_on=Placement.starts_on, held_until=Placement.starts_on,
            end_reason=end_reason, end_note=note, ended_by=actor.email, ended_at=now,
        )
    )  # fmt: skip
    session.execute(
        update(Option)
        .where(Option.id == placement.option_id, Option.placed > 0)
        .values(placed=Option.placed - 1)
    )
    session.execute(
        update(YoungPerson)
        .where(YoungPerson.id == placement.young_person_id)
        .values(
            pathway_status=PathwayStatus.IN_PROGRESS, pathway_route=None, pathway_option_id=None,
            pathway_agreed_on=None,
        )
    )  # fmt: skip
    if session.get(Rejection, (placement.young_person_id, placement.option_id)) is None:
        session.add(
            Rejection(
                young_person_id=placement.young_person_id, option_id=placement.option_id,
                reason=exclusion, rejected_by=actor.email, rejected_at=now,
            )
        )  # fmt: skip
