"""The graph of a run by tier and its goals, shared by both paths of `tiered.py` and the bench.

The graph: each young person → the options their arcs allow (cap 1); for an option with places
held, the arcs of tiers later and none enter a node of their own whose arc into the option holds
its remaining less the held places; each option → sink (its remaining), or, for a register vacancy
of a district whose commitment limits the run, → that district's node → sink (the limit); each
young person → sink, "unmatched" (cap 1). Each goal is a cost on these arcs — a count is a cost of 1 on the
"unmatched" arcs of its tier — and `lexicographic.solve_in_order` minimises them in turn, exactly.
"""

from dataclasses import dataclass

import numpy as np

from matching import lexicographic
from matching.solution import HOLDABLE, NONE_TIER, Candidates

COUNTED = NONE_TIER  # move_now, overdue, soon, later: their numbers matched, in order
COSTED = 3  # move_now, overdue, soon: the cost of their proposals, in order
PLAN = COUNTED + COSTED  # then the fewest departures from the plan's month 0 (`Candidates.plan_costs`)
GOALS = PLAN + 2  # and last the rest: Σ arc costs + Σ penalties of the unmatched
SAFE = 2**60  # a solve's arc costs times its nodes stay below this (OR-Tools needs them inside int64)
FAST = 2**32  # a solve's arc costs stay below this, so that cost scaling takes few rounds (`stages`)


@dataclass(frozen=True)
class Part:
    """A graph over some of the arcs: which young people and options it holds, and its network."""

    arcs: np.ndarray  # the candidates' arcs, which are the network's first arcs
    people: np.ndarray  # the young people it holds (their candidates' indices), in node order
    options: np.ndarray  # the options it holds, in node order after the young people
    hold_node: np.ndarray  # per option of the part: its node for tiers later and none (-1: none)
    sink: int
    network: lexicographic.Network


def useful_arcs(c: Candidates) -> np.ndarray:
    """Every arc but those of tier none costing at least the young person's penalty."""
    tier = c.tiers
    return np.flatnonzero((tier[c.person] < NONE_TIER) | (c.cost < c.base_penalty[c.person]))


def build_part(c: Candidates, arcs: np.ndarray) -> Part:
    """The graph of the module's docstring over these arcs and the young people and options they join;
    a district whose council's commitment limits the run (`commitments.py`) has a node of its own
    between its register vacancies and the sink, whose arc to the sink carries the limit."""
    people, local_person = np.unique(c.person[arcs], return_inverse=True)
    options, local_option = np.unique(c.option[arcs], return_inverse=True)
    n_people, n_options = len(people), len(options)
    capacity = np.maximum(c.capacity[options], 0)
    held = c.held_places[options]
    held_options = np.flatnonzero(held > 0)
    hold_node = np.full(n_options, -1, np.int64)
    hold_node[held_options] = n_people + n_options + np.arange(len(held_options))
    group = c.cap_groups[options]
    groups, local_group = np.unique(group[group >= 0], return_inverse=True)
    first_group = n_people + n_options + len(held_options)
    sink = first_group + len(groups)
    option_head = np.full(n_options, sink, np.int64)
    option_head[group >= 0] = first_group + local_group
    kept_out = HOLDABLE[c.tiers[c.person[arcs]]] & (hold_node[local_option] >= 0)
    tails = np.concatenate((
        local_person, hold_node[held_options], first_group + np.arange(len(groups)),
        n_people + np.arange(n_options), np.arange(n_people),
    ))  # fmt: skip
    heads = np.concatenate((
        np.where(kept_out, hold_node[local_option], n_people + local_option), n_people + held_options,
        np.full(len(groups), sink), option_head, np.full(n_people, sink),
    ))  # fmt: skip
    limits = c.cap_limit[groups] if len(groups) else np.zeros(0, np.int64)
    capacities = np.concatenate((
        np.ones(len(arcs), np.int64), capacity[held_options] - held[held_options], limits, capacity,
        np.ones(n_people, np.int64),
    ))  # fmt: skip
    supply = np.zeros(sink + 1, np.int64)
    supply[:n_people] = 1
    supply[sink] = -n_people
    network = lexicographic.Network(tails.astype(np.int64), heads.astype(np.int64), capacities, supply)
    return Part(arcs, people, options, hold_node, sink, network)


def stages(c: Candidates, n_nodes: int) -> np.ndarray:
    """The goals combined into few solves, each with small costs: one row of weights per solve.

    The four counts share one solve at weights 4, 3, 2, 1 on the "unmatched" arcs of move_now,
    overdue, soon and later, and those weights are exact, however many young people each tier
    holds. The sets of young people a flow can place at once are the independent sets of a matroid
    (its rank, the max flow from a set of young people to the sink, is submodular: a gammoid), so
    Gale's theorem gives one independent set that places the most of the first k tiers for every k
    at once. Any set's weight is Σ_k (w_k − w_{k+1}) × (the placed of the first k tiers), with each
    w_k − w_{k+1} = 1 > 0 (w_5 = 0 for tier none): it is the largest exactly when every one of these
    counts is the most possible, i.e. exactly at the counts' lexicographic optimum.

    After it, consecutive goals share a solve, weighted, as long as each goal's weight exceeds the
    whole range of the goals after it in the solve (optimisation notes §1, §7), every weighted arc
    cost times `n_nodes` stays below `SAFE` (OR-Tools scales costs by about the number of nodes)
    and below `FAST`: cost scaling takes a round per factor of its costs' range, and at national
    move_now's and overdue's costs solved together at 41 bits took 3.4 s CPU against 2.5 s for the
    two solved apart at 16 bits (the plan's goal, ±1 an arc, still joins soon's costs where the two
    fit, as before). The weights depend only on the published problem, so every part of a run uses the
    same rows.
    """
    span, largest = _spans(c)
    out = [np.array([COUNTED - t for t in range(COUNTED)] + [0] * (GOALS - COUNTED), dtype=object)]
    rows: list[list[int]] = []
    for g in range(COUNTED, GOALS):
        if rows and _fits([*rows[-1], g], span, largest, n_nodes):
            rows[-1].append(g)
        else:
            rows.append([g])
    for members in rows:
        row = np.zeros(GOALS, dtype=object)
        row[members] = _weights(members, span)
        out.append(row)
    return np.stack(out)


def _weights(members: list[int], span: list[int]) -> list[int]:
    """Each goal's weight in its solve: one more than the whole range of the goals after it there."""
    weights = [1]
    for g in reversed(members[:-1]):
        later = members[members.index(g) + 1 :]
        weights.insert(0, 1 + sum(w * span[h] for w, h in zip(weights, later, strict=True)))
    return weights


def _fits(members: list[int], span: list[int], largest: list[int], n_nodes: int) -> bool:
    weights = _weights(members, span)
    top = sum(w * largest[g] for w, g in zip(weights, members, strict=True))
    return top * (n_nodes + 1) < SAFE and top < FAST


def _spans(c: Candidates) -> tuple[list[int], list[int]]:
    """Per goal: the range of its value over every assignment, and the largest cost it puts on an arc."""
    tier, base = c.tiers, c.base_penalty
    n = len(base)
    low = np.zeros(n, np.int64)
    high = np.zeros(n, np.int64)
    np.minimum.at(low, c.person, c.cost)  # with 0 in: a young person left unmatched adds nothing
    np.maximum.at(high, c.person, c.cost)
    span, largest = [0] * COUNTED, [0] * COUNTED  # the counts share no solve with other goals (`stages`)
    for t in range(COSTED):
        mine = tier == t
        span.append(int((high[mine] - low[mine]).astype(object).sum()))
        largest.append(int(np.abs(c.cost[tier[c.person] == t]).max(initial=0)))
    # Each young person's plan costs are -1 and 0, or 0 and +1 (being left unmatched: 0): a range of 1.
    span.append(len(np.unique(c.person[c.plan_costs != 0])))
    largest.append(1)
    rest_high, rest_low = np.maximum(high, base), np.minimum(low, base)
    span.append(int((rest_high - rest_low).astype(object).sum()))
    largest.append(max(int(np.abs(c.cost).max(initial=0)), int(np.abs(base).max(initial=0))))
    return span, largest


def goal_costs(c: Candidates, arcs: np.ndarray) -> np.ndarray:
    """Per goal (rows), each arc's cost as a placement: the costed tiers' in turn, its departure from
    the plan's month 0, then every arc's (a count costs nothing on a placement)."""
    return np.stack([goal_cost(c, arcs, g) for g in range(GOALS)])


def goal_cost(c: Candidates, arcs: np.ndarray, goal: int) -> np.ndarray:
    """One row of `goal_costs`."""
    if COUNTED <= goal < PLAN:
        return np.where(c.tiers[c.person[arcs]] == goal - COUNTED, c.cost[arcs], 0)
    if goal == PLAN and c.plan_cost is not None:
        return c.plan_cost[arcs]
    if goal == GOALS - 1:
        return c.cost[arcs]
    return np.zeros(len(arcs), np.int64)


def stage_cost(c: Candidates, arcs: np.ndarray, row: np.ndarray) -> np.ndarray:
    """Each arc's cost as a placement in one solve (a row of `stages`), built from its goals alone."""
    out = np.zeros(len(arcs), np.int64)
    for g in np.flatnonzero(row):
        out += np.int64(row[g]) * goal_cost(c, arcs, g)
    return out


def combined(weights: np.ndarray, per_goal: np.ndarray) -> np.ndarray:
    """Per solve (a row of `stages`), the weighted sum of the goals' costs: exact in int64 by `stages`."""
    out = np.zeros((len(weights), per_goal.shape[1]), np.int64)
    for r, row in enumerate(weights):
        for g in np.flatnonzero(row):
            out[r] += np.int64(row[g]) * per_goal[g]
    return out


def goals(c: Candidates, part: Part, weights: np.ndarray) -> list[np.ndarray]:
    """Per solve, the cost of each arc of the part's network: placements (`goal_costs`), and each
    young person's "unmatched" arc (1 for the count of their tier; their penalty in the last goal)."""
    n_arcs, n_people = len(part.network.tail), len(part.people)
    per_goal = np.zeros((GOALS, n_arcs), np.int64)
    per_goal[:, : len(part.arcs)] = goal_costs(c, part.arcs)
    tier = c.tiers[part.people]
    unmatched = per_goal[:, n_arcs - n_people :]
    for t in range(COUNTED):
        unmatched[t] = tier == t
    unmatched[-1] = c.base_penalty[part.people]
    return list(combined(weights, per_goal))


def goal_values(c: Candidates, chosen: np.ndarray) -> tuple[int, ...]:
    """An assignment's goals in the order a run ranks them, each to be made smallest: the young
    people left unmatched of move_now, overdue, soon and later; the cost of move_now's, overdue's
    and soon's proposals; its departures from the plan's month 0 (`Candidates.plan_costs`); the
    rest of the objective (Σ arc costs + Σ penalties without the premium)."""
    tier = c.tiers
    placed = np.zeros(len(c.penalty), bool)
    placed[c.person[chosen]] = True
    left = np.bincount(tier[~placed], minlength=NONE_TIER + 1)[:COUNTED]
    cost = np.bincount(tier[c.person[chosen]], weights=c.cost[chosen], minlength=NONE_TIER + 1)[:COSTED]
    rest = int(c.cost[chosen].sum()) + int(c.base_penalty[~placed].sum())
    plan = int(c.plan_costs[chosen].sum())
    return (*left.tolist(), *(int(x) for x in cost), plan, rest)
