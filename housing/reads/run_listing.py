"""The matching runs, newest first, each summed up in counts an officer can trust at a glance."""

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from housing.db import transaction
from housing.models import MatchingRun, Proposal
from housing.reads import superseded
from housing.vocabulary import ProposalStatus

# The run's own summary, kept when it was solved, under the names the contract lists.
FROM_SUMMARY = {"in_scope": "in_scope", "proposed": "matched", "urgent": "urgent",
                "urgent_matched": "urgent_matched", "unmatched": "unmatched"}  # fmt: skip


def most_due_first(proposal: Proposal) -> tuple[bool, int, int]:
    """The planning meeting's order: soonest due first (the due date when the explanation has it,
    else the 17½ deadline), those with nothing due last, then the run's own order."""
    e = proposal.explanation
    days = e["days_to_due"] if "due" in e else e.get("days_to_deadline")
    return (days is None, days or 0, proposal.position)


def newest(session: Session, *, page: int, page_size: int) -> tuple[list[dict[str, Any]], int]:
    """One page of runs, newest first; runs made in the same instant keep a fixed order (by id).

    Decisions are counted now, not when the run was made: accepted, rejected, and superseded
    (overtaken since by another run's decision or a place gone).
    """
    with transaction(session):
        total = session.scalar(select(func.count()).select_from(MatchingRun)) or 0
        runs = list(
            session.scalars(
                select(MatchingRun)
                .options(defer(MatchingRun.snapshot), defer(MatchingRun.unmatched))  # large, not shown
                .order_by(MatchingRun.created_at.desc(), MatchingRun.id)
                .limit(page_size)
                .offset((page - 1) * page_size)
            )
        )
        ids = [run.id for run in runs]
        decided = session.execute(
            select(Proposal.run_id, Proposal.status, func.count())
            .where(Proposal.run_id.in_(ids), Proposal.status != ProposalStatus.PROPOSED)
            .group_by(Proposal.run_id, Proposal.status)
        ).all()
        overtaken = superseded.count_by_run(session, ids)
    counts = {
        run_id: {"accepted": 0, "rejected": 0, "superseded": overtaken.get(run_id, 0)} for run_id in ids
    }
    for run_id, status, n in decided:
        counts[run_id][str(status)] = n
    return [_summary(run, counts[run.id]) for run in runs], total


def _summary(run: MatchingRun, decided: dict[str, int]) -> dict[str, Any]:
    return {
        "id": run.id,
        "as_of": run.as_of,
        "created_at": run.created_at,
        "created_by": run.created_by,
        "trigger": run.trigger,
        "triggered_by": run.triggered_by,
        "event_id": run.event_id,
        "status": run.status,
        "counts": {name: run.summary.get(key, 0) for name, key in FROM_SUMMARY.items()} | decided,
    }
