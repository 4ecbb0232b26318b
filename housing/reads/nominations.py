"""Nominations as the county's officers read them: one, a young person's, those awaiting councils,
and the one behind each record's current placement. A council reads its own through
`housing.services.nominations.shown`, which also marks them seen."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import found, transaction
from housing.models import Nomination, Placement, YoungPerson
from housing.reads.names import Person
from housing.services import audit
from housing.vocabulary import NominationStatus, PlacementStatus


@dataclass(frozen=True)
class Nominated:
    """A nomination as the lists show it, its young person named."""

    id: str
    young_person_id: str
    option_id: str
    district: str
    status: str
    reason: str | None
    created_at: datetime
    decided_at: datetime | None
    seen_at: datetime | None
    young_person: Person


_COLUMNS = (Nomination.id, Nomination.young_person_id, Nomination.option_id, Nomination.district,
            Nomination.status, Nomination.reason, Nomination.created_at, Nomination.decided_at,
            Nomination.seen_at)  # fmt: skip


def _named(query: Any) -> Any:
    """A query of nominations as the columns `Nominated` takes, its young person's after its own."""
    return query.with_only_columns(*_COLUMNS, *Person.COLUMNS).join(
        YoungPerson, YoungPerson.id == Nomination.young_person_id
    )


def _nominated(row: Any) -> Nominated:
    own = len(_COLUMNS)
    return Nominated(*row[:own], young_person=Person(*row[own:]))


def get(session: Session, nomination_id: str) -> Nomination:
    return found(session, Nomination, nomination_id, "nomination")


def awaiting(
    session: Session, actor: Actor, *, district: str | None, page: int, page_size: int
) -> tuple[list[Nominated], int]:
    """For the county's officers: nominations every council has yet to decide, oldest first."""
    with transaction(session):
        query = select(Nomination).where(Nomination.status == NominationStatus.PENDING)
        if district is not None:
            query = query.where(Nomination.district == district)
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        ordered = _named(query).order_by(Nomination.created_at, Nomination.id)
        page_of = [
            _nominated(row)
            for row in session.execute(ordered.limit(page_size).offset((page - 1) * page_size))
        ]
        audit.record_views(
            session, actor, [n.young_person_id for n in page_of], "nominations awaiting councils"
        )
    return page_of, total


def of_person(session: Session, young_person_id: str) -> list[Nominated]:
    """Every nomination made for the young person, newest first (part of their record's view)."""
    query = (
        select(Nomination)
        .where(Nomination.young_person_id == young_person_id)
        .order_by(Nomination.created_at.desc(), Nomination.id)
    )
    return [_nominated(row) for row in session.execute(_named(query))]


def attach(session: Session, people: list[YoungPerson]) -> None:
    """Set each record's `nomination_now` (a create or an update shows it on the model)."""
    found = behind(session, [p.id for p in people])
    for person in people:
        person.nomination_now = found.get(person.id)


def behind(session: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The nomination behind each young person's current placement, where there is one."""
    query = (
        select(Nomination.id, Nomination.status, Nomination.district, Placement.young_person_id)
        .join(Placement, Placement.id == Nomination.placement_id)
        .where(Placement.status == PlacementStatus.ACTIVE, Placement.young_person_id.in_(ids))
    )
    return {
        row.young_person_id: {"id": row.id, "status": row.status, "district": row.district}
        for row in session.execute(query)
    }
