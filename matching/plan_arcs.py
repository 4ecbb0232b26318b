"""The arcs of the plan's flow that some optimal plan may use (`horizon.plan`; issue 34)."""

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from matching.horizon import PlaceMonths


def undominated(
    problem: "PlaceMonths", cost: np.ndarray, appears: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The arcs some optimal plan may use, and for each the latest month up to its own in which
    places of its option appear; every optimal plan is one of the flows over them alone.

    Node (o, m) reaches the sink only through the places of o appearing in months up to m, so it
    reaches exactly what (o, m') reaches for every m' between the latest such month and m (none:
    the arc can carry nothing). Of a young person's arcs to the nodes of one option that reach the
    same places, any plan using one dearer than the cheapest is made cheaper by moving them to the
    cheapest (the places carried pass through its node anyway), so no optimal plan uses it; the
    cheapest are all kept. The objective is unchanged, so the optimal plans are exactly those of
    the whole graph. In the service's plan most options have no place known to appear after month
    0, and a young person keeps one arc to each (issue 34).
    """
    months = len(problem.months)
    reached = appears[problem.option] & ((2 << problem.month) - 1)
    arcs = np.flatnonzero(reached)  # the others reach no place
    if len(arcs) == 0:
        return arcs, arcs
    latest = np.frexp(reached[arcs].astype(np.float64))[1] - 1  # the highest bit set: exact below 2**53
    group = (problem.person[arcs] * len(problem.options) + problem.option[arcs]) * months + latest
    order = np.argsort(group)  # any order within a group: all its cheapest are kept
    sorted_group, sorted_cost = group[order], cost[arcs[order]]
    starts = np.flatnonzero(np.append(True, sorted_group[1:] != sorted_group[:-1]))
    cheapest = np.repeat(np.minimum.reduceat(sorted_cost, starts), np.diff(np.append(starts, len(order))))
    keep = np.zeros(len(cost), dtype=bool)
    keep[arcs[order[sorted_cost == cheapest]]] = True
    latest_of = np.zeros(len(cost), dtype=np.int64)
    latest_of[arcs] = latest
    useful = np.flatnonzero(keep)
    return useful, latest_of[useful]
