"""Housing decisions awaiting, or given, a team manager's sign-off: listed, one, or a young person's.

Each shown is a view of that young person's record, so each is audited. `nomination` says where a
register vacancy's nomination is: "held" until sign-off, then the council's status.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import Nomination, Option, Placement, Proposal, SignOff, SignOffRoute, YoungPerson
from housing.services import audit
from housing.vocabulary import PlacementStatus, Route, SignOffStatus


def routes_on(session: Session) -> set[Route]:
    """The routes whose accepted proposals wait for a team manager's sign-off."""
    return set(session.scalars(select(SignOffRoute.route)))


@dataclass(frozen=True)
class SignOffView:
    id: str
    young_person: str
    reference: str
    name: str
    proposal: str
    route: Route
    option_name: str
    place: str
    status: SignOffStatus
    agreed_by: str
    agreed_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    reason: str | None
    nomination: str | None  # "held", the nomination's status, or None (not a register vacancy)


def listed(
    session: Session, actor: Actor, *, statuses: tuple[SignOffStatus, ...], young_person_id: str | None,
    page: int, page_size: int,
) -> tuple[list[SignOffView], int]:  # fmt: skip
    """In `statuses` (all, if none given), oldest first: those awaiting have waited longest."""
    query = select(SignOff)
    if statuses:
        query = query.where(SignOff.status.in_(statuses))
    if young_person_id is not None:
        query = query.where(SignOff.young_person_id == young_person_id)
    with transaction(session):
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        found = _views(session, query.order_by(SignOff.agreed_at, SignOff.id)
                       .limit(page_size).offset((page - 1) * page_size))  # fmt: skip
        audit.record_views(
            session, actor, [v.young_person for v in found], "viewed housing decisions' sign-off"
        )
    return found, total


def count_awaiting(session: Session) -> int:
    return session.scalar(select(func.count(SignOff.id)).where(SignOff.status == SignOffStatus.AWAITING)) or 0


def one(session: Session, actor: Actor, sign_off_id: str) -> SignOffView:
    with transaction(session):
        found = _views(session, select(SignOff).where(SignOff.id == sign_off_id))
        if not found:
            raise NotFound(f"no sign-off with id {sign_off_id}")
        audit.record_views(session, actor, [found[0].young_person], "viewed a housing decision's sign-off")
    return found[0]


def _views(session: Session, query: Select) -> list[SignOffView]:
    rows = session.execute(
        query.add_columns(YoungPerson, Option.name, Option.place, Nomination.status)
        .join(YoungPerson, YoungPerson.id == SignOff.young_person_id)
        .join(Proposal, Proposal.id == SignOff.proposal_id)
        .join(Option, Option.id == Proposal.option_id)
        .join(
            Placement,
            (Placement.proposal_id == SignOff.proposal_id) & (Placement.status == PlacementStatus.ACTIVE),
            isouter=True,
        )
        .join(Nomination, Nomination.placement_id == Placement.id, isouter=True)
    ).all()
    return [
        SignOffView(
            id=found.id,
            young_person=person.id,
            reference=person.reference,
            name=f"{person.given_name} {person.family_name}",
            proposal=found.proposal_id,
            route=found.route,
            option_name=option_name,
            place=place,
            status=found.status,
            agreed_by=found.agreed_by,
            agreed_at=found.agreed_at,
            decided_by=found.decided_by,
            decided_at=found.decided_at,
            reason=found.reason,
            nomination=_nomination(found, nominated),
        )
        for found, person, option_name, place, nominated in rows
    ]


def _nomination(found: SignOff, nominated: str | None) -> str | None:
    if found.route is not Route.REGISTER_VACANCY:
        return None
    if nominated is not None:
        return str(nominated)
    return "held" if found.status is SignOffStatus.AWAITING else None
