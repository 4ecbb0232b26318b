"""The officer's caseload as of today: who is due, soonest first, and who has nothing due, listed apart.

The home page's question is "who needs me now". Filters are SQL conditions
(`housing.queries.young_people`); the order by due date, the counts by when, and "what is due"
(pathway or move) are worked out over the narrow rows of those due, and only the page shown is
loaded in full and audited as viewed.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import Select, func, not_, select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.due import URGENT_DAYS, Due, DueKind
from housing.models import CohortMember, YoungPerson
from housing.queries.young_people import Filters, due_order, has_due, matching
from housing.services import audit
from housing.vocabulary import ACTIVE_STAGES, PathwayStatus


class When(StrEnum):
    OVERDUE = "overdue"
    SOON = "soon"  # due within 90 days: urgent, as the matcher counts the urgent
    LATER = "later"
    NOTHING = "nothing"  # nothing due: listed apart


def when(due: Due, today: date) -> When:
    if due.on < today:
        return When.OVERDUE
    return When.SOON if due.on <= today + timedelta(days=URGENT_DAYS) else When.LATER


@dataclass(frozen=True)
class Caseload:
    due: list[tuple[YoungPerson, Due]]
    due_total: int
    counts: dict[When, int]
    nothing_due: list[YoungPerson]
    nothing_due_total: int
    why_nothing_due: dict[str, str] = field(default_factory=dict)


def who_is_due(
    session: Session,
    actor: Actor,
    today: date,
    filters: Filters,
    *,
    shown: When | None = None,
    kind: DueKind | None = None,
    page: int = 1,
    nothing_page: int = 1,
    page_size: int = 50,
) -> Caseload:
    """`shown` narrows to one count (the counts themselves stay whole); `kind`, to pathway or move."""
    where = matching(filters, today)
    lists_apart = kind is None and shown in (None, When.NOTHING)
    with transaction(session):
        dues = [item for item in due_order(session, where, today) if kind is None or item[1].kind == kind]
        counts = dict.fromkeys(When, 0)
        for _id, due in dues:
            counts[when(due, today)] += 1
        nothing = select(YoungPerson).where(not_(has_due(today)), *where)
        if kind is None:
            counts[When.NOTHING] = session.scalar(select(func.count()).select_from(nothing.subquery())) or 0
        if shown is not None:
            dues = [(pid, due) for pid, due in dues if when(due, today) == shown]
        page_of_dues = dues[(page - 1) * page_size : page * page_size]
        people = _records(session, [pid for pid, _due in page_of_dues])
        due_people = [(people[pid], due) for pid, due in page_of_dues]
        apart = _nothing_due_page(session, nothing, nothing_page, page_size) if lists_apart else []
        shown_ids = [*(p.id for p, _due in due_people), *(p.id for p in apart)]
        audit.record_views(session, actor, shown_ids, "home page")
        reasons = _why_nothing_due(session, apart)
    nothing_total = counts[When.NOTHING] if lists_apart else 0
    return Caseload(due_people, len(dues), counts, apart, nothing_total, reasons)


def _nothing_due_page(session: Session, nothing: Select, page: int, page_size: int) -> list[YoungPerson]:
    by_name = nothing.order_by(YoungPerson.family_name, YoungPerson.given_name, YoungPerson.reference)
    return list(session.scalars(by_name.limit(page_size).offset((page - 1) * page_size)))


def _records(session: Session, ids: list[str]) -> dict[str, YoungPerson]:
    return {p.id: p for p in session.scalars(select(YoungPerson).where(YoungPerson.id.in_(ids)))}


def _why_nothing_due(session: Session, people: list[YoungPerson]) -> dict[str, str]:
    """In the officer's words: agreed, in a cohort, or an adult with no move or release date."""
    in_cohort = set(
        session.scalars(
            select(CohortMember.young_person_id)
            .where(CohortMember.young_person_id.in_([p.id for p in people]))
            .where(CohortMember.stage.in_(ACTIVE_STAGES))
        )
    )
    reasons = {}
    for person in people:
        if person.pathway_status == PathwayStatus.AGREED:
            reasons[person.id] = "Pathway agreed"
        elif person.id in in_cohort:
            reasons[person.id] = "In a House Project cohort"
        else:
            reasons[person.id] = "19 or over, no move or release date"
    return reasons
