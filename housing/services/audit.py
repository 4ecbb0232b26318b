"""Writing the audit trail, and how it names councils, offers and proposals. Entries join the caller's
transaction, never their own (`housing.reads.audit_trail` reads them)."""

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing.actors import Actor
from housing.models import AuditEntry, AuditShown, District, Option, Proposal


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


def council(session: Session, slug: str) -> str:
    """A council as the trail names it: "Crawley council", never its slug (issue 30)."""
    district = session.get(District, slug)
    return f"{district.name if district else slug} council"


def offer(session: Session, option_id: str) -> str:
    """An option as the trail names it: its name, town and route, never its id or cost."""
    option = session.get(Option, option_id)
    return f"{option.name}, {option.place} ({words.value(option.route)})"


def proposal(session: Session, found: Proposal) -> str:
    """ "the proposal of Flat 2, Crawley (register vacancy) from the matching run as of 1 June 2027"."""
    run_day = words.day(found.run.as_of)
    return f"the proposal of {offer(session, found.option_id)} from the matching run as of {run_day}"


def record_views(session: Session, actor: Actor, young_person_ids: Iterable[str], detail: str) -> None:
    """One entry per page view (issue 30), not one per row: a record seen alone names its young
    person; a list names everyone it showed in `audit_shown`, so searching for any of them finds it."""
    shown = list(dict.fromkeys(young_person_ids))
    if not shown:
        return
    if len(shown) == 1:
        record(session, actor, "view", shown[0], detail)
        return
    entry = AuditEntry(
        at=datetime.now(UTC),
        user_email=actor.email,
        role=actor.audit_role,
        action="view",
        young_person_id=None,
        detail=f"{detail} ({len(shown)} young people shown)",
    )
    session.add(entry)
    session.flush()
    session.execute(insert(AuditShown), [{"audit_id": entry.id, "young_person_id": yp} for yp in shown])


def record_reading(
    session: Session, actor: Actor, filtered_by: list[str], young_person_id: str | None
) -> None:
    """Reading the trail is itself audited (issue 27): it names who saw whom. The detail names the
    filters used, never what was typed in them (a name, perhaps)."""
    by = f", filtered by {', '.join(filtered_by)}" if filtered_by else ""
    record(session, actor, "audit read", young_person_id, f"read the audit trail{by}")
