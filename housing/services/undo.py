"""Taking an accept back, where the real world allows it (issue 29).

UNDO_ACCEPT, the rule: a register vacancy's accept may be undone while its nomination is pending
and no officer of the council has opened it (once they have, the county withdraws it, with a
reason); any other accept on the day it was made, before a step of the move is recorded. A House
Project place is given up through its cohort (the member withdraws). Undone, the proposal is open
again (who undid it and when are kept on it), the placement and any nomination are gone as if
never made, a place the young person was leaving is theirs again, and the pathway is in progress.
"""

from datetime import UTC, date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Conflict
from housing.models import MoveStep, Nomination, Option, Placement, Proposal, SignOff, YoungPerson
from housing.services import audit
from housing.vocabulary import (
    RETURNING_ROUTES,
    EndReason,
    NominationStatus,
    PathwayStatus,
    PlacementStatus,
    ProposalStatus,
    Route,
    SignOffStatus,
)


def why_not(session: Session, proposal: Proposal, today: date) -> str | None:
    """UNDO_ACCEPT: None if the accept may be undone now, else why not, in words an officer can act on.

    The undo's own guard, so it stays with the undo: the run's page asks it to offer the undo button
    only where the undo would not refuse."""
    if proposal.status != ProposalStatus.ACCEPTED:
        return "only an accepted proposal can be undone"
    if proposal.route == Route.HOUSE_PROJECT:
        return "a House Project place is given up through its cohort: the coordinator records a withdrawal"
    placement = _placement_of(session, proposal)
    if placement is None:
        return "its placement has ended since"
    if session.scalar(select(MoveStep.id).where(MoveStep.placement_id == placement.id).limit(1)):
        return "steps of the move are recorded: record that the move fell through instead"
    nomination = session.scalar(select(Nomination).where(Nomination.placement_id == placement.id))
    if nomination is not None:
        return _nomination_not_taken_back(nomination)
    made_today = proposal.decided_at is not None and proposal.decided_at.astimezone(UTC).date() == today
    return (
        None
        if made_today
        else "an accept can be undone only on the day it was made: end the placement instead"
    )


def _nomination_not_taken_back(nomination: Nomination) -> str | None:
    if nomination.status != NominationStatus.PENDING:
        return f"the council has {nomination.status} the nomination"
    if nomination.seen_at is not None:
        return "the council has opened the nomination: withdraw it instead, with a reason"
    return None


def undo_accept(session: Session, actor: Actor, proposal_id: str, today: date) -> Proposal:
    with transaction(session):
        proposal = found(session, Proposal, proposal_id, "proposal")
        refused = why_not(session, proposal, today)
        if refused:
            raise Conflict(f"this accept cannot be undone: {refused}")
        take_back(session, actor, proposal)
        place = session.get(Option, proposal.option_id).name
        audit.record(
            session, actor, "undo", proposal.young_person_id,
            f"undid the accept of the proposal of {place}: its placement and any nomination "
            "taken back; the proposal is open again",
        )  # fmt: skip
    session.refresh(proposal)
    return proposal


def take_back(session: Session, actor: Actor, proposal: Proposal) -> None:
    """Inside the caller's transaction: the accept as if never made (an undo, or a decision a team
    manager sent back); a sign-off still awaited goes with it."""
    placement = _placement_of(session, proposal)
    _take_back_the_nomination(session, placement)
    session.execute(delete(Placement).where(Placement.id == placement.id))
    session.execute(
        update(Option)
        .where(Option.id == proposal.option_id, Option.placed > 0)
        .values(placed=Option.placed - 1)
    )
    _return_to_where_they_were(session, placement)
    session.execute(
        update(YoungPerson)
        .where(YoungPerson.id == proposal.young_person_id)
        .values(
            pathway_status=PathwayStatus.IN_PROGRESS, pathway_route=None, pathway_option_id=None,
            pathway_agreed_on=None,
        )
    )  # fmt: skip
    session.execute(
        update(Proposal)
        .where(Proposal.id == proposal.id)
        .values(
            status=ProposalStatus.PROPOSED, decided_by=None, decided_at=None, reason=None,
            undone_by=actor.email, undone_at=datetime.now(UTC),
        )
    )  # fmt: skip
    session.execute(
        delete(SignOff).where(SignOff.proposal_id == proposal.id, SignOff.status == SignOffStatus.AWAITING)
    )


def _placement_of(session: Session, proposal: Proposal) -> Placement | None:
    return session.scalar(
        select(Placement).where(
            Placement.proposal_id == proposal.id, Placement.status == PlacementStatus.ACTIVE
        )
    )


def _take_back_the_nomination(session: Session, placement: Placement) -> None:
    """Only while no one at the council has opened it: a council opening it meanwhile wins (409)."""
    exists = session.scalar(select(Nomination.id).where(Nomination.placement_id == placement.id))
    if exists is None:
        return
    taken_back = session.execute(
        delete(Nomination).where(
            Nomination.id == exists,
            Nomination.status == NominationStatus.PENDING,
            Nomination.seen_at.is_(None),
        )
    )
    if taken_back.rowcount != 1:
        raise Conflict("this accept cannot be undone: the council opened the nomination meanwhile")


def _return_to_where_they_were(session: Session, placement: Placement) -> None:
    """The accept ended the place they lived in (as moved on, at the same moment): it is theirs again."""
    left = session.scalar(
        select(Placement).where(
            Placement.young_person_id == placement.young_person_id,
            Placement.end_reason == EndReason.MOVED_ON,
            Placement.ended_at == placement.created_at,
        )
    )
    if left is None:
        return
    if left.option.route in RETURNING_ROUTES:
        retaken = session.execute(
            update(Option)
            .where(Option.id == left.option_id, Option.placed < Option.capacity)
            .values(placed=Option.placed + 1)
        )
        if retaken.rowcount != 1:
            raise Conflict("this accept cannot be undone: the place they were leaving was taken meanwhile")
    session.execute(
        update(Placement)
        .where(Placement.id == left.id)
        .values(
            status=PlacementStatus.ACTIVE, ends_on=None, end_reason=None, ended_by=None, ended_at=None,
            held_until=None,
        )
    )  # fmt: skip
