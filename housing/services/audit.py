"""Writing and reading the audit trail. Entries join the caller's transaction, never their own."""

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.models import AuditEntry


def record(session: Session, actor: Actor, action: str, young_person_id: str | None, detail: str) -> None:
    session.add(
        AuditEntry(
            at=datetime.now(UTC),
            user_email=actor.email,
            role=actor.audit_role,
            action=action,
            young_person_id=young_person_id,
            detail=detail,
        )
    )


def record_views(session: Session, actor: Actor, young_person_ids: Iterable[str], detail: str) -> None:
    """One entry per record shown, written in one statement so a 500-row page stays fast."""
    now = datetime.now(UTC)
    rows = [
        {
            "at": now,
            "user_email": actor.email,
            "role": actor.audit_role,
            "action": "view",
            "young_person_id": young_person_id,
            "detail": detail,
        }
        for young_person_id in young_person_ids
    ]
    if rows:
        session.execute(insert(AuditEntry), rows)


def record_reading(
    session: Session, actor: Actor, filtered_by: list[str], young_person_id: str | None
) -> None:
    """Reading the trail is itself audited (issue 27): it names who saw whom. The detail names the
    filters used, never what was typed in them (a name, perhaps)."""
    by = f", filtered by {', '.join(filtered_by)}" if filtered_by else ""
    record(session, actor, "audit read", young_person_id, f"read the audit trail{by}")


def list_entries(
    session: Session, actor: Actor, young_person_id: str | None, page: int, page_size: int
) -> tuple[list[AuditEntry], int]:
    with transaction(session):
        found = _entries(session, young_person_id, page, page_size)
        record_reading(session, actor, ["young_person"] if young_person_id else [], None)
    return found


def _entries(
    session: Session, young_person_id: str | None, page: int, page_size: int
) -> tuple[list[AuditEntry], int]:
    query = select(AuditEntry)
    if young_person_id is not None:
        query = query.where(AuditEntry.young_person_id == young_person_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    entries = session.scalars(
        query.order_by(AuditEntry.at, AuditEntry.id).limit(page_size).offset((page - 1) * page_size)
    ).all()
    return list(entries), total
