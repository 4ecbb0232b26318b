"""A run's answer (contract v1.2, "Who is served first"): the most due served first, exactly.

The goals, in order: the most young people of `move_now` matched that any assignment allows;
keeping that, the most of `overdue`, then of `soon`, then of `later`; keeping the four counts,
the least cost of `move_now`'s proposals, then of `overdue`'s, then of `soon`'s; then the rest of
the objective, Σ arc costs + Σ penalties of the unmatched (without v1.1's urgent premium, which
the counts replace). Places held back (`Problem.held_back`) are closed to tiers later and none.

The graph: each young person → the options their arcs allow (cap 1); for an option with places
held, the arcs of tiers later and none enter a node of their own whose arc into the option holds
its remaining less the held places; each option → sink (its remaining); each young person of a
counted tier → that tier's overflow node, and from there to the sink, so that at most n_t − N_t of
tier t go unmatched; tier none straight to the sink.

Counts (optimisation notes §1, §7): the sets of young people that can be placed together form a
matroid (a gammoid of this graph), so the lexicographic maximum is greedy by tier: N_0 + … + N_t
is one max flow from the young people of tiers up to t (`most_matched`). With the overflow
capacities every feasible flow matches at least N_t of each tier, and no flow matches more of
tier t while the tiers before keep theirs, so the feasible flows are exactly the assignments with
the lexicographically largest counts. The costs then come in order from `lexicographic.py`.

Arcs no optimum needs are dropped first: an arc of a young person of tier none costing at least
their penalty (`prune.py`'s argument: leaving them out instead changes no count and costs no more).
"""

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import max_flow

from matching import lexicographic
from matching.flow import MIN_COST_FLOW, Flow
from matching.solution import HOLDABLE, NONE_TIER, Candidates

COUNTED = NONE_TIER  # move_now, overdue, soon, later: their numbers matched, in order
COSTED = 3  # move_now, overdue, soon: the cost of their proposals, in order
SOLVER = f"{MIN_COST_FLOW}, by tier"


class MaxFlowError(RuntimeError):
    """The max flow did not answer optimal: the model itself is wrong."""


@dataclass(frozen=True)
class Layout:
    """Where the parts of the graph sit: nodes and arcs, in the order `graph` lays them."""

    arcs: np.ndarray  # the candidates' arcs in the graph, which are its first arcs
    n_people: int
    held_options: np.ndarray  # options with a hold node, in node order
    overflow: int  # the first overflow node (one per counted tier)
    sink: int


def solve_tiered(c: Candidates) -> Flow:
    """The lexicographic optimum over every published arc: per arc, whether it carries its young person."""
    n_people = len(c.penalty)
    if n_people == 0:
        return Flow("optimal", 0, np.zeros(c.size, bool), SOLVER)
    tier, base = c.tiers, c.base_penalty
    arcs = np.flatnonzero((tier[c.person] < NONE_TIER) | (c.cost < base[c.person]))
    net, layout = graph(c, arcs)
    matched = most_matched(c, arcs)
    counted = np.bincount(tier, minlength=NONE_TIER + 1)[:COUNTED]
    capacity = net.capacity.copy()
    capacity[-COUNTED:] = counted - matched
    net = lexicographic.Network(net.tail, net.head, capacity, net.supply)
    status, flow = lexicographic.solve_in_order(net, goals(c, layout, len(net.tail)))
    chosen = np.zeros(c.size, bool)
    if status == "infeasible":
        return Flow(status, 0, chosen, SOLVER)
    chosen[arcs[flow[: len(arcs)] > 0]] = True
    placed = np.zeros(n_people, bool)
    placed[c.person[chosen]] = True
    objective = int(c.cost[chosen].sum()) + int(c.penalty[~placed].sum())
    return Flow(status, objective, chosen, SOLVER)


def graph(c: Candidates, arcs: np.ndarray) -> tuple[lexicographic.Network, Layout]:
    """The graph of the module's docstring; the overflow arcs (last) still need their capacities."""
    n_people, n_options = len(c.penalty), len(c.capacity)
    tier, held = c.tiers, c.held_places
    capacity = np.maximum(c.capacity, 0)
    held_options = np.flatnonzero(held > 0)
    hold_node = np.full(n_options, -1, np.int64)
    hold_node[held_options] = n_people + n_options + np.arange(len(held_options))
    overflow = n_people + n_options + len(held_options)
    sink = overflow + COUNTED
    person, option = c.person[arcs], c.option[arcs]
    kept_out = HOLDABLE[tier[person]] & (hold_node[option] >= 0)
    people = np.arange(n_people, dtype=np.int64)
    counted = tier < COUNTED
    unmatched_head = np.where(counted, overflow + np.minimum(tier, COUNTED - 1), sink)
    tails = np.concatenate((
        person, hold_node[held_options], n_people + np.arange(n_options), people,
        overflow + np.arange(COUNTED),
    ))  # fmt: skip
    heads = np.concatenate((
        np.where(kept_out, hold_node[option], n_people + option), n_people + held_options,
        np.full(n_options, sink), unmatched_head, np.full(COUNTED, sink),
    ))  # fmt: skip
    capacities = np.concatenate((
        np.ones(len(arcs), np.int64), capacity[held_options] - held[held_options], capacity,
        np.ones(n_people, np.int64), np.zeros(COUNTED, np.int64),
    ))  # fmt: skip
    supply = np.zeros(sink + 1, np.int64)
    supply[:n_people] = 1
    supply[sink] = -n_people
    net = lexicographic.Network(tails.astype(np.int64), heads.astype(np.int64), capacities, supply)
    return net, Layout(arcs, n_people, held_options, overflow, sink)


def goals(c: Candidates, layout: Layout, n_arcs: int) -> list[np.ndarray]:
    """Per goal after the counts, the cost of each arc of the graph: the costed tiers' arcs in turn,
    then every arc at its cost and every young person's "unmatched" arc at their penalty."""
    person = c.person[layout.arcs]
    arc_tier = c.tiers[person]
    out = []
    for t in range(COSTED):
        cost = np.zeros(n_arcs, np.int64)
        cost[: len(layout.arcs)] = np.where(arc_tier == t, c.cost[layout.arcs], 0)
        out.append(cost)
    rest = np.zeros(n_arcs, np.int64)
    rest[: len(layout.arcs)] = c.cost[layout.arcs]
    unmatched = n_arcs - COUNTED - layout.n_people
    rest[unmatched : unmatched + layout.n_people] = c.base_penalty
    out.append(rest)
    return out


def most_matched(c: Candidates, arcs: np.ndarray) -> np.ndarray:
    """N_t per counted tier: how many of tier t are matched when every tier before keeps its most.

    One max flow per prefix of tiers over `graph`'s arcs to the options (holds included), from a
    source feeding the young people of those tiers; N_t is the rise of the flow from one to the next.
    """
    net, layout = graph(c, arcs)
    tier = c.tiers
    inner = slice(0, len(net.tail) - layout.n_people - COUNTED)  # placements only: no "unmatched" arcs
    source = layout.sink + 1
    people = np.flatnonzero(tier < COUNTED)
    solver = max_flow.SimpleMaxFlow()
    solver.add_arcs_with_capacity(net.tail[inner], net.head[inner], net.capacity[inner])
    source_arcs = np.asarray(
        solver.add_arcs_with_capacity(
            np.full(len(people), source, np.int64), people.astype(np.int64), np.zeros(len(people), np.int64)
        )
    )
    totals = np.zeros(COUNTED, np.int64)
    total = 0
    for t in range(COUNTED):
        mine = tier[people] == t
        if mine.any():
            solver.set_arcs_capacity(source_arcs[mine].astype(np.int64), np.ones(int(mine.sum()), np.int64))
            status = solver.solve(source, layout.sink)
            if status != solver.OPTIMAL:
                raise MaxFlowError(f"max flow answered {status}")
            total = int(solver.optimal_flow())
        totals[t] = total
    return np.diff(totals, prepend=0)


def goal_values(c: Candidates, chosen: np.ndarray) -> tuple[int, ...]:
    """An assignment's goals in the order a run ranks them, each to be made smallest: the young
    people left unmatched of move_now, overdue, soon and later; the cost of move_now's, overdue's
    and soon's proposals; the rest of the objective (Σ arc costs + Σ penalties without the premium)."""
    tier = c.tiers
    placed = np.zeros(len(c.penalty), bool)
    placed[c.person[chosen]] = True
    left = np.bincount(tier[~placed], minlength=NONE_TIER + 1)[:COUNTED]
    cost = np.bincount(tier[c.person[chosen]], weights=c.cost[chosen], minlength=NONE_TIER + 1)[:COSTED]
    rest = int(c.cost[chosen].sum()) + int(c.base_penalty[~placed].sum())
    return (*left.tolist(), *(int(x) for x in cost), rest)
