"""The published problem solved fast, to the same optimum: every answer exact by construction or proved.

Problems of up to a region's size are solved as a sparse assignment and proved optimal
(`sparse_assignment.py`). Larger ones, or any the proof refuses, go to a min-cost flow through
five exact rewritings, each proved in its own module: each young person's cheapest arcs solved
first and the answer proved optimal over all arcs, adding the arcs that fail the proof
(`cheapest_first.py`); the urgent premium replaced by U* and one overflow node (`urgency.py`);
arcs dearer than leaving the young person out dropped (`prune.py`); options with identical arc
lists merged (`merge.py`); and the graph solved component by component (`components.py`). The
objective reported is the published one, Σ chosen arc costs + Σ published penalties of the
unmatched; the tests compare it with a plain solve of the published arcs (`flow.solve_flow`) on
random instances.
"""

from dataclasses import dataclass, replace

import numpy as np
from ortools.graph.python import min_cost_flow

from matching import components, sparse_assignment
from matching.cheapest_first import first_arcs, improving_arcs
from matching.flow import SPARSE_ASSIGNMENT, STATUS, Flow, SolverError
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
    """A proved sparse assignment where it serves; else cheapest arcs first, adding the arcs that fail
    the proof and solving their parts again until none does."""
    chosen = np.zeros(c.size, bool)
    if len(c.penalty) == 0:
        return Flow("optimal", 0, chosen)
    assigned = sparse_assignment.solve(c)
    if assigned is not None:
        return replace(_flow(c, "optimal", assigned), solver=SPARSE_ASSIGNMENT)
    kept = first_arcs(c)
    todo = np.flatnonzero(kept)
    while True:
        status, chosen[todo] = _solve_arcs(c, todo)
        if status == "infeasible":
            return Flow(status, 0, np.zeros(c.size, bool))
        if status == "feasible":  # the solver stopped short of an optimum: there is nothing to prove
            return _flow(c, status, chosen)
        added = improving_arcs(c, kept, chosen)
        if len(added) == 0:
            return _flow(c, "optimal", chosen)
        kept[added] = True
        todo = _parts_touched(c, kept, c.person[added])


def _flow(c: Candidates, status: str, chosen: np.ndarray) -> Flow:
    matched = np.zeros(len(c.penalty), bool)
    matched[c.person[chosen]] = True
    return Flow(status, int(c.cost[chosen].sum()) + int(c.penalty[~matched].sum()), chosen)


def _parts_touched(c: Candidates, kept: np.ndarray, people: np.ndarray) -> np.ndarray:
    """The kept arcs of every component (of the kept arcs) holding one of these young people.

    Only these need solving again: the other components are unchanged, and the optimum of a
    union of components is the union of their optima.
    """
    arcs = np.flatnonzero(kept)
    person_component, _ = components.label(len(c.penalty), len(c.capacity), c.person[arcs], c.option[arcs])
    touched = np.zeros(person_component.max() + 1, bool)
    touched[person_component[people]] = True
    return arcs[touched[person_component[c.person[arcs]]]]


def _solve_arcs(c: Candidates, arcs: np.ndarray) -> tuple[str, np.ndarray]:
    """An optimum over these arcs (whole components of the kept arcs): per arc, whether it is used."""
    n_people = len(c.penalty)
    matched_by_max_flow = urgent_matched_by_max_flow(c, arcs)
    base = c.penalty - c.premium * c.urgent.astype(np.int64)
    useful = useful_arcs(c, base, arcs)
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
        return "infeasible", np.zeros(len(arcs), bool)
    who = np.concatenate(placed_person) if placed_person else np.zeros(0, np.int64)
    where = np.concatenate(placed_node) if placed_node else np.zeros(0, np.int64)
    option = split(m, where, c.capacity)
    keys = c.person[arcs] * len(c.capacity) + c.option[arcs]
    by_key = np.argsort(keys)
    chosen = np.zeros(len(arcs), bool)
    chosen[by_key[np.searchsorted(keys[by_key], who * len(c.capacity) + option)]] = True
    return ("optimal" if all(s == "optimal" for s in statuses) else "feasible"), chosen


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
