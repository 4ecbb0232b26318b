"""Problems of up to `MAX_PEOPLE` young people, solved as a sparse assignment and proved optimal.

Why: at county size every young person reaches nearly every option (600 × 2,000, 233,399 arcs),
and scipy's shortest-augmenting-path assignment (LAPJVsp, `min_weight_full_bipartite_matching`)
settles the published problem in a few milliseconds, where a min-cost flow pays for cost scaling
over a dense graph. Its work grows with the square of the young people (national, 60,000: 7.8 s
against the flow's 2.8 s), so larger problems go to the flow (`engine.py`).

The model: one row per young person; one column per place (an option with k places left gives k
columns with the same arcs) and one column per young person, "unmatched", at their published
penalty (premium and all). Every row must be matched, and each has its own unmatched column, so a
full matching always exists, and full matchings are exactly the assignments, at the published
objective. Costs are shifted per row to be at least 1 (scipy drops explicit zeros), which adds the
same constant to every assignment. scipy computes in floating point, exact on integers far below
2^53 (`fits`); and the answer is not trusted but proved: `residual_distances` over all arcs, in
integers, raises unless it is optimal, and the engine then solves the flow instead.
"""

import warnings

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from matching.ragged import ragged_arange
from matching.shadow_prices import NotOptimal, residual_distances
from matching.solution import Candidates

MAX_PEOPLE = 20_000  # measured: region (10,000) 0.3 s against the flow's 0.35 s; national far slower
MAX_COLUMN_ARCS = 4  # per arc on average: options with many places left copy their arcs per place
EXACT = 2**52


def solve(c: Candidates) -> np.ndarray | None:
    """Per arc, whether an optimal assignment uses it; None where this model does not serve."""
    n_people = len(c.penalty)
    open_arcs = np.flatnonzero(c.capacity[c.option] > 0)
    places = c.capacity[c.option[open_arcs]]
    if n_people > MAX_PEOPLE or places.sum() > MAX_COLUMN_ARCS * max(c.size, 1) or not fits(c):
        return None
    column_start = np.concatenate(([0], np.cumsum(np.maximum(c.capacity, 0))))
    n_columns = int(column_start[-1])
    # Entries: each open arc once per place of its option, then each young person's "unmatched".
    copies = np.repeat(open_arcs, places)
    arc = np.concatenate((copies, np.full(n_people, -1)))
    rows = np.concatenate((c.person[copies], np.arange(n_people)))
    columns = np.concatenate(
        (column_start[c.option[copies]] + ragged_arange(places), n_columns + np.arange(n_people))
    )
    costs = np.concatenate((c.cost[copies], c.penalty))
    floor = np.full(n_people, np.iinfo(np.int64).max)
    np.minimum.at(floor, rows, costs)
    values = (costs - floor[rows] + 1).astype(np.float64)
    # Grouped by row (the arcs come grouped by young person, so this stable sort is near-linear);
    # each entry keeps its arc, and the solver takes a row's columns in any order.
    order = np.argsort(rows, kind="stable")
    rows, columns, arc, values = rows[order], columns[order], arc[order], values[order]
    indptr = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=n_people))))
    matrix = csr_matrix((values, columns, indptr), shape=(n_people, n_columns + n_people))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy's note on explicit zeros: there are none
        row, col = min_weight_full_bipartite_matching(matrix)
    column_of = np.full(n_people, -1)
    column_of[row] = col
    chosen = np.zeros(c.size, bool)
    chosen[arc[(columns == column_of[rows]) & (arc >= 0)]] = True
    try:
        residual_distances(c, chosen)
    except NotOptimal:
        return None
    return chosen


def fits(c: Candidates) -> bool:
    """Whether every sum the assignment forms stays an exact integer in floating point."""
    if c.size == 0:
        return True
    spread = max(int(c.cost.max()), int(c.penalty.max())) - min(int(c.cost.min()), int(c.penalty.min())) + 1
    return spread * (len(c.penalty) + int(c.capacity.clip(0).sum()) + 1) < EXACT
