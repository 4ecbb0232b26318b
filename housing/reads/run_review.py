"""A matching run as its readers see it: the run with "superseded" applied, a page of it for the
planning meeting, and the exact problem it solved. Every young person it names is audited as seen."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, selectinload

import matching
from housing import audit_words as words
from housing import unmatched_advice
from housing.actors import Actor
from housing.db import found, transaction
from housing.models import MatchingRun, Proposal, YoungPerson
from housing.reads import names, run_listing, superseded
from housing.services import audit
from matching.snapshot import from_data


def get(session: Session, run_id: str) -> MatchingRun:
    return found(session, MatchingRun, run_id, "matching run", options=(selectinload(MatchingRun.proposals),))


def view(session: Session, actor: Actor, run_id: str) -> MatchingRun:
    """A run as returned, its proposals and unmatched naming young people: each of them is audited
    as seen, in one statement however many the run holds."""
    with transaction(session):
        record = get(session, run_id)
        seen = {p.young_person_id for p in record.proposals} | {u["young_person"] for u in record.unmatched}
        audit.record_views(session, actor, sorted(seen), f"matching run as of {words.day(record.as_of)}")
        superseded.mark_run(session, record)
    return record


def candidates(session: Session, actor: Actor, run_id: str) -> dict[str, Any]:
    """The exact problem the run solved, rebuilt from its snapshot: every arc, penalty and capacity.
    Every young person in the problem is named in it, so each is audited as seen."""
    with transaction(session):
        record = get(session, run_id)
        problem = from_data(record.snapshot)
        audit.record_views(
            session,
            actor,
            sorted(p.id for p in problem.young_people),
            f"candidates of the matching run as of {words.day(record.as_of)}",
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


@dataclass(frozen=True)
class RunShown:
    """A run as its page and its printed agenda head it."""

    id: str
    as_of: date
    created_at: datetime
    created_by: str | None  # None for a run the service made itself
    summary: dict[str, Any]


@dataclass(frozen=True)
class Review:
    """A page of a run's proposals ("superseded" applied) and of its unmatched, with the names an
    officer needs to read them and, for each unmatched young person shown, the districts where an
    application would open a vacancy within reach (`apply_to`; none listed where there is none)."""

    run: RunShown
    proposals: list[Proposal]
    total: int
    unmatched: list[dict[str, Any]]
    unmatched_total: int
    apply_to: dict[str, list[str]]
    people: dict[str, YoungPerson]
    options: dict[str, names.NamedOption]


# Not the snapshot: a page reads what the run kept (`fairness`, `unmatched_advice`), and loads it
# only for advice not yet kept.
_SHOWN = (selectinload(MatchingRun.proposals), defer(MatchingRun.snapshot))


def review(
    session: Session, actor: Actor, run_id: str, *, page: int, page_size: int, unmatched_page: int = 1
) -> Review:
    """One page of proposals and one of the unmatched; only the young people shown are audited as seen."""
    with transaction(session):
        record = found(session, MatchingRun, run_id, "matching run", options=_SHOWN)
        # The planning meeting's agenda: the most due first.
        ordered = sorted(record.proposals, key=run_listing.most_due_first)
        shown = ordered[(page - 1) * page_size : page * page_size]
        left_out = record.unmatched[(unmatched_page - 1) * page_size : unmatched_page * page_size]
        return _named(session, actor, record, shown, left_out)


def printable(session: Session, actor: Actor, run_id: str) -> Review:
    """The whole run for the printed agenda, not paged: every proposal, most due first, and everyone
    left unmatched; each young person named is audited as seen."""
    with transaction(session):
        record = found(session, MatchingRun, run_id, "matching run", options=_SHOWN)
        ordered = sorted(record.proposals, key=run_listing.most_due_first)
        return _named(session, actor, record, ordered, record.unmatched)


def _named(
    session: Session, actor: Actor, record: MatchingRun, shown: list[Proposal], left_out: list[dict[str, Any]]
) -> Review:
    """The proposals and unmatched shown, with the people and options they name, "superseded" applied."""
    ids = {p.young_person_id for p in shown} | {u["young_person"] for u in left_out}
    # Their preferences in the same read: the page's explanations name them, person by person.
    shown_people = (
        select(YoungPerson).where(YoungPerson.id.in_(ids)).options(selectinload(YoungPerson.preferences))
    )
    people = {p.id: p for p in session.scalars(shown_people)}
    option_ids = {p.option_id for p in shown} | {
        a["option"] for p in shown for a in p.explanation.get("alternatives", [])
    }
    options = names.options_by_id(session, option_ids)
    audit.record_views(
        session, actor, sorted(ids), f"review of the matching run as of {words.day(record.as_of)}"
    )
    superseded.mark(session, shown, Proposal.run_id == record.id)
    run = RunShown(record.id, record.as_of, record.created_at, record.created_by, record.summary)
    apply_to = _districts_to_apply(record, [u["young_person"] for u in left_out])
    return Review(
        run, shown, len(record.proposals), left_out, len(record.unmatched), apply_to, people, options
    )


def _districts_to_apply(run: MatchingRun, young_people: list[str]) -> dict[str, list[str]]:
    """Of these unmatched young people, each one's districts where an application would open a vacancy
    within reach (`unmatched_advice`). The run's first page of them is worked out as the run is
    stored (`housing.services.run_pages`); anyone else the first time they are shown, from the run's
    snapshot, and then kept with the run (in the reading's own transaction): the answer is the
    run's, whenever it is read."""
    kept = run.unmatched_advice or {}
    missing = [person for person in young_people if person not in kept]
    if missing:
        worked_out = unmatched_advice.districts_to_apply(from_data(run.snapshot), missing)
        kept = kept | {person: worked_out.get(person, []) for person in missing}
        run.unmatched_advice = kept  # a new dict, so the change is seen and written
    return {person: kept[person] for person in young_people if kept[person]}
