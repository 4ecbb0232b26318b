"""U*: the most urgent young people any assignment can match, found by one max flow.

Why this replaces the urgent premium inside the solver (optimisation notes §1). The published
problem gives the urgent a premium BIG on top of their base penalty (`penalties.py`), so every
optimum of it matches exactly U* urgent young people: it cannot match more, and matching fewer is
always dearer. Among the assignments matching exactly U* urgent, the premium contributes the
constant BIG·(|U| − U*), so they are ranked by F' = Σ matched arc costs + Σ unmatched base
penalties alone. Hence the published optimum is found by minimising F' over the assignments that
match exactly U* urgent: a min-cost flow with base penalties only, in which the urgent young
people's "unmatched" arcs pass through one node whose arc to the sink holds |U| − U* units
(`engine.py`). Its feasible flows are exactly those assignments; its optimal set is the published
problem's; and the solver never sees BIG, whose range (3.4e9 at national size) cost scaling pays for.

U* itself is a max flow from a source through each urgent young person (capacity 1) and their
arcs to the options (their remaining places) and the sink. Per component of the graph the
urgent matched by this flow is that component's own maximum, since components share nothing.
"""

import numpy as np
from ortools.graph.python import max_flow

from matching.solution import Candidates


class MaxFlowError(RuntimeError):
    """The max flow did not answer optimal: the model itself is wrong."""


def urgent_matched_by_max_flow(c: Candidates, arcs: np.ndarray) -> np.ndarray:
    """Per young person: whether a maximum flow over the urgent young people's `arcs` matches them."""
    n_people, n_options = len(c.penalty), len(c.capacity)
    matched = np.zeros(n_people, bool)
    urgent_arcs = arcs[c.urgent[c.person[arcs]]]
    if len(urgent_arcs) == 0:
        return matched
    source, sink = n_people + n_options, n_people + n_options + 1
    urgent = np.flatnonzero(c.urgent)
    options = np.arange(n_options, dtype=np.int64)
    solver = max_flow.SimpleMaxFlow()
    solver.add_arcs_with_capacity(
        np.concatenate((np.full(len(urgent), source), c.person[urgent_arcs], n_people + options)),
        np.concatenate((urgent, n_people + c.option[urgent_arcs], np.full(n_options, sink))),
        np.concatenate((np.ones(len(urgent) + len(urgent_arcs), np.int64), c.capacity)),
    )
    status = solver.solve(source, sink)
    if status != solver.OPTIMAL:
        raise MaxFlowError(f"max flow answered {status}")
    flows = solver.flows(np.arange(len(urgent), dtype=np.int64))
    matched[urgent] = flows > 0
    return matched
