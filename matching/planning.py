"""Planning places: the base problem, its what-if variants, their summaries, and what a place buys.

The base problem (api-contract v1.1, *Sufficiency and what-if*) is the published problem of a run
of everyone in scope, except that options with no place left keep their arcs, at capacity 0: the
arcs a place there would open. Its penalties are the run's, so its optimum is the run's objective.
A what-if changes only capacities and adds hypothetical options' arcs, costed with the same
weights; the penalties stay the base problem's, so before and after are the same objective.
"""

from dataclasses import dataclass, replace

import numpy as np

from matching.assignment import Assignment
from matching.geo import haversine_km
from matching.problem import Option, Problem
from matching.shadow_prices import CapacityValues
from matching.solution import Candidates
from matching.solve import published


@dataclass(frozen=True)
class Planned:
    """A planning problem: the options it counts (the added ones last) and its published arcs."""

    problem: Problem
    candidates: Candidates


def base(problem: Problem) -> Planned:
    """The run's published problem, plus the arcs of options with no place left, at capacity 0."""
    full = [k for k, o in enumerate(problem.options) if o.remaining <= 0]
    return Planned(problem, with_arcs(published(problem), problem, full, [0] * len(full)))


def what_if(planned: Planned, changes: dict[int, int], added: list[Option]) -> Planned:
    """Places added to (or, negative, removed from) options by index, and hypothetical options added."""
    capacity = planned.candidates.capacity.copy()
    for k, places in changes.items():
        capacity[k] = max(0, int(capacity[k]) + places)
    candidates = replace(planned.candidates, capacity=capacity)
    problem = replace(planned.problem, options=planned.problem.options + tuple(added))
    n = len(planned.problem.options)
    new = list(range(n, n + len(added)))
    return Planned(problem, with_arcs(candidates, problem, new, [o.remaining for o in added]))


def with_arcs(c: Candidates, problem: Problem, options: list[int], capacity: list[int]) -> Candidates:
    """`c` with every arc the hard rules but CAPACITY allow to these options, at these capacities.

    Arc costs depend on the pair alone, so the options' arcs are costed in a problem of their own
    (each given a place, so that CAPACITY passes); that problem's penalties are not used.
    """
    grown = np.zeros(len(problem.options), dtype=np.int64)
    grown[: len(c.capacity)] = c.capacity
    grown[options] = capacity
    if not options:
        return replace(c, capacity=grown)
    alone = replace(problem, options=tuple(replace(problem.options[k], remaining=1) for k in options))
    extra = published(alone)
    index = np.asarray(options, dtype=np.int64)[extra.option]
    parts = {name: np.concatenate((part, extra.parts[name])) for name, part in c.parts.items()}
    return replace(
        c,
        person=np.concatenate((c.person, extra.person)),
        option=np.concatenate((c.option, index)),
        cost=np.concatenate((c.cost, extra.cost)),
        parts=parts,
        preference_rank=np.concatenate((c.preference_rank, extra.preference_rank)),
        capacity=grown,
    )


def link_km(planned: Planned, arcs: np.ndarray) -> np.ndarray:
    """Per arc: the young person's importance-weighted mean distance to their links (NaN without links)."""
    people, options = planned.problem.young_people, planned.problem.options
    out = np.full(len(arcs), np.nan)
    for n, arc in enumerate(arcs.tolist()):
        person, option = people[planned.candidates.person[arc]], options[planned.candidates.option[arc]]
        if person.links:
            weights = np.array([link.importance for link in person.links], dtype=float)
            km = haversine_km(
                np.array([link.lat for link in person.links]),
                np.array([link.lon for link in person.links]),
                option.lat,
                option.lon,
            )
            out[n] = float((weights * km).sum() / weights.sum())
    return out


def summary(planned: Planned, assignment: Assignment) -> dict:
    """What a planning meeting compares: matched, the urgent, the objective, distance to links."""
    c = planned.candidates
    matched = np.flatnonzero(assignment.chosen)
    km = link_km(planned, matched)
    km = km[~np.isnan(km)]
    return {
        "in_scope": len(c.penalty),
        "matched": len(matched),
        "urgent": int(c.urgent.sum()),
        "urgent_matched": int(c.urgent[c.person[matched]].sum()),
        "objective": assignment.objective,
        "mean_link_km": round(float(km.mean()), 1) if len(km) else None,
    }


@dataclass(frozen=True)
class Gain:
    """What one more place in an option would change: who is housed, who moves nearer."""

    housed: int | None  # the young person newly housed (index), if any
    urgent: bool  # whether that young person is urgent
    nearer_km: float  # the links kept nearer by those who move, summed (importance-weighted means)
    moves: int  # young people who move to a better place


def gain(planned: Planned, assignment: Assignment, values: CapacityValues, option: int) -> Gain:
    """Follow the cheapest path back from the option: the one change its extra place makes."""
    c = planned.candidates
    placed_arc = np.full(len(c.penalty), -1, dtype=np.int64)
    placed_arc[c.person[assignment.chosen]] = np.flatnonzero(assignment.chosen)
    nearer, node = 0.0, option
    for moves in range(len(c.capacity) + 1):
        arc = int(values.via[node])
        if arc < 0:  # the path starts where a place is freed: nobody new is housed
            return Gain(None, False, nearer, moves)
        person, left = int(c.person[arc]), int(placed_arc[c.person[arc]])
        if left < 0:
            return Gain(person, bool(c.urgent[person]), nearer, moves)
        before, after = link_km(planned, np.array([left, arc]))
        nearer += 0.0 if np.isnan(before) else float(before - after)
        node = int(c.option[left])
    raise ValueError("the path does not lead back to the sink")
