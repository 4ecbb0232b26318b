"""An optimal assignment of a published problem exactly as given: arcs, costs, penalties, capacities.

Planning changes a published problem directly (a capacity here, a hypothetical option's arcs
there) and keeps its penalties, so it cannot go back through `solve(problem)`, which derives the
penalties from the arcs. This solves the `Candidates` themselves, with OR-Tools' min-cost flow on
the same graph the contract publishes: young person → option → sink, young person → sink at
their penalty.
"""

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from matching.solution import Candidates


@dataclass(frozen=True)
class Assignment:
    objective: int
    chosen: np.ndarray  # per arc of the candidates: whether it carries its young person


def optimal_assignment(c: Candidates) -> Assignment:
    """The optimum; the flow is always feasible (anyone may stay unmatched), so anything else is a bug."""
    n_people, n_options = len(c.penalty), len(c.capacity)
    if n_people == 0:
        return Assignment(0, np.zeros(c.size, dtype=bool))
    sink = n_people + n_options
    people = np.arange(n_people, dtype=np.int64)
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        np.concatenate((c.person, n_people + np.arange(n_options), people)).astype(np.int64),
        np.concatenate((n_people + c.option, np.full(n_options + n_people, sink))).astype(np.int64),
        np.concatenate((np.ones(c.size), c.capacity, np.ones(n_people))).astype(np.int64),
        np.concatenate((c.cost, np.zeros(n_options), c.penalty)).astype(np.int64),
    )
    solver.set_nodes_supplies(
        np.append(people, sink), np.append(np.ones(n_people), -n_people).astype(np.int64)
    )
    status = solver.solve()
    if status != min_cost_flow.SimpleMinCostFlow.OPTIMAL:
        raise RuntimeError(f"min-cost flow answered {status.name} on an always-feasible problem")
    chosen = solver.flows(np.arange(c.size, dtype=np.int64)) > 0
    return Assignment(int(solver.optimal_cost()), chosen)
