"""Who works a young person's case: allocating a housing support officer or a personal adviser, with history.

An allocation ends the one before it on the day the new one starts, so the record keeps every
worker and their dates. An adviser's caseload is counted from the current allocations and held
under the cap (`housing.advising`); the adviser's row is locked while a place is taken, so two
managers cannot both give an adviser their last place.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing import advising
from housing import audit_words as words
from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Conflict, FieldErrors
from housing.models import Adviser, Allocation, User, YoungPerson
from housing.reads.reference import Names
from housing.services import audit
from housing.vocabulary import Role, WorkerKind

WORKER_WORDS = {
    WorkerKind.HOUSING_OFFICER: "housing support officer",
    WorkerKind.PERSONAL_ADVISER: "personal adviser",
}


@dataclass(frozen=True)
class Workers:
    """A young person's current workers and every allocation, newest first."""

    young_person: YoungPerson
    housing_officer: Allocation | None
    personal_adviser: Allocation | None
    history: list[Allocation]


def workers_of(session: Session, actor: Actor, young_person_id: str) -> Workers:
    with transaction(session):
        person = _person(session, young_person_id)
        history = list(
            session.scalars(
                select(Allocation)
                .where(Allocation.young_person_id == person.id)
                .order_by(Allocation.starts_on.desc(), Allocation.allocated_at.desc())
            ).unique()
        )
        audit.record_views(session, actor, [person.id], "viewed who works the case")
    current = {a.kind: a for a in history if a.ends_on is None}
    return Workers(
        person, current.get(WorkerKind.HOUSING_OFFICER), current.get(WorkerKind.PERSONAL_ADVISER), history
    )


def allocate(
    session: Session, actor: Actor, young_person_id: str, data: dict[str, Any], *, today: date, cap: int
) -> Allocation:
    """Allocate one worker (`kind`, `worker`, `starts_on`?): 422 for an unknown worker or a bad date,
    409 when they already work the case or an adviser's caseload is full."""
    with transaction(session):
        person = _person(session, young_person_id)
        return _allocate_one(session, actor, person, data, today=today, cap=cap, path=())


def allocate_advisers(
    session: Session, actor: Actor, pairs: list[dict[str, Any]], *, today: date, cap: int
) -> list[Allocation]:
    """Accept (or change) proposals: every pair `{young_person, adviser, as_proposed?}`, all or none."""
    with transaction(session):
        errors = FieldErrors()
        people = {
            p.id: p
            for p in session.scalars(
                select(YoungPerson).where(YoungPerson.id.in_([pair["young_person"] for pair in pairs]))
            )
        }
        seen: set[str] = set()
        for i, pair in enumerate(pairs):
            if pair["young_person"] not in people:
                errors.add(("allocations", i, "young_person"), "no young person with this id")
            elif pair["young_person"] in seen:
                errors.add(("allocations", i, "young_person"), "this young person is named twice")
            seen.add(pair["young_person"])
        errors.raise_any()
        made = []
        for i, pair in enumerate(pairs):
            data = {
                "kind": WorkerKind.PERSONAL_ADVISER,
                "worker": pair["adviser"],
                "starts_on": pair.get("starts_on"),
                "as_proposed": pair.get("as_proposed", False),
            }
            made.append(
                _allocate_one(
                    session,
                    actor,
                    people[pair["young_person"]],
                    data,
                    today=today,
                    cap=cap,
                    path=("allocations", i),
                )
            )
    return made


def _allocate_one(
    session: Session,
    actor: Actor,
    person: YoungPerson,
    data: dict[str, Any],
    *,
    today: date,
    cap: int,
    path: tuple,
) -> Allocation:
    kind, worker_id = WorkerKind(data["kind"]), data["worker"]
    starts_on = data.get("starts_on") or today
    field = (*path, "adviser") if path else ("worker",)
    errors = FieldErrors()
    if kind is WorkerKind.HOUSING_OFFICER:
        officer = session.get(User, worker_id)
        if officer is None or officer.role is not Role.HOUSING_OFFICER:
            errors.add(field, "no housing support officer with this id")
    else:
        adviser = session.get(Adviser, worker_id, with_for_update=True)
        if adviser is None or not adviser.active:
            errors.add(field, "no current personal adviser with this id")
    current = session.scalar(
        select(Allocation).where(
            Allocation.young_person_id == person.id, Allocation.kind == kind, Allocation.ends_on.is_(None)
        )
    )
    if current is not None and starts_on < current.starts_on:
        errors.add(
            (*path, "starts_on"),
            f"must be on or after {current.starts_on.isoformat()}, when the current one started",
        )
    errors.raise_any()
    if current is not None and worker_id in (current.officer_id, current.adviser_id):
        raise Conflict(f"this {WORKER_WORDS[kind]} already works with this young person")
    if kind is WorkerKind.PERSONAL_ADVISER and (carried := caseload(session, worker_id)) >= cap:
        raise Conflict(f"{adviser.name}'s caseload is full ({carried} of {cap})")
    if current is not None:
        current.ends_on = starts_on
        session.flush()  # the old one ends before the new one is the only current one
    allocation = Allocation(
        young_person_id=person.id,
        kind=kind,
        officer_id=worker_id if kind is WorkerKind.HOUSING_OFFICER else None,
        adviser_id=worker_id if kind is WorkerKind.PERSONAL_ADVISER else None,
        starts_on=starts_on,
        allocated_by=actor.email,
        allocated_at=datetime.now(UTC),
        as_proposed=bool(data.get("as_proposed")),
    )
    session.add(allocation)
    session.flush()
    session.refresh(allocation)
    how = " as proposed" if allocation.as_proposed else ""
    audit.record(
        session,
        actor,
        "allocate",
        person.id,
        f"allocated a {WORKER_WORDS[kind]}{how}: {_worker_name(session, kind, worker_id)}, from "
        f"{words.day(starts_on)}",
    )
    return allocation


def caseload(session: Session, adviser_id: str) -> int:
    return (
        session.scalar(
            select(func.count()).where(Allocation.adviser_id == adviser_id, Allocation.ends_on.is_(None))
        )
        or 0
    )


def caseloads(session: Session) -> dict[str, int]:
    """Every adviser's current caseload (advisers with none are absent)."""
    rows = session.execute(
        select(Allocation.adviser_id, func.count())
        .where(Allocation.kind == WorkerKind.PERSONAL_ADVISER, Allocation.ends_on.is_(None))
        .group_by(Allocation.adviser_id)
    )
    return {adviser_id: n for adviser_id, n in rows.all()}  # noqa: C416 (rows, not pairs, to a type checker)


def add_adviser(session: Session, actor: Actor, data: dict[str, Any]) -> Adviser:
    """An adviser the service should know (staff, not necessarily a user), based at a known place."""
    with transaction(session):
        errors = FieldErrors()
        Names(session).check_place(errors, ("base",), data["base"])
        errors.raise_any()
        adviser = Adviser(name=data["name"], base=data["base"], active=True)
        session.add(adviser)
        session.flush()
        audit.record(
            session, actor, "create", None, f"added personal adviser {adviser.name}, based at {adviser.base}"
        )
    return adviser


def _person(session: Session, young_person_id: str) -> YoungPerson:
    return found(session, YoungPerson, young_person_id, "young person")


def adviser_due_on(person: YoungPerson) -> date:
    return advising.adviser_due_on(person.date_of_birth)


def allocated_officers(session: Session, young_people: Iterable[str] | None = None) -> dict[str, str]:
    """Each young person (of those given, or all) with an allocated housing support officer → that
    officer's user id: where a notification about them goes first (contract v1.2, Notifications)."""
    query = select(Allocation.young_person_id, Allocation.officer_id).where(
        Allocation.kind == WorkerKind.HOUSING_OFFICER, Allocation.ends_on.is_(None)
    )
    if young_people is not None:
        query = query.where(Allocation.young_person_id.in_(list(young_people)))
    rows = session.execute(query)
    return {young_person_id: officer_id for young_person_id, officer_id in rows.all()}  # noqa: C416


def _worker_name(session: Session, kind: WorkerKind, worker_id: str) -> str:
    """A housing support officer by their email (their name in the service), an adviser by name."""
    if kind is WorkerKind.HOUSING_OFFICER:
        return session.get(User, worker_id).email
    return session.get(Adviser, worker_id).name
