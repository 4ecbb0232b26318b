"""Matching runs: solve the store, keep the run and its proposals, and answer for them later."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

import matching
from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import AuditEntry, MatchingRun, Option, Proposal, YoungPerson
from housing.services import audit, coming_months, leave_to_remain, matching_input, run_listing
from housing.vocabulary import ProposalStatus, Trigger
from matching.snapshot import digest, from_data, to_data


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
    narrow: Callable[[matching.Problem], list[str]] | None = None,
) -> MatchingRun:
    """Read the store and plan the coming months, solve with no transaction open, then write the run
    in one short transaction.

    The optimiser holds no lock while it works (on SQLite a writing transaction holds the only
    write lock). Nothing read can go stale in a harmful way: proposals hold no place, and an
    accept re-checks the place and the pathway when it is made.
    """
    with transaction(session):
        people = matching_input.in_scope(session, as_of, young_people)
        problem = matching_input.build(session, as_of, people, reach_km)
        if narrow is not None:  # proposals kept current: only the young people `narrow` names, read once
            keep = set(narrow(problem))
            people = [p for p in people if p.id in keep]
            problem = replace(problem, young_people=tuple(p for p in problem.young_people if p.id in keep))
        # The plan of the coming months may hold places from those due later for someone due sooner
        # (contract v1.2); every run, asked for or triggered by an event, comes through here.
        problem = replace(problem, held_back=coming_months.plan(session, problem, people).held_back)
        notes = leave_to_remain.explanations(people)  # issue 17: why a UASC young person must move
    solution = matching.solve(problem)
    snapshot = to_data(problem)
    with transaction(session):
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
            digest=digest(snapshot),
            unmatched=[
                {"young_person": u.young_person, "penalty": u.penalty, "reasons": u.reasons}
                for u in solution.unmatched
            ],
            summary=summarise(problem, solution),
            everyone=not young_people,
        )
        record.proposals = [
            Proposal(
                position=n,
                young_person_id=p.young_person,
                option_id=p.option,
                route=p.route,
                place=p.place,
                cost=p.cost,
                explanation={**p.explanation, **notes.get(p.young_person, {})},
                status=ProposalStatus.PROPOSED,
            )
            for n, p in enumerate(solution.proposals)
        ]
        session.add(record)
        session.flush()
        _audit_run(session, actor, record, solution, now)
    return record


def get(session: Session, run_id: str) -> MatchingRun:
    record = session.get(MatchingRun, run_id, options=(selectinload(MatchingRun.proposals),))
    if record is None:
        raise NotFound(f"no matching run with id {run_id}")
    return record


def view(session: Session, actor: Actor, run_id: str) -> MatchingRun:
    """A run as returned, its proposals and unmatched naming young people: each of them is audited
    as seen, in one statement however many the run holds."""
    with transaction(session):
        record = get(session, run_id)
        seen = {p.young_person_id for p in record.proposals} | {u["young_person"] for u in record.unmatched}
        audit.record_views(session, actor, sorted(seen), f"matching run {run_id}")
    return record


def candidates(session: Session, actor: Actor, run_id: str) -> dict[str, Any]:
    """The exact problem the run solved, rebuilt from its snapshot: every arc, penalty and capacity.
    Every young person in the problem is named in it, so each is audited as seen."""
    with transaction(session):
        record = get(session, run_id)
        problem = from_data(record.snapshot)
        audit.record_views(
            session, actor, sorted(p.id for p in problem.young_people), f"candidates of matching run {run_id}"
        )
    c = matching.published(problem)
    people = [p.id for p in problem.young_people]
    options = [o.id for o in problem.options]
    remaining = dict(zip(options, c.capacity.tolist(), strict=True))
    return {
        "arcs": [
            {"young_person": people[i], "option": options[k], "cost": cost}
            for i, k, cost in zip(c.person.tolist(), c.option.tolist(), c.cost.tolist(), strict=True)
        ],
        "unassigned_penalty": dict(zip(people, c.penalty.tolist(), strict=True)),
        "capacity": remaining,
        "due_tier": {p.id: p.due_tier for p in problem.young_people},
        "held": {  # places held back from tiers later and none, at most the option's remaining
            option: {"places": min(hold.places, remaining[option]), "from_month": hold.from_month.isoformat()}
            for option, hold in problem.held_back.items()
            if remaining.get(option, 0) > 0 and hold.places > 0
        },
    }


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


@dataclass(frozen=True)
class Review:
    """A page of a run's proposals, with the names an officer needs to read them."""

    run: MatchingRun
    proposals: list[Proposal]
    total: int
    unmatched: list[dict[str, Any]]
    people: dict[str, YoungPerson]
    options: dict[str, Option]


def review(
    session: Session, actor: Actor, run_id: str, *, page: int, page_size: int, unmatched_page: int = 1
) -> Review:
    """One page of proposals and one of the unmatched; only the young people shown are audited as seen."""
    with transaction(session):
        record = get(session, run_id)
        # The planning meeting's agenda: the most due first.
        ordered = sorted(record.proposals, key=run_listing.most_due_first)
        shown = ordered[(page - 1) * page_size : page * page_size]
        left_out = record.unmatched[(unmatched_page - 1) * page_size : unmatched_page * page_size]
        ids = {p.young_person_id for p in shown} | {u["young_person"] for u in left_out}
        # Their preferences in the same read: the page's explanations name them, person by person.
        shown_people = (
            select(YoungPerson).where(YoungPerson.id.in_(ids)).options(selectinload(YoungPerson.preferences))
        )
        people = {p.id: p for p in session.scalars(shown_people)}
        option_ids = {p.option_id for p in shown} | {
            a["option"] for p in shown for a in p.explanation.get("alternatives", [])
        }
        options = {o.id: o for o in session.scalars(select(Option).where(Option.id.in_(option_ids)))}
        audit.record_views(session, actor, sorted(ids), f"review of run {run_id}")
    return Review(record, shown, len(record.proposals), left_out, people, options)
