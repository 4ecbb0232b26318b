"""The officer's caseload as of today: who is due, most pressing first, and who has nothing due, apart.

The home page's question is "who needs me now": moves that cannot wait, then overdue pathways,
then the next 90 days (api-contract v1.2, "Tiers of what is due"). Filters are SQL conditions
(`housing.reads.young_people`); the order by tier and due date, the counts by tier, and "what is
due" (pathway or move) are columns the database works out (`housing.reads.due_columns`), so only
the page shown is read, as rows (`housing.reads.people_listed`), and audited as viewed.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, not_, select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.due import Due, DueKind, their_date
from housing.models import CohortMember, YoungPerson
from housing.reads.due_columns import due_counts, due_order
from housing.reads.people_listed import Listed, listed
from housing.reads.young_people import Filters, has_due, matching
from housing.services import audit
from housing.vocabulary import ACTIVE_STAGES, DueTier, PathwayStatus


@dataclass(frozen=True)
class DueRow:
    """One young person due, as the home page shows them."""

    person: Listed
    due: Due
    tier: DueTier
    move_by: date | None  # their own date (a move or a release), which makes a move now


@dataclass(frozen=True)
class Caseload:
    due: list[DueRow]
    due_total: int
    counts: dict[DueTier, int]
    nothing_due: list[Listed]
    nothing_due_total: int
    why_nothing_due: dict[str, str] = field(default_factory=dict)


def who_is_due(
    session: Session,
    actor: Actor,
    today: date,
    filters: Filters,
    *,
    shown: DueTier | None = None,
    kind: DueKind | None = None,
    page: int = 1,
    nothing_page: int = 1,
    page_size: int = 50,
) -> Caseload:
    """`shown` narrows to one tier (the counts themselves stay whole); `kind`, to pathway or move."""
    where = matching(filters, today)
    lists_apart = kind is None and shown in (None, DueTier.NONE)
    with transaction(session):
        counts = due_counts(session, where, today, kind=kind)
        if shown is None:
            due_total = sum(count for tier, count in counts.items() if tier != DueTier.NONE)
        else:
            due_total = 0 if shown == DueTier.NONE else counts[shown]
        page_of_dues = (
            []
            if shown == DueTier.NONE
            else due_order(session, where, today, tier=shown, kind=kind, page=page, page_size=page_size)
        )
        nothing = select(YoungPerson.id).where(not_(has_due(today)), *where)
        apart_ids = _nothing_due_page(session, nothing, nothing_page, page_size) if lists_apart else []
        due_ids = [s.young_person_id for s in page_of_dues]
        people = listed(session, [*due_ids, *apart_ids], today)
        rows = [DueRow(people[s.young_person_id], s.due, s.tier, _move_by(people[s.young_person_id], today))
                for s in page_of_dues]  # fmt: skip
        apart = [people[person_id] for person_id in apart_ids]
        audit.record_views(session, actor, [*due_ids, *apart_ids], "home page")
        reasons = _why_nothing_due(session, apart)
    nothing_total = counts[DueTier.NONE] if lists_apart else 0
    return Caseload(rows, due_total, counts, apart, nothing_total, reasons)


def _move_by(person: Listed, today: date) -> date | None:
    return their_date(today, person.move_date, person.custody_release_date)


def _nothing_due_page(session: Session, nothing: Select, page: int, page_size: int) -> list[str]:
    by_name = nothing.order_by(YoungPerson.family_name, YoungPerson.given_name, YoungPerson.reference)
    return list(session.scalars(by_name.limit(page_size).offset((page - 1) * page_size)))


def _why_nothing_due(session: Session, people: list[Listed]) -> dict[str, str]:
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
