"""The steps of a move as the faces read them, and the moves STALLED (`housing.services.moves` names the
rule) as one query: narrow rows, a page's young people named and audited as viewed."""

from datetime import date, timedelta

from sqlalchemy import Date, Row, Select, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.models import MoveStep, Nomination, Option, Placement, YoungPerson
from housing.reads.due_columns import ByteOrder, UtcDay, later_of
from housing.reads.names import Person
from housing.services import audit
from housing.services.moves import STALLED_AFTER_DAYS
from housing.vocabulary import MoveStepKind, NominationStatus, PathwayStatus, PlacementStatus, Route


def steps(session: Session, young_person_id: str) -> list[MoveStep]:
    """Every step recorded for the young person, oldest first (for the record; the caller audits the view)."""
    return list(
        session.scalars(
            select(MoveStep)
            .where(MoveStep.young_person_id == young_person_id)
            .order_by(MoveStep.on, MoveStep.recorded_at)
        )
    )


def shown(session: Session, actor: Actor, young_person_id: str) -> list[MoveStep]:
    """The steps, as an audited view of the record."""
    with transaction(session):
        found = steps(session, young_person_id)
        audit.record_views(session, actor, [young_person_id], "viewed the steps of their move")
    return found


def _stalled(today: date) -> Select:
    """STALLED as one query: agreed pathways not moved into, not with the council, whose last sign
    of the move (the agreement, a step, the council's decision, its day in UTC) is more than
    `STALLED_AFTER_DAYS` old; each with the young person's id and reference and that day."""
    last_step = (
        select(MoveStep.placement_id, func.max(MoveStep.on).label("last_on"))
        .group_by(MoveStep.placement_id)
        .subquery()
    )
    decided = case((Nomination.decided_at.is_not(None), UtcDay(Nomination.decided_at)))
    since = type_coerce(later_of(later_of(YoungPerson.pathway_agreed_on, last_step.c.last_on), decided), Date)
    return (
        select(YoungPerson.id, YoungPerson.reference, since.label("since"))
        .join(Placement, Placement.young_person_id == YoungPerson.id)
        .join(Option, Option.id == Placement.option_id)
        .outerjoin(last_step, last_step.c.placement_id == Placement.id)
        .outerjoin(Nomination, Nomination.placement_id == Placement.id)
        .where(
            YoungPerson.pathway_status == PathwayStatus.AGREED,
            Placement.status == PlacementStatus.ACTIVE,
            Placement.option_id == YoungPerson.pathway_option_id,
            Option.route != Route.HOUSE_PROJECT,
            # the council has it: the nominations list follows those
            or_(Nomination.status.is_(None), Nomination.status != NominationStatus.PENDING),
            ~select(MoveStep.id)
            .where(MoveStep.placement_id == Placement.id, MoveStep.kind == MoveStepKind.MOVED_IN)
            .exists(),
            since < today - timedelta(days=STALLED_AFTER_DAYS),
        )
    )


def stalled(session: Session, today: date, limit: int | None = None) -> list[tuple[Row, date]]:
    """STALLED moves, oldest sign first, then by reference: (the young person's id and reference, and
    how many there are in all; the day of the last sign). Narrow rows, not records: a page shows
    twenty (`stalled_shown`), counted in the same query."""
    query = _stalled(today).subquery()
    ordered = (
        select(query, func.count().over().label("total"))
        .order_by(query.c.since, ByteOrder(query.c.reference))
        .limit(limit)
    )
    return [(row, row.since) for row in session.execute(ordered)]


def stalled_shown(
    session: Session, actor: Actor, today: date, limit: int
) -> tuple[list[tuple[Person, date]], int]:
    """The first `limit` stalled moves for a page, each young person named and shown an audited view,
    and how many there are."""
    with transaction(session):
        found = stalled(session, today, limit)
        ids = [row.id for row, _ in found]
        named = session.execute(select(*Person.COLUMNS).where(YoungPerson.id.in_(ids)))
        people = {row.id: Person(*row) for row in named}
        audit.record_views(session, actor, ids, "a stalled move")
    return [(people[row.id], since) for row, since in found], found[0][0].total if found else 0
