"""What the exact matcher is compared with, on the very arcs it solved."""

import time

import numpy as np
from ortools.sat.python import cp_model

from matching import lexicographic, tiered
from matching.flow import solve_flow
from matching.solution import Candidates
from matching.vocabulary import DUE_TIERS


def raw_min_cost_flow(c: Candidates) -> tuple[float, int]:
    """The floor: OR-Tools alone on the published arcs (graph added and solved), seconds and objective."""
    started = time.perf_counter()
    flow = solve_flow(c)
    return time.perf_counter() - started, flow.objective


def plain_tiered(c: Candidates) -> tuple[float, tuple[int, ...]]:
    """The floor for a run (contract v1.2): OR-Tools alone on the same tiered problem, seconds and goals.

    One weighted min-cost flow cannot hold it: weights that put each goal above the whole range
    of the goals after it need far more than the solver's 64 bits (`weighted_bits`: about 90 at
    county size, before the counts). So the plain form is optimisation notes §7's other exact one,
    on every published arc as given: one max flow per counted tier, then one SimpleMinCostFlow per
    goal, each kept to the optimal face of the last — no pruning, no cheapest arcs first.
    """
    started = time.perf_counter()
    arcs = np.arange(c.size)
    net, layout = tiered.graph(c, arcs)
    counted = np.bincount(c.tiers, minlength=len(DUE_TIERS))[: tiered.COUNTED]
    capacity = net.capacity.copy()
    capacity[-tiered.COUNTED :] = counted - tiered.most_matched(c, arcs)
    net = lexicographic.Network(net.tail, net.head, capacity, net.supply)
    _, flow = lexicographic.solve_in_order(net, tiered.goals(c, layout, len(net.tail)))
    chosen = flow[: c.size] > 0
    return time.perf_counter() - started, tiered.goal_values(c, chosen)


def weighted_bits(c: Candidates) -> int:
    """The bits one weighted flow would need for the costs of move_now, overdue, soon and the rest
    alone: each level's weight exceeds the whole range of the levels after it."""
    tier, base = c.tiers, c.base_penalty
    low = np.full(len(base), np.iinfo(np.int64).max)
    high = np.full(len(base), np.iinfo(np.int64).min)
    np.minimum.at(low, c.person, c.cost)
    np.maximum.at(high, c.person, c.cost)
    has = np.zeros(len(base), bool)
    has[c.person] = True
    ranges = [int((np.maximum(high[has], base[has]) - np.minimum(low[has], base[has])).astype(object).sum())]
    for t in reversed(range(tiered.COSTED)):
        mine = has & (tier == t)
        ranges.append(int((np.maximum(high[mine], 0) - np.minimum(low[mine], 0)).astype(object).sum()))
    weight = 1
    for span in ranges[:-1]:
        weight *= span + 1
    return (weight * (ranges[-1] + 1)).bit_length()


def greedy_most_urgent_first(c: Candidates, due_days: np.ndarray) -> tuple[int, int]:
    """Most urgent first, each takes their cheapest option with room (if below their penalty)."""
    order = np.lexsort((due_days, ~c.urgent))
    by_person = np.lexsort((c.cost, c.person))
    starts = np.searchsorted(c.person[by_person], np.arange(len(c.penalty) + 1))
    room = c.capacity.copy()
    objective = urgent = 0
    for i in order:
        for arc in by_person[starts[i] : starts[i + 1]]:
            if room[c.option[arc]] > 0 and c.cost[arc] < c.penalty[i]:
                room[c.option[arc]] -= 1
                objective += int(c.cost[arc])
                urgent += int(c.urgent[i])
                break
        else:
            objective += int(c.penalty[i])
    return objective, urgent


def cp_sat(c: Candidates, seconds: float = 60.0) -> dict:
    """The same assignment as a CP-SAT model: the tool for side constraints flow cannot express."""
    started = time.perf_counter()
    model = cp_model.CpModel()
    take = [model.new_bool_var("") for _ in range(c.size)]
    by_person: dict[int, list] = {}
    by_option: dict[int, list] = {}
    for arc, var in enumerate(take):
        by_person.setdefault(int(c.person[arc]), []).append(var)
        by_option.setdefault(int(c.option[arc]), []).append(var)
    matched = []
    for i, arcs in by_person.items():
        model.add(sum(arcs) <= 1)
        matched.append((i, sum(arcs)))
    for k, arcs in by_option.items():
        model.add(sum(arcs) <= int(c.capacity[k]))
    total_penalty = int(c.penalty.sum())
    model.minimize(
        sum(int(cost) * var for cost, var in zip(c.cost, take, strict=True))
        - sum(int(c.penalty[i]) * expression for i, expression in matched)
        + total_penalty
    )
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = 2026
    status = solver.solve(model)
    return {
        "status": solver.status_name(status),
        "objective": int(solver.objective_value) if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None,
        "seconds": round(time.perf_counter() - started, 3),
    }
