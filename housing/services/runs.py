"""Matching runs: solve the store, keep the run and its proposals, and answer for them later."""

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

import matching
from housing.actors import Actor
from housing.db import transaction
from housing.models import AuditEntry, MatchingRun, Proposal
from housing.reads import matching_input
from housing.services import coming_months, leave_to_remain, run_pages
from housing.vocabulary import ProposalStatus, Trigger
from matching import collector
from matching.snapshot import canonical, digest, to_data, with_plan


def run(
    session: Session,
    actor: Actor,
    *,
    as_of: date,
    young_people: list[str] | None,
    reach_km: float,
    trigger: Trigger = Trigger.MANUAL,
    triggered_by: str | None = None,
    event_id: str | None = None,
    narrow: Callable[[matching.Problem], tuple[list[str], matching.PenaltyScale]] | None = None,
) -> MatchingRun:
    """Read the store and plan the coming months, solve with no transaction open, then write the run
    in one short transaction.

    The optimiser holds no lock while it works (on SQLite a writing transaction holds the only
    write lock). Nothing read can go stale in a harmful way: proposals hold no place, and an
    accept re-checks the place and the pathway when it is made.
    """
    with collector.paused(), transaction(session):
        people = matching_input.in_scope(session, as_of, young_people)
        problem = matching_input.build(session, as_of, people, reach_km)
        # The plan of the coming months may hold places from those due later for someone due sooner
        # and is the run's last goal but one (contract v1.2); every run, asked for or triggered by an
        # event, comes through here. It is made over everyone read, before an event's run narrows
        # to the components it touches, so that run's answer stays exactly a full re-solve's.
        data = to_data(problem)
        made = {"options": canonical(data["options"])}  # most of the problem, digested twice
        planned = coming_months.plan(
            session,
            problem,
            people,
            problem_digest=coming_months.digest_but_rejected(data, made),
            everyone=young_people is None,
        )
        if narrow is not None:  # proposals kept current: only the young people `narrow` names, read once
            named, scale = narrow(problem)
            keep = set(named)
            people = [p for p in people if p.id in keep]
            # The whole problem's penalties too: a part's own would set them by its own dearest arc.
            problem = replace(
                problem,
                young_people=tuple(p for p in problem.young_people if p.id in keep),
                penalty_scale=scale,
            )
            data = data | {
                "young_people": [p for p in data["young_people"] if p["id"] in keep],
                "penalty_scale": {"floor": scale.floor, "premium": scale.premium},
            }
        problem = planned.given_to(problem)
        notes = leave_to_remain.explanations(people)  # issue 17: why a UASC young person must move
    with collector.paused():
        solution = matching.solve(problem)
    snapshot = with_plan(data, problem)
    with collector.paused(), transaction(session):
        now = datetime.now(UTC)
        record = MatchingRun(
            as_of=as_of,
            created_at=now,
            created_by=None if actor.automatic else actor.email,
            trigger=trigger,
            triggered_by=triggered_by,
            event_id=event_id,
            status=solution.status,
            objective=solution.objective,
            solver=solution.solver,
            wall_ms=round(solution.timings_ms["total"], 1),
            snapshot=snapshot,
            digest=digest(snapshot, made),
            unmatched=[
                {"young_person": u.young_person, "penalty": u.penalty, "reasons": u.reasons}
                for u in solution.unmatched
            ],
            summary=summarise(problem, solution),
            everyone=not young_people,
        )
        session.add(record)
        session.flush()
        # The proposals as one INSERT of many rows, not ORM objects flushed one by one (issue 34:
        # 1,668 at ten times the county); `record.proposals` reads them back in the same transaction.
        if solution.proposals:
            session.execute(
                insert(Proposal),
                [
                    {
                        "run_id": record.id,
                        "position": n,
                        "young_person_id": p.young_person,
                        "option_id": p.option,
                        "route": p.route,
                        "place": p.place,
                        "cost": p.cost,
                        "explanation": {**p.explanation, **notes.get(p.young_person, {})},
                        "status": ProposalStatus.PROPOSED,
                    }
                    for n, p in enumerate(solution.proposals)
                ],
            )
        run_pages.keep(record, problem, solution, people)  # what its page reads first (issue 34)
        _audit_run(session, actor, record, solution, now)
        session.refresh(record, ["proposals"])
    return record


def summarise(problem: matching.Problem, solution: matching.Solution) -> dict[str, Any]:
    """What a planning meeting asks first: how many matched, the urgent, why the rest were not."""
    distances = [
        link["distance_km"] for proposal in solution.proposals for link in proposal.explanation["links"]
    ]
    return {
        "in_scope": len(problem.young_people),
        "matched": len(solution.proposals),
        "urgent": int(solution.candidates.urgent.sum()),
        "urgent_matched": solution.urgent_matched,
        "unmatched": len(solution.unmatched),
        "unmatched_by_reason": dict(
            Counter(u.reasons[0]["code"] if u.reasons else "NONE" for u in solution.unmatched).most_common()
        ),
        "mean_link_km": round(sum(distances) / len(distances), 1) if distances else None,
    }


def _audit_run(
    session: Session, actor: Actor, record: MatchingRun, solution: matching.Solution, now: datetime
) -> None:
    """Each young person in the run gets an entry: the run read their record to propose for them."""
    entries = [
        {"young_person_id": p.young_person, "detail": f"run {record.id} proposed option {p.option}"}
        for p in solution.proposals
    ] + [
        {"young_person_id": u.young_person, "detail": f"run {record.id} left them unmatched"}
        for u in solution.unmatched
    ]
    if entries:
        common = {"at": now, "user_email": actor.email, "role": actor.audit_role, "action": "match"}
        session.execute(insert(AuditEntry), [common | entry for entry in entries])
