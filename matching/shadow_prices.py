"""What one more place in each option is worth: the exact fall in the optimum, all options at once.

An LP solver's duals are not unique where the problem is degenerate (many options exactly full),
so they cannot serve as "the" price of a place. The exact value comes from an optimal assignment
instead (optimisation-notes §2): give option o one more place, i.e. a new arc o → sink of cost 0
and capacity 1. The new optimum differs from the old by at most one cycle through that arc, so

    value(o) = old optimum − new optimum = max(0, −d(sink, o))

with d the cheapest path from the sink in the residual graph of the optimal flow (no negative
cycle there, because the flow is optimal).

The residual graph of this flow has a shape that makes the pass cheap. A young person has exactly
one way in: from the sink at −penalty if unmatched, or from the option holding them at −c(i, o')
("move them out"). An option is entered from the sink at 0 if it holds anyone (a place can be
freed there), or from a young person i along an unused arc at +c(i, o). So the distances solve

    d(i) = −penalty_i (unmatched)  or  d(o') − c(i, o') (placed in o')
    d(o) = min(0 if o holds anyone, min over unused arcs (i, o) of d(i) + c(i, o))

which a Bellman-Ford over options alone settles, each round one vectorised pass over only the
arcs of young people whose distance just fell. The rounds are the longest chain of moves that
pays; more rounds than options would mean a negative cycle, i.e. an assignment that was not
optimal. Everything is integer arithmetic: the values are exact.

Typical cheapest paths: sink → an unmatched young person j → o, "house j here"; sink → a full
option o' → the young person i placed there → o, "move i here and house someone in o'".
"""

from dataclasses import dataclass

import numpy as np

from matching.solution import Candidates

UNREACHED = np.int64(2**62)


class NotOptimal(ValueError):
    """The assignment given is not an optimum of the candidates (its residual graph has a negative cycle)."""


@dataclass(frozen=True)
class CapacityValues:
    """Per option: what one more place is worth, and the last step of the cheapest path there."""

    value: np.ndarray  # the exact fall in the optimum; 0 where one more place would not help
    via: np.ndarray  # the unused arc (index into the candidates) entering the option, or −1 from the sink


@dataclass(frozen=True)
class Distances:
    """Cheapest residual paths from the sink: per young person, per option, and each option's last step."""

    to_person: np.ndarray
    to_option: np.ndarray  # `UNREACHED` for an option no path enters
    via: np.ndarray  # the unused arc (index into the candidates) entering the option, or −1 from the sink


def capacity_values(c: Candidates, chosen: np.ndarray) -> CapacityValues:
    """Every option's value at once, from an optimal assignment: `chosen` marks the arcs it uses."""
    d = residual_distances(c, chosen)
    value = np.maximum(0, -np.where(d.to_option < UNREACHED // 2, d.to_option, 0)).astype(np.int64)
    return CapacityValues(value, d.via)


def residual_distances(c: Candidates, chosen: np.ndarray, within: np.ndarray | None = None) -> Distances:
    """The distances above in the residual graph of the arcs `within` (indices; all by default).

    `chosen` marks, over all of the candidates' arcs, those the assignment uses (all of them
    `within`). Raises `NotOptimal` if the assignment is not optimal over those arcs.
    """
    chosen = np.asarray(chosen, dtype=bool)
    n_people, n_options = len(c.penalty), len(c.capacity)
    placed_in = np.full(n_people, -1, dtype=np.int64)
    placed_cost = np.zeros(n_people, dtype=np.int64)
    placed_in[c.person[chosen]] = c.option[chosen]
    placed_cost[c.person[chosen]] = c.cost[chosen]
    used = np.bincount(c.option[chosen], minlength=n_options)
    if (used > c.capacity).any() or np.bincount(c.person[chosen], minlength=n_people).max(initial=0) > 1:
        raise ValueError("the assignment exceeds a capacity or places a young person twice")

    # Unused arcs, grouped by young person, so a round can take just the arcs of those whose distance fell.
    free = np.flatnonzero(~chosen) if within is None else within[~chosen[within]]
    free = free[np.argsort(c.person[free], kind="stable")]
    arc_person, arc_option, arc_cost = c.person[free], c.option[free], c.cost[free]
    starts = np.searchsorted(arc_person, np.arange(n_people + 1))

    to_option = np.where(used > 0, 0, UNREACHED).astype(np.int64)
    to_person = np.where(placed_in < 0, -c.penalty.astype(np.int64), UNREACHED)
    placed = placed_in >= 0
    to_person[placed] = to_option[placed_in[placed]] - placed_cost[placed]
    via = np.full(n_options, -1, dtype=np.int64)
    fell = np.flatnonzero(to_person < UNREACHED // 2)
    for _ in range(n_options + 2):  # a chain of moves through every option, then one round to see none fall
        arcs = _arcs_of(fell, starts)
        if len(arcs) == 0:
            # A cycle back to the sink that pays would also mean the assignment was not optimal.
            if (to_option[used < c.capacity] < 0).any() or (to_person[placed] + c.penalty[placed] < 0).any():
                raise NotOptimal("the assignment given is not optimal: moving someone would pay")
            return Distances(to_person, to_option, via)
        offers = to_person[arc_person[arcs]] + arc_cost[arcs]
        offered = to_option.copy()
        np.minimum.at(offered, arc_option[arcs], offers)
        lower = offered < to_option
        best = lower[arc_option[arcs]] & (offers == offered[arc_option[arcs]])
        via[arc_option[arcs[best]]] = free[arcs[best]]
        to_option = offered
        # A fall in an option's distance reaches the young people placed there, and only them.
        fell = np.flatnonzero(placed & lower[np.maximum(placed_in, 0)])
        to_person[fell] = to_option[placed_in[fell]] - placed_cost[fell]
    raise NotOptimal("the assignment given is not optimal: its residual graph has a negative cycle")


def _arcs_of(people: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """The positions of every unused arc of these young people (arcs grouped by young person)."""
    counts = starts[people + 1] - starts[people]
    if counts.sum() == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts[people] - np.cumsum(counts) + counts, counts)
    return offsets + np.arange(int(counts.sum()))
