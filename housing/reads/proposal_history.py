"""A young person's proposals across runs, newest first, with what became of each (v1.2)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import MatchingRun, Nomination, Proposal, YoungPerson
from housing.reads import superseded
from housing.services import audit
from housing.vocabulary import UNANSWERED_OR_DECLINED, NominationStatus


def of(
    session: Session, actor: Actor, young_person_id: str, status: str | None, *, page: int, page_size: int
) -> tuple[list[Proposal], int]:
    """One page of the young person's proposals, each with its status as read now; audited as a view."""
    with transaction(session):
        if session.get(YoungPerson, young_person_id) is None:
            raise NotFound(f"no young person with id {young_person_id}")
        found = list(
            session.scalars(
                select(Proposal)
                .join(MatchingRun)
                .where(Proposal.young_person_id == young_person_id)
                .order_by(MatchingRun.created_at.desc(), Proposal.id)
            )
        )
        superseded.mark(session, found, Proposal.young_person_id == young_person_id)
        if status is not None:
            found = [p for p in found if superseded.shown_status(p) == status]
        audit.record_views(session, actor, [young_person_id], "proposals of the young person")
    return found[(page - 1) * page_size : page * page_size], len(found)


@dataclass(frozen=True)
class Unhoused:
    """A council's answer that did not house them: declined (with its reason) or lapsed unanswered."""

    id: str  # the nomination's
    young_person_id: str
    district: str
    status: NominationStatus
    reason: str | None
    decided_at: datetime | None


def unhoused_answers(session: Session, young_person_ids: list[str]) -> dict[str, Unhoused]:
    """The latest declined or lapsed nomination of each young person named, if newer than any accepted."""
    rows = session.execute(
        select(
            Nomination.id, Nomination.young_person_id, Nomination.district, Nomination.status,
            Nomination.reason, Nomination.decided_at,
        )
        .where(
            Nomination.young_person_id.in_(young_person_ids), Nomination.status.in_(UNANSWERED_OR_DECLINED)
        )
        .order_by(Nomination.decided_at)
    )  # fmt: skip
    return {row.young_person_id: Unhoused(*row) for row in rows}


def proposed_again_after(session: Session, subject_id: str) -> bool:
    """Whether the service has already made its run after this event's subject (e.g. a nomination)."""
    return (
        session.scalar(select(MatchingRun.id).where(MatchingRun.triggered_by == subject_id).limit(1))
        is not None
    )
