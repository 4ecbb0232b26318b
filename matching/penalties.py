"""What leaving each young person unmatched costs, so that the urgent are served first.

Every penalty exceeds every arc cost, so matching someone always beats leaving them out, and it
grows as the 17½ deadline nears. The urgent (deadline within `urgent_days`, or passed) carry on
top a premium BIG = 1 + Σ_i (base_i − cheapest arc of i), summed over young people with arcs.

Why BIG suffices: write the objective as F = Σ penalties − BIG·U − S, with U the urgent matched
and S = Σ_{i matched} (base_i − cost of i's arc). Each term of S is positive (base > any cost)
and S never exceeds BIG − 1, so an assignment with more urgent matched is always cheaper:
the optimum of the published problem matches as many urgent young people as any assignment can,
with no second solve and no change to the arcs.
"""

import numpy as np

from matching import weights
from matching.encode import Encoded

# OR-Tools' cost scaling multiplies costs by about the number of nodes; stay far inside int64.
COST_CEILING = 2**62


class CostRangeError(ValueError):
    """The penalties would not fit the solver's integer range."""


def unmatched_penalties(e: Encoded, person: np.ndarray, cost: np.ndarray) -> np.ndarray:
    floor = int(cost.max()) + 1 if len(cost) else 1
    closeness = np.clip(
        (weights.URGENCY_HORIZON_DAYS - e.days_to_deadline) / weights.URGENCY_HORIZON_DAYS, 0.0, 1.0
    )
    base = max(floor, 1) + np.rint(weights.SCALE * weights.URGENCY_POINTS * closeness).astype(np.int64)
    cheapest = np.full(e.n_people, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(cheapest, person, cost)
    has_arcs = cheapest != np.iinfo(np.int64).max
    big = 1 + int((base[has_arcs] - cheapest[has_arcs]).astype(object).sum())
    penalty_max = int(base.max(initial=0)) + big
    if penalty_max * (e.n_people + e.n_options + 2) >= COST_CEILING:
        raise CostRangeError(f"penalties up to {penalty_max} are too large for {e.n_people} young people")
    return base + big * e.urgent.astype(np.int64)
