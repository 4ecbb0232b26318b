"""A min-cost flow under several costs in order of priority, exactly, with no big number anywhere.

Why a sequence of solves (optimisation notes §7): one flow whose costs weigh each goal above the
whole range of the goals after it would need some 130 bits at national size, far beyond the
solver's 64. Instead each goal is solved in turn over the flows that are optimal for the goals
before it, and that set is described exactly by complementary slackness.

Take an optimal flow for the current costs and node potentials π that leave no residual arc with
a negative reduced cost rc(a) = cost(a) + π(tail) − π(head) (`potentials`: cheapest residual
paths, which exist because an optimal flow's residual graph has no negative cycle). By linear
programming duality every optimal flow — not only this one — satisfies complementary slackness
with these same π: an arc with rc > 0 carries nothing, an arc with rc < 0 is full, an arc with
rc = 0 is free within its capacity. Conversely every feasible flow meeting those conditions is
optimal. So the next goal is solved on the network where arcs with rc > 0 are removed and arcs
with rc < 0 are fixed full (removed, their flow moved into the nodes' supplies): its feasible
flows are exactly the optimal flows of the goals so far. Integer capacities and supplies keep
every solve integral, and everything is integer arithmetic.
"""

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from matching.flow import STATUS, SolverError
from matching.shadow_prices import NotOptimal


@dataclass(frozen=True)
class Network:
    tail: np.ndarray  # per arc
    head: np.ndarray  # per arc
    capacity: np.ndarray  # per arc
    supply: np.ndarray  # per node: what it puts in (negative: what it takes out)


@dataclass(frozen=True)
class Solved:
    status: str
    flow: np.ndarray  # per arc
    potentials: np.ndarray  # per goal, per node (zeros for a goal skipped); rows only if asked for


def solve_in_order(
    net: Network, costs: list[np.ndarray], anchor: int | None = None, settled: np.ndarray | None = None
) -> Solved:
    """A flow (per arc) minimising `costs[0]`, then `costs[1]` among those optima, and so on.

    A goal whose costs are zero on every arc still free cannot tell flows apart and is skipped
    (its potentials are all 0). With an `anchor` node, each goal's potentials are returned too,
    shifted so that the anchor's is 0: networks that share only that node then have potentials
    that hold together (`tiered_parts.py` proves a flow over arcs left out with them).

    With `settled` (per goal, per node: optimal potentials of the first goals, known to be so),
    those goals are not solved again: any optimal potentials describe every optimal flow (above),
    so each narrows the network as if it had just been solved.
    """
    n_nodes = len(net.supply)
    flow = np.zeros(len(net.tail), np.int64)  # the arcs fixed full so far
    free = np.arange(len(net.tail))
    supply = net.supply.astype(np.int64).copy()
    found_potentials = np.zeros((len(costs) if anchor is not None else 0, n_nodes), np.int64)
    last = len(costs) - 1
    done = 0 if settled is None else len(settled)
    for level, cost in enumerate(costs):
        if level < done:
            if anchor is not None:
                found_potentials[level] = settled[level]
            free = _narrowed(net, cost, settled[level], free, flow=flow, supply=supply)
            continue
        if level < last and not cost[free].any():
            continue
        tail, head, capacity = net.tail[free], net.head[free], net.capacity[free]
        status, found = min_cost(tail, head, capacity, cost[free], supply)
        if status != "optimal" or (level == last and anchor is None):
            flow[free] += found
            return Solved(status, flow, found_potentials)
        potential = potentials(n_nodes, tail, head, capacity=capacity, cost=cost[free], flow=found)
        if anchor is not None:
            found_potentials[level] = potential - potential[anchor]
        if level == last:
            flow[free] += found
            return Solved(status, flow, found_potentials)
        free = _narrowed(net, cost, potential, free, flow=flow, supply=supply)
    raise AssertionError("the last goal is always solved")  # pragma: no cover


def _narrowed(
    net: Network,
    cost: np.ndarray,
    potential: np.ndarray,
    free: np.ndarray,
    *,
    flow: np.ndarray,
    supply: np.ndarray,
) -> np.ndarray:
    """The arcs left free by a goal's complementary slackness: those of negative reduced cost are
    fixed full (into `flow` and `supply`), those of positive removed."""
    tail, head, capacity = net.tail[free], net.head[free], net.capacity[free]
    reduced = cost[free] + potential[tail] - potential[head]
    full = reduced < 0
    np.subtract.at(supply, tail[full], capacity[full])
    np.add.at(supply, head[full], capacity[full])
    flow[free[full]] = capacity[full]
    return free[reduced == 0]


def min_cost(
    tail: np.ndarray, head: np.ndarray, capacity: np.ndarray, cost: np.ndarray, supply: np.ndarray
) -> tuple[str, np.ndarray]:
    """One OR-Tools min-cost flow: its status and the flow on each arc."""
    if len(tail) == 0:
        return ("optimal" if not supply.any() else "infeasible"), np.zeros(0, np.int64)
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        tail.astype(np.int64), head.astype(np.int64), capacity.astype(np.int64), cost.astype(np.int64)
    )
    nodes = np.arange(len(supply), dtype=np.int64)
    solver.set_nodes_supplies(nodes, supply.astype(np.int64))
    status = solver.solve()
    if status not in STATUS:
        raise SolverError(f"min-cost flow answered {status.name}")
    if STATUS[status] == "infeasible":
        return "infeasible", np.zeros(len(tail), np.int64)
    return STATUS[status], solver.flows(np.arange(len(tail), dtype=np.int64)).astype(np.int64)


def potentials(
    n_nodes: int,
    tail: np.ndarray,
    head: np.ndarray,
    *,
    capacity: np.ndarray,
    cost: np.ndarray,
    flow: np.ndarray,
) -> np.ndarray:
    """Node potentials under which no residual arc of `flow` has a negative reduced cost.

    The cheapest residual path to each node from a root joined to every node at cost 0 (so every
    node starts at 0): a Bellman-Ford, each round one vectorised pass over the arcs leaving the
    nodes whose distance fell in the round before. More rounds than nodes mean a negative cycle,
    i.e. a flow that was not optimal; that raises `NotOptimal`.
    """
    forward, backward = flow < capacity, flow > 0
    r_tail = np.concatenate((tail[forward], head[backward]))
    r_head = np.concatenate((head[forward], tail[backward]))
    r_cost = np.concatenate((cost[forward], -cost[backward])).astype(np.int64)
    order = np.argsort(r_tail, kind="stable")
    r_tail, r_head, r_cost = r_tail[order], r_head[order], r_cost[order]
    starts = np.searchsorted(r_tail, np.arange(n_nodes + 1))
    distance = np.zeros(n_nodes, np.int64)
    fell = np.arange(n_nodes)
    for _ in range(n_nodes + 1):
        counts = starts[fell + 1] - starts[fell]
        if counts.sum() == 0:
            return distance
        arcs = np.repeat(starts[fell] - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        offered = distance.copy()
        np.minimum.at(offered, r_head[arcs], distance[r_tail[arcs]] + r_cost[arcs])
        fell = np.flatnonzero(offered < distance)
        distance = offered
    raise NotOptimal("the flow given is not optimal: its residual graph has a negative cycle")
