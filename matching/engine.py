"""The published problem solved fast: the same optimum, found without the premium in the solver.

Four exact rewritings, each proved in its own module: the urgent premium replaced by U* and one
overflow node (`urgency.py`), arcs dearer than leaving the young person out dropped (`prune.py`),
options with identical arc lists merged (`merge.py`), and the graph solved component by component
(`components.py`). The objective reported is the published one,
Σ chosen arc costs + Σ published penalties of the unmatched; the tests compare it with a plain
solve of the published arcs (`flow.solve_flow`) on random instances.
"""

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from matching import components
from matching.flow import STATUS, Flow, SolverError
from matching.merge import merge, split
from matching.prune import useful_arcs
from matching.solution import Candidates
from matching.urgency import urgent_matched_by_max_flow


@dataclass(frozen=True)
class Graph:
    """The merged graph: arcs young person → option node, and what each component must leave out."""

    person: np.ndarray  # per arc
    node: np.ndarray  # per arc
    cost: np.ndarray  # per arc
    arc_component: np.ndarray  # per arc
    capacity: np.ndarray  # per option node
    person_component: np.ndarray  # per young person
    base: np.ndarray  # per young person: the penalty without the premium
    urgent: np.ndarray  # per young person
    left_over: np.ndarray  # per component: |U_c| − U*_c


def solve_exact(c: Candidates) -> Flow:
    n_people = len(c.penalty)
    chosen = np.zeros(c.size, bool)
    if n_people == 0:
        return Flow("optimal", 0, chosen)
    matched_by_max_flow = urgent_matched_by_max_flow(c)
    base = c.penalty - c.premium * c.urgent.astype(np.int64)
    useful = useful_arcs(c, base)
    m = merge(c.person[useful], c.option[useful], c.cost[useful], c.capacity)
    person, node, cost = c.person[useful][m.arcs], m.group, c.cost[useful][m.arcs]
    person_component, _ = components.label(n_people, len(m.capacity), person, node)
    arc_component = person_component[person]
    has_arcs = np.zeros(n_people, bool)
    has_arcs[person] = True
    # Per component: the urgent young people it must leave unmatched, |U_c| − U*_c.
    left_over = np.bincount(
        person_component[c.urgent & has_arcs], minlength=person_component.max() + 1
    ) - np.bincount(person_component[matched_by_max_flow], minlength=person_component.max() + 1)
    graph = Graph(
        person=person, node=node, cost=cost, arc_component=arc_component, capacity=m.capacity,
        person_component=person_component, base=base,
        urgent=c.urgent, left_over=left_over,
    )  # fmt: skip
    statuses, placed_person, placed_node = [], [], []
    for batch in components.batches(arc_component):
        status, who, where = _solve_batch(graph, batch)
        statuses.append(status)
        placed_person.append(who)
        placed_node.append(where)
    if "infeasible" in statuses:
        return Flow("infeasible", 0, chosen)
    who = np.concatenate(placed_person) if placed_person else np.zeros(0, np.int64)
    where = np.concatenate(placed_node) if placed_node else np.zeros(0, np.int64)
    option = split(m, where, c.capacity)
    keys = c.person * len(c.capacity) + c.option
    by_key = np.argsort(keys)
    chosen[by_key[np.searchsorted(keys[by_key], who * len(c.capacity) + option)]] = True
    matched = np.zeros(n_people, bool)
    matched[who] = True
    objective = int(c.cost[chosen].sum()) + int(c.penalty[~matched].sum())
    return Flow("optimal" if all(s == "optimal" for s in statuses) else "feasible", objective, chosen)


def _solve_batch(g: Graph, batch: np.ndarray) -> tuple[str, np.ndarray, np.ndarray]:
    """One min-cost flow over some components: base penalties, one overflow node per component."""
    in_batch = np.zeros(len(g.left_over), bool)
    in_batch[batch] = True
    arcs = np.flatnonzero(in_batch[g.arc_component])
    people = np.unique(g.person[arcs])
    nodes = np.unique(g.node[arcs])
    n_people, n_nodes, n_overflow = len(people), len(nodes), len(batch)
    overflow_of = np.zeros(len(g.left_over), np.int64)
    overflow_of[batch] = n_people + n_nodes + np.arange(n_overflow)
    sink = n_people + n_nodes + n_overflow
    local_person = np.searchsorted(people, g.person[arcs])
    local_node = n_people + np.searchsorted(nodes, g.node[arcs])
    urgent_people = g.urgent[people]
    # Unmatched: straight to the sink, or for the urgent through their component's overflow node.
    unmatched_head = np.where(urgent_people, overflow_of[g.person_component[people]], sink)
    tails = np.concatenate(
        (local_person, n_people + np.arange(n_nodes), np.arange(n_people), overflow_of[batch])
    )
    heads = np.concatenate((local_node, np.full(n_nodes, sink), unmatched_head, np.full(n_overflow, sink)))
    capacities = np.concatenate(
        (np.ones(len(arcs), np.int64), g.capacity[nodes], np.ones(n_people, np.int64), g.left_over[batch])
    )
    costs = np.concatenate(
        (g.cost[arcs], np.zeros(n_nodes, np.int64), g.base[people], np.zeros(n_overflow, np.int64))
    )
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    solver.set_nodes_supplies(
        np.append(np.arange(n_people), sink),
        np.append(np.ones(n_people, np.int64), -n_people).astype(np.int64),
    )
    status = solver.solve()
    if status not in STATUS:
        raise SolverError(f"min-cost flow answered {status.name}")
    if STATUS[status] == "infeasible":
        return "infeasible", np.zeros(0, np.int64), np.zeros(0, np.int64)
    used = solver.flows(np.arange(len(arcs), dtype=np.int64)) > 0
    return STATUS[status], people[local_person[used]], nodes[local_node[used] - n_people]
