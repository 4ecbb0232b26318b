"""A young person's record as the faces read it: one, or a page of a list, each view audited in the same
transaction, with what is due and the nomination behind the placement worked out."""

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from housing.actors import Actor
from housing.db import found, transaction
from housing.models import YoungPerson
from housing.reads import nominations
from housing.reads.due_columns import due_order
from housing.reads.young_people import Filters, due_of, matching
from housing.services import audit

# What a record shows beside its own columns, loaded with it (a create and an update show it too).
WITH_RECORD = (
    selectinload(YoungPerson.local_links),
    selectinload(YoungPerson.preferences),
    selectinload(YoungPerson.applications),
    selectinload(YoungPerson.placements),
)


def view(session: Session, actor: Actor, young_person_id: str, today: date) -> YoungPerson:
    with transaction(session):
        person = found(session, YoungPerson, young_person_id, "young person", options=WITH_RECORD)
        audit.record_views(session, actor, [person.id], "viewed record")
        due_of(session, [person], today)
        nominations.attach(session, [person])
    return person


def search(
    session: Session,
    actor: Actor,
    today: date,
    *,
    page: int,
    page_size: int,
    order: str = "deadline",
    **filters: Any,
) -> tuple[list[YoungPerson], int]:
    """A page of records; `filters` are `housing.reads.young_people.Filters`.

    `order`: `deadline`, soonest 17½ first; `due`, most pressing tier first, then soonest due, then
    by reference (api-contract v1.2), those with nothing due last.
    """
    where = matching(Filters(**filters), today)
    with transaction(session):
        if order == "due":
            total = session.scalar(select(func.count()).select_from(YoungPerson).where(*where)) or 0
            shown = [
                s.young_person_id
                for s in due_order(
                    session, where, today, with_nothing_due=True, page=page, page_size=page_size
                )
            ]
            loaded = {
                p.id: p
                for p in session.scalars(
                    select(YoungPerson).where(YoungPerson.id.in_(shown)).options(*WITH_RECORD)
                )
            }
            people = [loaded[person_id] for person_id in shown]
        else:
            query = select(YoungPerson).where(*where)
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            people = list(
                session.scalars(
                    query.options(*WITH_RECORD)
                    .order_by(YoungPerson.date_of_birth, YoungPerson.reference)
                    .limit(page_size)
                    .offset((page - 1) * page_size)
                )
            )
        audit.record_views(session, actor, [p.id for p in people], "viewed in a list")
        due_of(session, people, today)
        nominations.attach(session, people)
    return people, total
