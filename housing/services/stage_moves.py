"""A House Project member's stage moves: dated, with a reason where one matters, and undone the same day.

STAGE_DATES, the rule: a move happens on a day that has come (today or earlier), not before the
member entered the stage they leave; moving in not before the cohort starts (a home cannot be the
programme's before the programme begins). The pages ask why a member withdraws; the API keeps the
reason optional, as contract v1 wrote the move without one. STAGE_UNDO: the last move, on the
day it was recorded, puts the member back where they were, with what the move did taken back (a
moved-in placement removed, a withdrawn member's place taken again if one is left).
"""

from datetime import UTC, date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing.actors import Actor
from housing.db import transaction
from housing.errors import Conflict, FieldErrors, NotFound
from housing.models import Cohort, CohortMember, Option, Placement, YoungPerson
from housing.services import audit
from housing.vocabulary import EndReason, PathwayStatus, PlacementStatus, Route, Stage


def check(cohort: Cohort, member: CohortMember, stage: Stage, *, on: date, today: date) -> None:
    """STAGE_DATES: refuse (422, by field) a move that cannot be true on the day given."""
    errors = FieldErrors()
    if on > today:
        errors.add(("on",), "must be today or earlier: record a move once it has happened")
    if on < member.stage_since:
        errors.add(
            ("on",), f"must be on or after the day they entered this stage, {member.stage_since:%-d %B %Y}"
        )
    if stage == Stage.MOVED_IN and on < cohort.starts_on:
        errors.add(
            ("stage",), f"they cannot move in before the cohort starts on {cohort.starts_on:%-d %B %Y}"
        )
    errors.raise_any()


def remember(member: CohortMember, actor: Actor, reason: str | None) -> None:
    """Keep what the move leaves, so it can be undone the same day, and why it was made."""
    member.previous_stage, member.previous_stage_since = member.stage, member.stage_since
    member.stage_moved_at, member.stage_moved_by, member.stage_reason = datetime.now(UTC), actor.email, reason


def undoable(member: CohortMember, today: date) -> bool:
    """STAGE_UNDO: the last move may be undone on the day it was recorded."""
    moved = member.stage_moved_at
    return member.previous_stage is not None and moved is not None and moved.astimezone(UTC).date() == today


def undo(session: Session, actor: Actor, cohort_id: str, young_person_id: str, today: date) -> CohortMember:
    with transaction(session):
        member = session.scalar(
            select(CohortMember).where(
                CohortMember.cohort_id == cohort_id, CohortMember.young_person_id == young_person_id
            )
        )
        if member is None:
            raise NotFound(f"{young_person_id} is not a member of cohort {cohort_id}")
        if not undoable(member, today):
            raise Conflict("only the last move, on the day it was recorded, can be undone")
        cohort = session.get(Cohort, cohort_id)
        person = session.get(YoungPerson, young_person_id)
        undone, back_to = Stage(member.stage), Stage(member.previous_stage)
        if undone == Stage.MOVED_IN:
            _unmove(session, cohort, member, person)
        elif undone == Stage.WITHDRAWN:
            _unwithdraw(session, cohort, member, person, back_to)
        member.stage, member.stage_since = back_to, member.previous_stage_since
        member.previous_stage = member.previous_stage_since = None
        member.stage_moved_at = member.stage_moved_by = member.stage_reason = None
        audit.record(
            session,
            actor,
            "undo",
            young_person_id,
            f"cohort {cohort.name}: move to {words.value(undone)} undone, back to {words.value(back_to)}",
        )
    return member


def _unmove(session: Session, cohort: Cohort, member: CohortMember, person: YoungPerson) -> None:
    session.execute(
        delete(Placement).where(
            Placement.young_person_id == person.id,
            Placement.option_id == cohort.option_id,
            Placement.status == PlacementStatus.ACTIVE,
        )
    )
    member.moved_in_on = None
    person.pathway_status, person.pathway_agreed_on = PathwayStatus.IN_PROGRESS, None
    person.pathway_route, person.pathway_option_id = Route.HOUSE_PROJECT, cohort.option_id


def _unwithdraw(
    session: Session, cohort: Cohort, member: CohortMember, person: YoungPerson, back_to: Stage
) -> None:
    retaken = session.execute(
        update(Option).where(Option.id == cohort.option_id, Option.placed < Option.capacity)
        .values(placed=Option.placed + 1)
    )  # fmt: skip
    if retaken.rowcount != 1:
        raise Conflict("the withdrawal cannot be undone: the cohort's places were all taken meanwhile")
    person.pathway_route, person.pathway_option_id = Route.HOUSE_PROJECT, cohort.option_id
    if back_to != Stage.MOVED_IN:
        person.pathway_status, person.pathway_agreed_on = PathwayStatus.IN_PROGRESS, None
        return
    session.execute(
        update(Placement)
        .where(
            Placement.young_person_id == person.id,
            Placement.option_id == cohort.option_id,
            Placement.end_reason == EndReason.WITHDRAWN_FROM_COHORT,
        )
        .values(status=PlacementStatus.ACTIVE, ends_on=None, end_reason=None, ended_by=None, ended_at=None,
                held_until=None)
    )  # fmt: skip
    person.pathway_status, person.pathway_agreed_on = PathwayStatus.AGREED, member.moved_in_on
