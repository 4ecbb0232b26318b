"""What a run knows of the coming months, and the plan it makes of them (contract v1.2, "Who is
served first": a run may hold a place back from young people due later for someone due sooner).

Read-only. The plan itself is `matching.horizon`; this module gathers what the store already knows:
- the young people on the books at their future dates: those in the run, and children in care who
  come into scope (turn 16) within the plan, each at the need and due dates each month gives them;
- the places: each option's places on the run's date; places that free up as recorded placement
  ends fall due (`placements.held_meanwhile` on each month's first day); options and House Project
  cohorts with a later `available_from` (the matcher allows them from the month they open).
A Staying Put arrangement ending at 21 frees no place for anyone else (the carer's offer is to one
young person), so it adds nothing here. Arrivals not yet recorded are not guessed at.

The plan is kept for a day: a run whose problem, young people to come and places to come are the
same as an earlier run's on the same day (the digest of all three) reuses that run's plan instead of
solving it again, since the plan is a function of them alone. Any change in the store a run reads
(a rejection, a placement, a new option, a record edited) changes the digest.

The months' tables of arcs are kept too (the last ones made), under the same digest less the pairs
turned down and with only which options have places coming, not how many: a rejection, the event
proposals kept current answer most often, then changes no table but by the pair it refuses, which
`horizon.without` takes out exactly as a table made afresh would leave it out (issue 28: building
the nine tables was most of an event's plan). Any other change to what they read makes them again.
"""

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

import matching
from housing import due, lifedates, rules
from housing.reads import matching_input, reference
from housing.services import placements
from matching import horizon, months_once
from matching.snapshot import digest, to_data

HORIZON_MONTHS = 9  # chosen on the simulated year's seeds 1-20 (README, "A simulated year")
KEPT = 16  # plans kept (the last runs' inputs): a day's runs of a county, few of them alike
_kept: OrderedDict[str, horizon.Planned] = OrderedDict()
# The last months' tables made, by their digest: one set (at ten times the county, 0.1 GB of arcs).
_tables: dict[str, list[horizon.MonthArcs]] = {}
_lock = threading.Lock()


def plan(
    session: Session,
    problem: matching.Problem,
    people: list[matching_input.InScope],
    months: int = HORIZON_MONTHS,
    *,
    problem_digest: str | None = None,
    everyone: bool = False,
) -> horizon.Planned:
    """The plan of the coming `months` for a run's `problem` over its `people` (the store's records);
    `problem_digest`, the digest of the problem's snapshot less its `rejected` pairs
    (`digest_but_rejected`) where the caller has it already; `everyone`, the run's people are
    everyone in scope on its date."""
    as_of = problem.as_of
    dates = tuple(lifedates.add_months(as_of, i) for i in range(months))
    until = lifedates.add_months(as_of, months)
    records = {p.id: p for p in people}
    # Who comes into scope: for a run of everyone, only those not yet in scope by age, who are all
    # younger than 17 (reading the others again was a third of reading the store; issue 34).
    younger = lifedates.add_months(as_of, -12 * 17) if everyone else None
    coming = [
        p
        for p in matching_input.in_scope(session, dates[-1], None, born_after=younger)
        if p.id not in records
    ]
    records |= {p.id: p for p in coming}
    known = {p.id: p for p in problem.young_people}
    if coming:  # the young people alone: the options are the run's own
        places = reference.places_by_name(session)
        living = placements.living_in(session, {p.id for p in coming}, as_of)
        known |= {
            p.id: replace(p, lives_in=living.get(p.id))
            for p in matching_input.young_people(session, as_of, coming, places)
        }
    supply = _supply(session, problem, dates)
    coming_people = tuple(known[p.id] for p in coming)
    tables_key = digest({
        "problem": problem_digest or digest_but_rejected(to_data(problem)), "months": months,
        "coming": to_data(replace(problem, young_people=coming_people, options=()))["young_people"],
        "dates": sorted([r.id, str(r.date_of_birth), str(r.move_date), str(r.custody_release_date)]
                        for r in records.values()),
        "with_places": sorted({o for o, _i in supply}),
    })  # fmt: skip
    key = digest(
        {
            "tables": tables_key,
            "rejected": sorted(problem.rejected),
            "supply": sorted([o, i, n] for (o, i), n in supply.items()),
        }
    )
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
        tables = _tables.get(tables_key)
    if tables is None:
        tables = _tables_of(problem, records=records, known=known, supply=supply, dates=dates)
        with _lock:
            _tables.clear()
            _tables[tables_key] = tables
    turned_down = [horizon.without(table, problem.rejected) for table in tables]
    planned = horizon.plan(horizon.place_months(dates, until, turned_down, supply))
    with _lock:
        _kept[key] = planned
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return planned


def digest_but_rejected(data: dict, made: Mapping[str, str] | None = None) -> str:
    """The digest of a problem's snapshot less its `rejected` pairs: what its months' tables read
    (`made`: as `snapshot.digest` takes it)."""
    return digest({name: value for name, value in data.items() if name != "rejected"}, made)


def forget() -> None:
    """Forget the plans and tables kept (the benchmarks time a run that solves its plan afresh)."""
    with _lock:
        _kept.clear()
        _tables.clear()


def _tables_of(
    problem: matching.Problem,
    *,
    records: dict[str, matching_input.InScope],
    known: dict[str, matching.YoungPerson],
    supply: dict[tuple[str, int], int],
    dates: tuple[date, ...],
) -> list[horizon.MonthArcs]:
    """Each month's arcs (`horizon.month_arcs`, built for all months at once: `months_once`) with no
    pair turned down: `horizon.without` takes out the problem's own."""
    with_places = {o for o, _i in supply}  # a full option with no place coming adds nothing
    every_option = tuple(o for o in problem.options if o.id in with_places)  # each given a place
    first: dict[str, matching.YoungPerson] = {}  # each young person as their first month sees them
    months = []
    for on in dates:
        people, ages, needs, dues = [], [], [], []
        for i, person in known.items():
            record = records[i]
            if not rules.in_matching_scope(record.date_of_birth, on):
                continue
            # The need and due dates move with the day (as a run on `on` would see them).
            dob, move, release = record.date_of_birth, record.move_date, record.custody_release_date
            need = lifedates.need_date(dob, on, move, release)
            what_is_due = due.due_on(on, dob, move, release)
            people.append(i)
            ages.append(lifedates.age_on(dob, need))
            needs.append(need)
            dues.append(what_is_due.on if what_is_due else None)
            if i not in first:
                first[i] = replace(
                    person, age=ages[-1], need_date=need, due_date=dues[-1],
                    due=what_is_due.kind.value if what_is_due else None,
                )  # fmt: skip
        months.append(months_once.Month(on, tuple(people), ages, needs, tuple(dues)))
    everyone = tuple(first.values())
    return months_once.month_tables(
        replace(problem, young_people=everyone, options=every_option, rejected=frozenset()), months
    )


def _supply(
    session: Session, problem: matching.Problem, dates: tuple[date, ...]
) -> dict[tuple[str, int], int]:
    """Places on the run's date, then those each month frees as recorded placement ends fall due."""
    supply = {(o.id, 0): o.remaining for o in problem.options if o.remaining > 0}
    before, *later = placements.held_meanwhile_on(session, dates)
    for i, held in enumerate(later, 1):
        for option_id, n in before.items():
            if (freed := n - held.get(option_id, 0)) > 0:
                supply[(option_id, i)] = freed
        before = held
    return supply
