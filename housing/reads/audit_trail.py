"""The audit trail as an admin reads it: newest first, filtered, each young person by reference and name."""

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.models import AuditEntry, YoungPerson
from housing.services import audit


@dataclass(frozen=True)
class AuditFilter:
    """`young_person` matches a reference or id exactly, or part of a name; `user` part of an email."""

    young_person: str | None = None
    user: str | None = None
    action: str | None = None
    since: date | None = None  # from the start of this day (UTC)
    until: date | None = None  # to the end of this day (UTC)


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
    rows = [
        {
            "at": entry.at,
            "user": entry.user_email,
            "role": entry.role,
            "action": entry.action,
            "reference": reference,
            "name": f"{given} {family}" if reference else None,
            "detail": entry.detail,
        }
        for entry, reference, given, family in session.execute(query)
    ]
    return rows, total


def actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def _filtered(found: AuditFilter) -> Select:
    query = select(
        AuditEntry, YoungPerson.reference, YoungPerson.given_name, YoungPerson.family_name
    ).outerjoin(YoungPerson, YoungPerson.id == AuditEntry.young_person_id)
    if found.young_person:
        text = found.young_person.strip().lower()
        full_name = func.lower(YoungPerson.given_name + " " + YoungPerson.family_name)
        query = query.where(
            or_(
                func.lower(YoungPerson.reference) == text,
                AuditEntry.young_person_id == found.young_person.strip(),
                full_name.contains(text, autoescape=True),
            )
        )
    if found.user:
        query = query.where(
            func.lower(AuditEntry.user_email).contains(found.user.strip().lower(), autoescape=True)
        )
    if found.action:
        query = query.where(AuditEntry.action == found.action)
    if found.since:
        query = query.where(AuditEntry.at >= datetime.combine(found.since, time(), UTC))
    if found.until:
        query = query.where(AuditEntry.at < datetime.combine(found.until + timedelta(days=1), time(), UTC))
    return query
