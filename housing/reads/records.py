"""A young person's record as the faces read it: one, or a page of a list, each view audited in the same
transaction, as frozen `housing.reads.record_values.Record`s with what is due and the nomination behind
the placement worked out."""

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import YoungPerson
from housing.reads.due_columns import due_order
from housing.reads.record_values import Record, records
from housing.reads.young_people import Filters, matching
from housing.services import audit


def view(session: Session, actor: Actor, young_person_id: str, today: date) -> Record:
    with transaction(session):
        person = records(session, [young_person_id], today).get(young_person_id)
        if person is None:
            raise NotFound(f"no young person with id {young_person_id}")
        audit.record_views(session, actor, [person.id], "viewed record")
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
) -> tuple[list[Record], int]:
    """A page of records; `filters` are `housing.reads.young_people.Filters`.

    `order`: `deadline`, soonest 17½ first; `due`, most pressing tier first, then soonest due, then
    by reference (api-contract v1.2), those with nothing due last.
    """
    where = matching(Filters(**filters), today)
    with transaction(session):
        total = session.scalar(select(func.count()).select_from(YoungPerson).where(*where)) or 0
        if order == "due":
            due_first = due_order(
                session, where, today, with_nothing_due=True, page=page, page_size=page_size
            )
            shown = [s.young_person_id for s in due_first]
        else:
            shown = list(
                session.scalars(
                    select(YoungPerson.id)
                    .where(*where)
                    .order_by(YoungPerson.date_of_birth, YoungPerson.reference)
                    .limit(page_size)
                    .offset((page - 1) * page_size)
                )
            )
        found = records(session, shown, today)
        people = [found[person_id] for person_id in shown]
        audit.record_views(session, actor, shown, "viewed in a list")
    return people, total
