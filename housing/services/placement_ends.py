"""Ending a placement: the young person comes back to the matcher, due on the end date.

What the end frees depends on the route (`RETURNING_ROUTES`): a supported place is free again from
the end date; a Staying Put offer, a council's or a landlord's home does not come back. A
breakdown, a carer's withdrawal or a notice to leave also excludes the pair from later runs.
"""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Conflict, FieldErrors, Invalid
from housing.models import Nomination, Option, Placement, Rejection, YoungPerson
from housing.services import audit, events
from housing.vocabulary import (
    EXCLUDING_END_REASONS,
    RETURNING_ROUTES,
    EndReason,
    EventKind,
    NominationStatus,
    PathwayStatus,
    PlacementStatus,
    Route,
)


def end(session: Session, actor: Actor, placement_id: str, data: dict[str, Any], today: date) -> Placement:
    """Record a placement's end, from `data` (`ends_on`, `reason`, `note`)."""
    with transaction(session):
        placement = found(session, Placement, placement_id, "placement")
        if placement.option.route == Route.HOUSE_PROJECT:
            raise Invalid.field(
                "reason", "a House Project place ends through its cohort: record the member as withdrawn"
            )
        _check_date(placement, data["ends_on"])
        end_in_session(
            session, actor, placement, ends_on=data["ends_on"], reason=data["reason"], note=data.get("note")
        )
    session.refresh(placement)
    return placement


def withdraw_carer(
    session: Session, actor: Actor, option_id: str, data: dict[str, Any], today: date
) -> Option:
    """A Staying Put carer is no longer willing: the offer closes and its placement ends on `ends_on`."""
    with transaction(session):
        option = found(session, Option, option_id, "option")
        if option.route != Route.STAYING_PUT:
            raise Invalid.field("option", "only a Staying Put offer has a carer who can withdraw")
        if not option.carer_willing:
            raise Conflict("the carer's withdrawal is already recorded")
        current = _current_on(session, option.id)
        if current is not None:
            _check_date(current, data["ends_on"])
        option.carer_willing = False
        if current is not None:
            end_in_session(
                session, actor, current, ends_on=data["ends_on"], reason=EndReason.CARER_WITHDREW,
                note=data.get("note"),
            )  # fmt: skip
        else:
            audit.record(session, actor, "update", option.young_person_id,
                         f"Staying Put offer {option.name}: the carer is no longer willing")  # fmt: skip
    return option


def when_carer_unwilling(session: Session, actor: Actor, option: Option, today: date) -> None:
    """Inside a change to an option: a Staying Put carer marked unwilling ends its placement today."""
    if option.route != Route.STAYING_PUT or option.carer_willing is not False:
        return
    current = _current_on(session, option.id)
    if current is not None:
        end_in_session(
            session,
            actor,
            current,
            ends_on=max(today, current.starts_on),
            reason=EndReason.CARER_WITHDREW,
            note=None,
        )


def end_in_session(
    session: Session,
    actor: Actor,
    placement: Placement,
    *,
    ends_on: date,
    reason: EndReason,
    note: str | None,
) -> None:
    """End an active placement within the caller's transaction (409 if it was ended meanwhile)."""
    pending = session.scalar(
        select(Nomination.id).where(
            Nomination.placement_id == placement.id, Nomination.status == NominationStatus.PENDING
        )
    )
    if pending is not None:
        raise Conflict("the council has not decided this nomination yet; it can be ended once it has")
    route = placement.option.route
    frees = route in RETURNING_ROUTES
    ended = session.execute(
        update(Placement)
        .where(Placement.id == placement.id, Placement.status == PlacementStatus.ACTIVE)
        .values(
            status=PlacementStatus.ENDED, ends_on=ends_on, end_reason=reason, end_note=note,
            ended_by=actor.email, ended_at=datetime.now(UTC), held_until=ends_on if frees else None,
        )
    )  # fmt: skip
    if ended.rowcount != 1:
        raise Conflict("this placement has already ended")
    if frees:
        session.execute(
            update(Option).where(Option.id == placement.option_id).values(placed=Option.placed - 1)
        )
    session.execute(
        update(YoungPerson)
        .where(YoungPerson.id == placement.young_person_id)
        .where(YoungPerson.pathway_option_id == placement.option_id)
        .values(
            pathway_status=PathwayStatus.IN_PROGRESS, pathway_route=None, pathway_option_id=None,
            pathway_agreed_on=None, move_date=ends_on,
        )
    )  # fmt: skip
    if (
        reason in EXCLUDING_END_REASONS
        and session.get(Rejection, (placement.young_person_id, placement.option_id)) is None
    ):
        session.add(
            Rejection(
                young_person_id=placement.young_person_id, option_id=placement.option_id,
                reason=f"placement ended: {reason}", rejected_by=actor.email, rejected_at=datetime.now(UTC),
            )
        )  # fmt: skip
    option = placement.option
    audit.record(
        session, actor, "end", placement.young_person_id,
        f"ended the placement at {option.name}, {option.place} ({route.replace('_', ' ')}) on "
        f"{ends_on.day} {ends_on:%B %Y}, because {reason.replace('_', ' ')}; "
        "any note is kept with the placement",
    )  # fmt: skip
    # The young person is due again, and a returning place is free for whoever it could serve.
    events.record(
        session, EventKind.PLACE_FREED, subject_id=placement.id, young_people=[placement.young_person_id],
        options=[placement.option_id] if frees else [], actor=actor,
    )  # fmt: skip


def _check_date(placement: Placement, ends_on: date) -> None:
    """An end already past may be recorded (issue 30: an officer learns of a breakdown days later),
    but not before the placement began."""
    errors = FieldErrors()
    if ends_on < placement.starts_on:
        errors.add(
            ("ends_on",), f"must be on or after the placement's start, {placement.starts_on.isoformat()}"
        )
    errors.raise_any()


def _current_on(session: Session, option_id: str) -> Placement | None:
    return session.scalar(
        select(Placement).where(Placement.option_id == option_id, Placement.status == PlacementStatus.ACTIVE)
    )
