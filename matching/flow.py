"""The published problem solved as written: young people → options → sink, and → sink unmatched.

`engine.py` finds the same optimum faster; this plain solve, premium and all, is what the tests
and `make bench` compare it with (`raw_solve_s`).

Each young person supplies one unit; it flows along one arc to an option (whose arc to the sink
carries its remaining capacity) or straight to the sink at their penalty. The graph is added
with OR-Tools' vectorised calls, so building it costs no Python loop.
"""

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from matching.solution import Candidates

STATUS = {
    min_cost_flow.SimpleMinCostFlow.OPTIMAL: "optimal",
    min_cost_flow.SimpleMinCostFlow.FEASIBLE: "feasible",
    min_cost_flow.SimpleMinCostFlow.INFEASIBLE: "infeasible",
    min_cost_flow.SimpleMinCostFlow.UNBALANCED: "infeasible",
}


MIN_COST_FLOW = "ortools.SimpleMinCostFlow"
SPARSE_ASSIGNMENT = "scipy.sparse.csgraph.min_weight_full_bipartite_matching"


class SolverError(RuntimeError):
    """The solver answered a status that means the model itself is wrong (cost range, bad result)."""


@dataclass(frozen=True)
class Flow:
    status: str
    objective: int
    chosen: np.ndarray  # per arc of the candidates: whether it carries the young person
    solver: str = MIN_COST_FLOW  # what found it, as a run reports it


def solve_flow(c: Candidates) -> Flow:
    n_people, n_options = len(c.penalty), len(c.capacity)
    sink = n_people + n_options
    solver = min_cost_flow.SimpleMinCostFlow()
    people = np.arange(n_people, dtype=np.int64)
    options = np.arange(n_options, dtype=np.int64)
    tails = np.concatenate((c.person, n_people + options, people))
    heads = np.concatenate((n_people + c.option, np.full(n_options + n_people, sink, dtype=np.int64)))
    capacities = np.concatenate((np.ones(c.size, np.int64), c.capacity, np.ones(n_people, np.int64)))
    costs = np.concatenate((c.cost, np.zeros(n_options, np.int64), c.penalty))
    solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    solver.set_nodes_supplies(
        np.append(people, sink), np.append(np.ones(n_people, np.int64), -n_people).astype(np.int64)
    )
    if n_people == 0:
        return Flow("optimal", 0, np.zeros(c.size, bool))
    status = solver.solve()
    if status not in STATUS:
        raise SolverError(f"min-cost flow answered {status.name}")
    if STATUS[status] == "infeasible":
        return Flow("infeasible", 0, np.zeros(c.size, bool))
    chosen = solver.flows(np.arange(c.size, dtype=np.int64)) > 0
    return Flow(STATUS[status], int(solver.optimal_cost()), chosen)
