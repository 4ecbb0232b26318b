"""A team manager's sign-off of housing decisions (issue 31; contract v1.2, team_manager).

Where the county switches sign-off on for a route, accepting a proposal on that route agrees the
pathway and holds the place as before, but the decision awaits a team manager: a register vacancy's
nomination is not made until it is signed off, so the council never sees a decision before then.
Signed off, the nomination goes to the council (its officers are told, its response time starts).
Sent back with a reason, the accept is taken back as an undo would (the proposal open again, the
place freed). Whoever agreed a decision cannot sign it off themselves. Every step is audited.
"""

from datetime import UTC, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing.actors import Actor
from housing.db import transaction
from housing.errors import Conflict, Invalid, NotFound
from housing.models import Nomination, Option, Placement, Proposal, SignOff, SignOffRoute
from housing.reads.sign_offs import routes_on
from housing.services import audit, events, undo
from housing.vocabulary import EventKind, NominationStatus, PlacementStatus, Route, SignOffStatus

# House Project places are decided through their cohort, not by accepting a placement.
SIGNABLE_ROUTES = tuple(route for route in Route if route is not Route.HOUSE_PROJECT)


def switch(session: Session, actor: Actor, routes: list[Route]) -> set[Route]:
    """Sign-off on for exactly `routes` (decisions already awaiting still await)."""
    if Route.HOUSE_PROJECT in routes:
        raise Invalid.field("routes", "House Project places are decided through their cohort")
    with transaction(session):
        session.execute(delete(SignOffRoute).where(SignOffRoute.route.not_in(routes)))
        now = datetime.now(UTC)
        for route in set(routes) - routes_on(session):
            session.add(SignOffRoute(route=route, switched_on_by=actor.email, switched_on_at=now))
        audit.record(session, actor, "settings", None,
                     "sign-off switched on for: "
                     f"{words.value(sorted(routes)) if routes else 'no route'}")  # fmt: skip
    return routes_on(session)


def hold_if_required(session: Session, actor: Actor, proposal: Proposal, now: datetime) -> bool:
    """Inside an accept: True (and the decision awaits a team manager) where its route needs sign-off."""
    if session.get(SignOffRoute, proposal.route) is None:
        return False
    session.add(
        SignOff(
            young_person_id=proposal.young_person_id, proposal_id=proposal.id, route=proposal.route,
            status=SignOffStatus.AWAITING, agreed_by=actor.email, agreed_at=now,
        )
    )  # fmt: skip
    return True


def sign_off(session: Session, actor: Actor, sign_off_id: str) -> SignOff:
    with transaction(session):
        found, placement = _awaiting(session, actor, sign_off_id)
        now = datetime.now(UTC)
        _decide(session, found, actor, SignOffStatus.SIGNED_OFF, None, now=now)
        nominated = ""
        if found.route is Route.REGISTER_VACANCY:
            nomination = nominate(session, placement, now)
            events.record(session, EventKind.NOMINATED, subject_id=nomination.id, actor=actor)
            nominated = f"; the nomination sent to {audit.council(session, nomination.district)}"
        audit.record(session, actor, "sign off", found.young_person_id,
                     f"signed off the decision on "
                     f"{audit.proposal(session, session.get(Proposal, found.proposal_id))}, "
                     f"agreed by {found.agreed_by}{nominated}")  # fmt: skip
    session.refresh(found)
    return found


def send_back(session: Session, actor: Actor, sign_off_id: str, reason: str) -> SignOff:
    with transaction(session):
        found, _placement = _awaiting(session, actor, sign_off_id)
        _decide(session, found, actor, SignOffStatus.SENT_BACK, reason, now=datetime.now(UTC))
        proposal = session.get(Proposal, found.proposal_id)
        undo.take_back(session, actor, proposal)
        audit.record(session, actor, "send back", found.young_person_id,
                     f"sent back the decision on {audit.proposal(session, proposal)}, "
                     f"agreed by {found.agreed_by}: "
                     "the accept is taken back and the proposal open again; the reason is kept")  # fmt: skip
    session.refresh(found)
    return found


def _awaiting(session: Session, actor: Actor, sign_off_id: str) -> tuple[SignOff, Placement]:
    found = session.get(SignOff, sign_off_id)
    if found is None:
        raise NotFound(f"no sign-off with id {sign_off_id}")
    if found.status is not SignOffStatus.AWAITING:
        raise Conflict(f"this decision was {found.status.value.replace('_', ' ')} already")
    if found.agreed_by == actor.email:
        raise Conflict("a decision is signed off by someone other than who agreed it")
    placement = session.scalar(
        select(Placement).where(
            Placement.proposal_id == found.proposal_id, Placement.status == PlacementStatus.ACTIVE
        )
    )
    if placement is None:
        raise Conflict("the decision's placement has ended since: there is nothing to sign off")
    return found, placement


def _decide(
    session: Session,
    found: SignOff,
    actor: Actor,
    status: SignOffStatus,
    reason: str | None,
    *,
    now: datetime,
) -> None:
    """Conditional on it still awaiting: of two team managers deciding at once, one wins."""
    decided = session.execute(
        update(SignOff)
        .where(SignOff.id == found.id, SignOff.status == SignOffStatus.AWAITING)
        .values(status=status, decided_by=actor.email, decided_at=now, reason=reason)
    )
    if decided.rowcount != 1:
        raise Conflict("another team manager decided meanwhile")


def nominate(session: Session, placement: Placement, now: datetime) -> Nomination:
    """The nomination of an agreed register vacancy: the council decides on it; it holds the place."""
    nomination = Nomination(
        young_person_id=placement.young_person_id, option_id=placement.option_id,
        district=session.get(Option, placement.option_id).district, placement_id=placement.id,
        status=NominationStatus.PENDING, created_at=now,
    )  # fmt: skip
    session.add(nomination)
    session.flush()
    return nomination
