"""The audit trail as an admin reads it: newest first, filtered, each young person by reference and name;
and as the API lists it, oldest first. Reading it is itself audited."""

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session, lazyload

from housing.actors import Actor
from housing.clock import LOCAL
from housing.db import transaction
from housing.models import AuditEntry, AuditShown, YoungPerson
from housing.services import audit


@dataclass(frozen=True)
class AuditFilter:
    """`young_person` matches a reference or id exactly, or part of a name; `user` part of an email."""

    young_person: str | None = None
    user: str | None = None
    action: str | None = None
    since: date | None = None  # from the start of this day (in England)
    until: date | None = None  # to the end of this day (in England)


def search(
    session: Session, actor: Actor, found: AuditFilter, *, page: int = 1, page_size: int | None = None
) -> tuple[list[dict[str, Any]], int]:
    """A page of entries (every entry when `page_size` is None, as for a download) and the total;
    the reading is audited."""
    with transaction(session):
        rows, total = _search(session, found, page, page_size)
        audit.record_reading(session, actor, [name for name, value in asdict(found).items() if value], None)
    return rows, total


def _search(
    session: Session, found: AuditFilter, page: int, page_size: int | None
) -> tuple[list[dict[str, Any]], int]:
    query = _filtered(found)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if page_size is not None:
        query = query.limit(page_size).offset((page - 1) * page_size)
    found = session.execute(query.options(lazyload(AuditEntry.shown))).all()
    shown = _shown(session, [entry.id for entry, *_ in found])
    rows = [
        {
            "at": entry.at.astimezone(LOCAL),
            "user": entry.user_email,
            "role": entry.role,
            "action": entry.action,
            "reference": reference,
            "name": f"{given} {family}" if reference else None,
            "detail": entry.detail,
            "shown": shown.get(entry.id, []),
        }
        for entry, reference, given, family in found
    ]
    return rows, total


def _shown(session: Session, entry_ids: list[int]) -> dict[int, list[str]]:
    """Each list view's young people as "name (reference)", in one narrow read (a page of entries can
    name thousands: loading them as objects was most of the page); those since deleted are left out."""
    rows = session.execute(
        select(AuditShown.audit_id, YoungPerson.given_name, YoungPerson.family_name, YoungPerson.reference)
        .join(YoungPerson, YoungPerson.id == AuditShown.young_person_id)
        .where(AuditShown.audit_id.in_(entry_ids))
        .order_by(AuditShown.audit_id, AuditShown.young_person_id)
    )
    found: dict[int, list[str]] = {}
    for entry_id, given, family, reference in rows:
        found.setdefault(entry_id, []).append(f"{given} {family} ({reference})")
    return found


def actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def _filtered(found: AuditFilter) -> Select:
    query = select(
        AuditEntry, YoungPerson.reference, YoungPerson.given_name, YoungPerson.family_name
    ).outerjoin(YoungPerson, YoungPerson.id == AuditEntry.young_person_id)
    if found.young_person:
        text = found.young_person.strip().lower()
        full_name = func.lower(YoungPerson.given_name + " " + YoungPerson.family_name)
        matching = select(YoungPerson.id).where(
            or_(
                func.lower(YoungPerson.reference) == text,
                YoungPerson.id == found.young_person.strip(),
                full_name.contains(text, autoescape=True),
            )
        )
        query = query.where(about(matching))
    if found.user:
        query = query.where(
            func.lower(AuditEntry.user_email).contains(found.user.strip().lower(), autoescape=True)
        )
    if found.action:
        query = query.where(AuditEntry.action == found.action)
    if found.since:
        query = query.where(AuditEntry.at >= datetime.combine(found.since, time(), LOCAL))
    if found.until:
        query = query.where(AuditEntry.at < datetime.combine(found.until + timedelta(days=1), time(), LOCAL))
    return query


def list_entries(
    session: Session, actor: Actor, young_person_id: str | None, page: int, page_size: int
) -> tuple[list[AuditEntry], int]:
    """`GET /audit`: a page of entries, oldest first, of everyone or naming one young person."""
    with transaction(session):
        found = _entries(session, young_person_id, page, page_size)
        audit.record_reading(session, actor, ["young_person"] if young_person_id else [], None)
    return found


def _entries(
    session: Session, young_person_id: str | None, page: int, page_size: int
) -> tuple[list[AuditEntry], int]:
    query = select(AuditEntry)
    if young_person_id is not None:
        query = query.where(about(young_person_id))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    entries = session.scalars(
        query.order_by(AuditEntry.at, AuditEntry.id).limit(page_size).offset((page - 1) * page_size)
    ).all()
    return list(entries), total


def about(young_person_id: Any) -> ColumnElement[bool]:
    """Entries naming the young person (a change, a record seen alone) or a list view that showed them;
    `young_person_id` may be a column or a subquery of ids."""
    shown = select(AuditShown.audit_id).where(AuditShown.young_person_id.in_(_ids(young_person_id)))
    return or_(AuditEntry.young_person_id.in_(_ids(young_person_id)), AuditEntry.id.in_(shown))


def _ids(young_person_id: Any) -> Any:
    return [young_person_id] if isinstance(young_person_id, str) else young_person_id
