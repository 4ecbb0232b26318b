"""Proposals overtaken since their run: shown as superseded when read, and never accepted.

A proposal holds no place across runs (the CAPACITY rule), so by the time an officer reads it the
young person's pathway may have been agreed through another run, they may have joined a House
Project cohort, or the option's last place may have gone. Nothing is written: the stored status
stays `proposed` and the answer is worked out on each read, so it can never fall out of date.
"""

from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from housing.models import CohortMember, MatchingRun, Option, Proposal, YoungPerson
from housing.vocabulary import ACTIVE_STAGES, PathwayStatus, ProposalStatus, Trigger

SUPERSEDED = "superseded"
# Why, in the order an officer would look: their own pathway first, then the place.
PATHWAY_AGREED, IN_A_COHORT, NO_PLACE_LEFT = "pathway_agreed", "in_a_cohort", "no_place_left"
PROPOSED_AGAIN = "proposed_again"
MEANING = {
    PATHWAY_AGREED: "the young person's pathway was agreed meanwhile",
    IN_A_COHORT: "the young person joined a House Project cohort meanwhile",
    NO_PLACE_LEFT: "no place remains in this option: it was taken meanwhile",
    PROPOSED_AGAIN: "a later run proposed again for the young person or gave this place to another",
}

_agreed = exists().where(
    YoungPerson.id == Proposal.young_person_id, YoungPerson.pathway_status == PathwayStatus.AGREED
)
_in_a_cohort = exists().where(
    CohortMember.young_person_id == Proposal.young_person_id, CohortMember.stage.in_(ACTIVE_STAGES)
)
_full = exists().where(Option.id == Proposal.option_id, Option.placed >= Option.capacity)
# Contract v1.2 (*Proposals kept current*): a later run proposes for its young person, or gives its
# place to another. "Gives its place to another" is read from runs the service made after an event:
# each covers whole components of the problem, so it covered this young person too (they compete
# for that place) and chose another. A manual run for a few named young people may not have
# covered them, and a place with room for two may serve both: there only the first clause counts.
_later, _later_run, _own_run = aliased(Proposal), aliased(MatchingRun), aliased(MatchingRun)
_proposed_again = exists().where(
    _later.run_id == _later_run.id,
    _own_run.id == Proposal.run_id,
    _later_run.created_at > _own_run.created_at,
    or_(
        _later.young_person_id == Proposal.young_person_id,
        and_(_later.option_id == Proposal.option_id, _later_run.trigger != Trigger.MANUAL),
    ),
)
OVERTAKEN: ColumnElement[bool] = and_(
    Proposal.status == ProposalStatus.PROPOSED, or_(_agreed, _in_a_cohort, _full, _proposed_again)
)


def why_overtaken(session: Session, *criteria: ColumnElement[bool]) -> dict[str, str]:
    """Proposal id → why it is superseded, for the undecided proposals matching `criteria`."""
    rows = session.execute(
        select(Proposal.id, _agreed, _in_a_cohort, _full, _proposed_again).where(OVERTAKEN, *criteria)
    ).all()
    reasons = (PATHWAY_AGREED, IN_A_COHORT, NO_PLACE_LEFT, PROPOSED_AGAIN)
    return {
        row[0]: next(reason for reason, held in zip(reasons, row[1:], strict=True) if held) for row in rows
    }


def mark(session: Session, proposals: Iterable[Proposal], *criteria: ColumnElement[bool]) -> None:
    """Set each proposal's `overtaken` (why, or None) as it is read, from one query over `criteria`."""
    found = why_overtaken(session, *criteria)
    for proposal in proposals:
        proposal.overtaken = found.get(proposal.id)


def mark_run(session: Session, run: MatchingRun) -> MatchingRun:
    mark(session, run.proposals, Proposal.run_id == run.id)
    return run


def count_by_run(session: Session, run_ids: list[str]) -> dict[str, int]:
    rows = session.execute(
        select(Proposal.run_id, func.count())
        .where(OVERTAKEN, Proposal.run_id.in_(run_ids))
        .group_by(Proposal.run_id)
    ).all()
    return dict(rows)


def shown_status(proposal: Proposal) -> str:
    """The status a reader sees: the stored one, or superseded when overtaken since."""
    return SUPERSEDED if proposal.overtaken else str(proposal.status)
