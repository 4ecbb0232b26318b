"""What leaving each young person unmatched costs, so that those due soonest are served first.

With something due (api-contract v1.1, "Due first"), the penalty `base_i` exceeds every arc cost,
so matching them always beats leaving them out, and it grows as the due date nears. With nothing
due, `base_i` is the cost of a move keeping their links `weights.NOTHING_DUE_NEAR_KM` away, less
one unit: below many arc costs, so only a move that serves them is ever proposed (an arc dearer
than one's penalty is never chosen, since leaving them out is always feasible and cheaper).
The urgent (due within `urgent_days`, overdue included) carry on top a premium

    BIG = 1 + Σ_i max(0, base_i − cheapest arc of i) + Σ_i max(0, dearest arc of i − base_i),

summed over young people with arcs.

Why BIG suffices: write the objective as F = Σ penalties − BIG·U − S, with U the urgent matched
and S = Σ_{i matched} (base_i − cost of i's arc). Each term of S lies between
−max(0, dearest_i − base_i) and max(0, base_i − cheapest_i), so S itself lies in an interval
of width at most BIG − 1, and any two assignments' S differ by less than BIG. An assignment with
more urgent matched is therefore always cheaper: the optimum of the published problem matches as
many urgent young people as any assignment can.
"""

import numpy as np

from matching import weights
from matching.costs import link_points, units
from matching.encode import Encoded
from matching.problem import PenaltyScale
from matching.solution import Candidates

# OR-Tools' cost scaling multiplies costs by about the number of nodes; stay far inside int64.
COST_CEILING = 2**62


class CostRangeError(ValueError):
    """The penalties would not fit the solver's integer range."""


def base_penalties(e: Encoded, cost: np.ndarray) -> np.ndarray:
    """Each young person's penalty without the urgent premium."""
    floor = e.penalty_scale.floor if e.penalty_scale else floor_of(cost)
    closeness = np.clip(
        (weights.URGENCY_HORIZON_DAYS - e.days_to_due) / weights.URGENCY_HORIZON_DAYS, 0.0, 1.0
    )
    due = max(floor, 1) + np.rint(weights.SCALE * weights.URGENCY_POINTS * closeness).astype(np.int64)
    near = link_points(np.full(len(e.link_importance), weights.NOTHING_DUE_NEAR_KM), e.link_importance)
    level = units(np.bincount(e.link_person, weights=near, minlength=e.n_people))
    return np.where(e.has_due, due, np.maximum(level - 1, 0))


def floor_of(cost: np.ndarray) -> int:
    """One more than the dearest arc: every penalty of someone with something due starts here."""
    return int(cost.max()) + 1 if len(cost) else 1


def scale_of(c: Candidates) -> PenaltyScale:
    """The scale a problem's penalties took, for a part of it to keep (`Problem.penalty_scale`).

    Any part's arcs are among the whole's, and BIG sums non-negative terms over young people, so
    the whole's floor and premium are at least the part's own: the module's proof holds with them.
    """
    return PenaltyScale(floor=floor_of(c.cost), premium=c.premium)


def urgent_premium(e: Encoded, person: np.ndarray, cost: np.ndarray, base: np.ndarray) -> int:
    """BIG: more than any rearrangement of the others can save (see the module's proof)."""
    if e.penalty_scale:
        return e.penalty_scale.premium
    cheapest = np.full(e.n_people, np.iinfo(np.int64).max, dtype=np.int64)
    dearest = np.full(e.n_people, np.iinfo(np.int64).min, dtype=np.int64)
    np.minimum.at(cheapest, person, cost)
    np.maximum.at(dearest, person, cost)
    has_arcs = cheapest != np.iinfo(np.int64).max
    gain = np.maximum(base[has_arcs] - cheapest[has_arcs], 0).astype(object).sum()
    loss = np.maximum(dearest[has_arcs] - base[has_arcs], 0).astype(object).sum()
    return 1 + int(gain) + int(loss)


def unmatched_penalties(e: Encoded, person: np.ndarray, cost: np.ndarray) -> tuple[np.ndarray, int]:
    """The published penalties, and the premium BIG they give the urgent."""
    base = base_penalties(e, cost)
    big = urgent_premium(e, person, cost, base)
    penalty_max = int(base.max(initial=0)) + big
    if penalty_max * (e.n_people + e.n_options + 2) >= COST_CEILING:
        raise CostRangeError(f"penalties up to {penalty_max} are too large for {e.n_people} young people")
    return base + big * e.urgent.astype(np.int64), big
