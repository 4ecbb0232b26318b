"""Officers decide on proposals. The database, not Python, keeps one place from being given twice.

Accepting takes the place with a conditional update (placed < capacity) and agrees the pathway
with another (not already agreed): under concurrent accepts the database serialises the rows,
so exactly one wins and the other sees no row changed. A CHECK on options and a unique index on
active placements are the backstops.
"""

from datetime import UTC, date, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from housing import placement_start
from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Conflict, Invalid
from housing.models import (
    Cohort,
    CohortMember,
    Option,
    Placement,
    Proposal,
    Rejection,
    YoungPerson,
)
from housing.reads import superseded
from housing.services import audit, cohorts, events, placements, sign_offs
from housing.vocabulary import (
    ACTIVE_STAGES,
    Answer,
    EventKind,
    PathwayStatus,
    ProposalStatus,
    Route,
)


def accept(
    session: Session, actor: Actor, proposal_id: str, today: date, reason: str | None = None
) -> Proposal:
    """Agree the pathway: claim the proposal, then enrol in the House Project or take the home.
    Against the young person's "no" the officer gives a reason, kept with the decision (v1.2)."""
    reason = (reason or "").strip() or None
    with transaction(session):
        proposal = _proposal(session, proposal_id)
        if proposal.view is Answer.NO and reason is None and proposal.status is ProposalStatus.PROPOSED:
            raise Invalid.field("reason", "the young person said no to this place: say why you accept it")
        _refuse_if_overtaken(session, proposal)
        now = datetime.now(UTC)
        if not _claim(session, proposal, actor, ProposalStatus.ACCEPTED, reason=reason, now=now):
            if proposal.status == ProposalStatus.ACCEPTED:
                return proposal  # a repeated accept changes nothing
            raise Conflict("this proposal was rejected; it cannot be accepted")
        if proposal.route == Route.HOUSE_PROJECT:
            return _enrol(session, actor, proposal, today)
        _take_home(session, actor, proposal, today, now)
    session.refresh(proposal)
    return proposal


def _take_home(session: Session, actor: Actor, proposal: Proposal, today: date, now: datetime) -> None:
    """Agree the pathway, take the place, open the placement and, for a council's vacancy, nominate
    (the council decides; the nomination holds the place). Each step is conditional, so of two
    concurrent accepts one wins and the other is a conflict."""
    _refuse_if_in_a_cohort(session, proposal)
    _agree_pathway(session, proposal, today)
    _take_place(session, proposal)
    placement = _open_placement(session, actor, proposal, today, now)
    # Where sign-off is on for the route, the decision awaits a team manager and no nomination is made.
    held = sign_offs.hold_if_required(session, actor, proposal, now)
    if proposal.route == Route.REGISTER_VACANCY and not held:
        nomination = sign_offs.nominate(session, placement, now)
        # Its officers are told.
        events.record(session, EventKind.NOMINATED, subject_id=nomination.id, actor=actor)
    try:
        session.flush()
    except IntegrityError as error:  # the backstops: capacity CHECK, one active placement
        raise Conflict("the place or the young person was taken meanwhile") from error
    audit.record(
        session,
        actor,
        "accept",
        proposal.young_person_id,
        f"accepted {audit.proposal(session, proposal)}; the explanation shown is kept with the proposal"
        + ("; awaiting a team manager's sign-off" if held else ""),
    )


def _refuse_if_overtaken(session: Session, proposal: Proposal) -> None:
    overtaken = superseded.why_overtaken(session, Proposal.id == proposal.id)
    if overtaken:
        raise Conflict(f"this proposal was superseded: {superseded.MEANING[overtaken[proposal.id]]}")


def _refuse_if_in_a_cohort(session: Session, proposal: Proposal) -> None:
    in_cohort = session.scalar(
        select(CohortMember.id).where(
            CohortMember.young_person_id == proposal.young_person_id,
            CohortMember.stage.in_(ACTIVE_STAGES),
        )
    )
    if in_cohort is not None:
        raise Conflict("the young person is an active member of a House Project cohort")


def _agree_pathway(session: Session, proposal: Proposal, today: date) -> None:
    """Conditional on the pathway not being agreed already: of two accepts for one person, one wins."""
    agreed = session.execute(
        update(YoungPerson)
        .where(YoungPerson.id == proposal.young_person_id, YoungPerson.pathway_status != PathwayStatus.AGREED)
        .values(
            pathway_status=PathwayStatus.AGREED,
            pathway_route=proposal.route,
            pathway_option_id=proposal.option_id,
            pathway_agreed_on=today,
        )
    )
    if agreed.rowcount != 1:
        raise Conflict("the young person's pathway was agreed meanwhile")


def _take_place(session: Session, proposal: Proposal) -> None:
    """Conditional on a place being left: of two accepts for the last place, one wins."""
    taken = session.execute(
        update(Option)
        .where(Option.id == proposal.option_id, Option.placed < Option.capacity)
        .values(placed=Option.placed + 1)
    )
    if taken.rowcount != 1:
        raise Conflict("no place remains in this option: it was taken meanwhile")


def _open_placement(
    session: Session, actor: Actor, proposal: Proposal, today: date, now: datetime
) -> Placement:
    """It starts on the need date (issue 17), and every day from then must have room."""
    person = session.get(YoungPerson, proposal.young_person_id)
    return placements.open_placement(
        session, actor, proposal.option_id, proposal.young_person_id, proposal_id=proposal.id, now=now,
        starts=placement_start.starts_on(person, proposal.run.as_of, today),
    )  # fmt: skip


def reject(session: Session, actor: Actor, proposal_id: str, reason: str) -> Proposal:
    with transaction(session):
        proposal = _proposal(session, proposal_id)
        now = datetime.now(UTC)
        if not _claim(session, proposal, actor, ProposalStatus.REJECTED, reason=reason, now=now):
            if proposal.status == ProposalStatus.REJECTED:
                return proposal  # a repeated reject changes nothing
            raise Conflict("this proposal was accepted; it cannot be rejected")
        if session.get(Rejection, (proposal.young_person_id, proposal.option_id)) is None:
            session.add(
                Rejection(
                    young_person_id=proposal.young_person_id,
                    option_id=proposal.option_id,
                    reason=reason,
                    rejected_by=actor.email,
                    rejected_at=now,
                )
            )
        audit.record(
            session,
            actor,
            "reject",
            proposal.young_person_id,
            f"rejected {audit.proposal(session, proposal)}; the reason is kept with the proposal",
        )
        # Propose again for them (and whoever competes with them), without anyone asking.
        events.record(
            session, EventKind.REJECTED, subject_id=proposal.id, young_people=[proposal.young_person_id],
            actor=actor,
        )  # fmt: skip
    return proposal


def _enrol(session: Session, actor: Actor, proposal: Proposal, today: date) -> Proposal:
    """A House Project place is taken by enrolling in its cohort: the pathway is then in progress."""
    cohort = session.scalar(select(Cohort).where(Cohort.option_id == proposal.option_id))
    person = session.get(YoungPerson, proposal.young_person_id)
    cohorts.enrol_in(session, actor, cohort, person, as_of=proposal.run.as_of, today=today)
    audit.record(
        session,
        actor,
        "accept",
        person.id,
        f"accepted the proposal of a place in House Project cohort {cohort.name}",
    )
    return proposal


def _proposal(session: Session, proposal_id: str) -> Proposal:
    return found(session, Proposal, proposal_id, "proposal")


def _claim(
    session: Session,
    proposal: Proposal,
    actor: Actor,
    status: ProposalStatus,
    *,
    reason: str | None,
    now: datetime,
) -> bool:
    """Decide the proposal only if it is still undecided; otherwise reload it and say no."""
    decided = session.execute(
        update(Proposal)
        .where(Proposal.id == proposal.id, Proposal.status == ProposalStatus.PROPOSED)
        .values(status=status, decided_by=actor.email, decided_at=now, reason=reason)
    )
    session.refresh(proposal)
    return decided.rowcount == 1
