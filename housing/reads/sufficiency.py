"""Sufficiency: where one more place would help most, by district and route, from the base problem.

Both planning operations start from the base problem as of a day (api-contract v1.1): the problem
a run of everyone in scope would solve, with options that have no place left keeping their arcs
at capacity 0. It is solved afresh and nothing is written.
"""

from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

import matching
from housing import audit_words as words
from housing import disclosure
from housing.actors import Actor
from housing.db import transaction
from housing.models import Option
from housing.reads import matching_input
from housing.services import audit
from housing.vocabulary import Role, Route
from matching import planning
from matching.assignment import Assignment, optimal_assignment
from matching.shadow_prices import CapacityValues, capacity_values

Gain = planning.Gain  # what one more place would do, as the pages say it (web/planning_words.py)


@dataclass(frozen=True)
class Base:
    """The base problem as of a day, solved, and what one more place in each option is worth."""

    planned: planning.Planned
    assignment: Assignment
    values: CapacityValues


def problem(session: Session, as_of: date, reach_km: float) -> matching.Problem:
    """Everyone in scope on the day and every option, as the matcher's plain data: the read that a
    planning answer needs, kept short; the solving is done after it, outside any transaction."""
    return matching_input.build(session, as_of, matching_input.in_scope(session, as_of, None), reach_km)


def solved(read: matching.Problem) -> Base:
    planned = planning.base(read)
    assignment = optimal_assignment(planned.candidates)
    return Base(planned, assignment, capacity_values(planned.candidates, assignment.chosen))


@dataclass(frozen=True)
class Group:
    """The options of one district and route, and what one more place among them would do."""

    district: str | None
    route: str
    places: int
    remaining: int
    filled: int  # places the base problem's optimum fills: young people it places here
    demand_in_reach: int
    shadow_price: int
    gain: planning.Gain | None  # at the group's most valuable option; None where a place is worth 0
    # What a place here costs a week, in whole pounds: the median place's among the options with a
    # cost recorded (None where none has one), and how many places that is judged over.
    weekly_cost: int | None = None
    costed_places: int = 0


def as_of_for(actor: Actor, day: date) -> date:
    """The day a planning answer is as of: for a commissioner, the first day of its month.

    Two days a day apart differ by exactly the young people who turned 16 that day, so answers a
    commissioner can set side by side must be a month apart at least (contract v1.2).
    """
    return day.replace(day=1) if actor.role is Role.COMMISSIONER else day


def groups(session: Session, actor: Actor, as_of: date, reach_km: float) -> list[Group]:
    """One group per district and route that has options; Staying Put left out (one person's offer).

    Read from every young person in scope, so the read is audited (one entry naming the reader).
    """
    as_of = as_of_for(actor, as_of)
    with transaction(session):
        read = problem(session, as_of, reach_km)
        held = session.execute(select(Option.id, Option.capacity, Option.weekly_cost)).all()
        audit.record(session, actor, "sufficiency", None, f"sufficiency as of {words.day(as_of)}")
    capacity = {option: places for option, places, _ in held}
    costs = {option: cost for option, _, cost in held if cost is not None}
    return _groups(solved(read), capacity, costs)


def weekly_cost(places_and_costs: list[tuple[int, int]]) -> int | None:
    """The PLACE_COST rule: a group's weekly cost of a place is its median place's, each option's
    cost counted once for each of its places (so one large scheme weighs as its places do)."""
    ordered = sorted(cost for places, cost in places_and_costs for _ in range(places))
    return ordered[(len(ordered) - 1) // 2] if ordered else None


def _groups(base: Base, capacity: dict[str, int], costs: dict[str, int]) -> list[Group]:
    options = base.planned.problem.options
    keys = sorted(
        {(o.district, o.route) for o in options if o.route != Route.STAYING_PUT},
        key=lambda key: (key[0] is None, key[0] or "", key[1]),
    )
    number = {key: n for n, key in enumerate(keys)}
    group_of = np.array([number.get((o.district, o.route), -1) for o in options], dtype=np.int64)
    c = base.planned.candidates
    arcs = group_of[c.option] >= 0
    # Each young person counted once per group: a pair (group, young person) is one demand.
    pairs = np.unique(group_of[c.option[arcs]] * len(c.penalty) + c.person[arcs])
    demand = np.bincount(pairs // max(len(c.penalty), 1), minlength=len(keys))
    used = np.bincount(c.option[base.assignment.chosen], minlength=len(options))
    out = []
    for (district, route), n in number.items():
        members = np.flatnonzero(group_of == n)
        best = int(members[np.argmax(base.values.value[members])])
        price = int(base.values.value[best])
        gain = planning.gain(base.planned, base.assignment, base.values, best) if price else None
        costed = [(capacity[options[k].id], costs[options[k].id]) for k in members if options[k].id in costs]
        out.append(
            Group(
                district=district,
                route=route,
                places=sum(capacity[options[k].id] for k in members),
                remaining=int(c.capacity[members].sum()),
                filled=int(used[members].sum()),
                demand_in_reach=int(demand[n]),
                shadow_price=price,
                gain=gain,
                weekly_cost=weekly_cost(costed),
                costed_places=sum(places for places, _ in costed),
            )
        )
    return out


def filled_shown(groups: list[Group], commissioner: bool) -> list[int | str]:
    """Each group's places filled, as a commissioner may see them: rounded, and withheld beside
    1-4 places left (the exact `remaining` would nearly pin it: "<5" filled of 1 left is 1)."""
    if not commissioner:
        return [g.filled for g in groups]
    return [disclosure.bounded(g.filled, g.remaining) for g in groups]
