"""Caseloads seen from two sides: an officer's "My young people", and a team manager's view of the team,
with the officers and advisers a case may be allocated to.

Pathways had no owner on a record (issue 31): every officer saw all 642 young people. These read
the current allocations (`housing.services.workers`); each record shown is an audited view.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from housing import advising
from housing.actors import Actor
from housing.db import transaction
from housing.lifedates import age_on
from housing.models import Adviser, Allocation, User, YoungPerson
from housing.reads.record_values import Record, records
from housing.services import audit
from housing.services.workers import caseloads
from housing.vocabulary import Role, WorkerKind


@dataclass(frozen=True)
class PersonalAdviser:
    id: str
    name: str
    base: str  # the place they work from


@dataclass(frozen=True)
class Officer:
    """A housing support officer, named in the service by their email."""

    id: str
    email: str


def advisers(session: Session) -> list[tuple[PersonalAdviser, int]]:
    """The current advisers by name, each with their caseload."""
    counts = caseloads(session)
    found = session.execute(
        select(Adviser.id, Adviser.name, Adviser.base).where(Adviser.active).order_by(Adviser.name)
    )
    return [(PersonalAdviser(*row), counts.get(row.id, 0)) for row in found]


def officers(session: Session) -> list[Officer]:
    """Housing support officers, who may be allocated to a case."""
    found = session.execute(
        select(User.id, User.email).where(User.role == Role.HOUSING_OFFICER).order_by(User.email)
    )
    return [Officer(*row) for row in found]


def _current(kind: WorkerKind):
    return and_(Allocation.kind == kind, Allocation.ends_on.is_(None))


def my_young_people(
    session: Session, actor: Actor, today: date, *, page: int, page_size: int
) -> tuple[list[Record], int]:
    """The young people the signed-in officer is allocated to, soonest 17½ first, their records whole
    (the API shows each as `GET /young-people/{id}` does)."""
    query = (
        select(YoungPerson.id)
        .join(Allocation, Allocation.young_person_id == YoungPerson.id)
        .where(_current(WorkerKind.HOUSING_OFFICER), Allocation.officer_id == actor.user_id)
    )
    with transaction(session):
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        shown = list(
            session.scalars(
                query.order_by(YoungPerson.date_of_birth, YoungPerson.reference)
                .limit(page_size)
                .offset((page - 1) * page_size)
            )
        )
        found = records(session, shown, today)
        audit.record_views(session, actor, shown, "my young people")
    return [found[person_id] for person_id in shown], total


@dataclass(frozen=True)
class Team:
    officers: list[tuple[Officer, int]]  # each housing support officer and how many young people they hold
    without_officer: int  # young people 16 to 25 with no housing support officer
    advisers: list[tuple[PersonalAdviser, int]]  # each adviser and their caseload
    without_adviser: int  # young people past 16½ and not over 25 with no adviser
    cap: int


def team(session: Session, today: date, cap: int) -> Team:
    """Counts only: a manager opens a list to see names (nothing here is a record, so nothing is audited)."""
    with transaction(session):
        held = dict(
            session.execute(
                select(Allocation.officer_id, func.count())
                .where(_current(WorkerKind.HOUSING_OFFICER))
                .group_by(Allocation.officer_id)
            ).all()
        )
        staff = officers(session)
        with_officer = set(
            session.scalars(select(Allocation.young_person_id).where(_current(WorkerKind.HOUSING_OFFICER)))
        )
        with_adviser = set(
            session.scalars(select(Allocation.young_person_id).where(_current(WorkerKind.PERSONAL_ADVISER)))
        )
        people = session.execute(select(YoungPerson.id, YoungPerson.date_of_birth)).all()
        in_care_age = [(pid, born) for pid, born in people if 16 <= age_on(born, today) <= advising.OLDEST]
        without_officer = sum(1 for pid, _born in in_care_age if pid not in with_officer)
        without_adviser = sum(
            1
            for pid, born in people
            if advising.needs_adviser(born, today, pid in with_adviser)
            and advising.adviser_due_on(born) <= today
        )
        return Team(
            [(o, held.get(o.id, 0)) for o in staff],
            without_officer,
            advisers(session),
            without_adviser,
            cap,
        )


def exported(session: Session, actor: Actor, since: date | None) -> list[dict]:
    """Allocations made on or after `since` (all without it), for the county's case system; each
    young person exported is an audited view."""
    query = (
        select(Allocation, YoungPerson.reference, YoungPerson.given_name, YoungPerson.family_name)
        .join(YoungPerson, YoungPerson.id == Allocation.young_person_id)
        .order_by(Allocation.allocated_at, Allocation.id)
    )
    with transaction(session):
        rows = [
            {"reference": reference, "given_name": given, "family_name": family, "allocation": allocation}
            for allocation, reference, given, family in session.execute(query).unique()
            if since is None or allocation.allocated_at.date() >= since
        ]
        audit.record_views(
            session, actor, sorted({r["allocation"].young_person_id for r in rows}), "allocations export"
        )
    return rows
