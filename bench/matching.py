"""The matcher at county, region and national size, with tiers, beside the plain solver and baselines.

Every time is shown beside the same run's plain OR-Tools solve of the same tiered problem
(`baselines.plain_tiered`, `raw_solve_s`: every published arc in one graph, one SimpleMinCostFlow
per goal; one weighted flow cannot hold the goals in 64 bits, `weighted_bits` says how many it
would need) as a ratio, and the run's goals are compared with that solve's. "cold" is the first solve
in a fresh process (first-call start-up included), "warm" the best of the solves after it. The
shared machine is often busy, so each is also given in CPU seconds of this process
(`*_cpu_s`), which a neighbour's load disturbs far less than the wall clock, with the load average
at the end. Peak memory is the run's: read before the plain solve builds its own graph.
"""

import os
import resource
import time

import numpy as np

from bench import baselines
from matching import Problem, Solution, solve, tier_graph
from matching.vocabulary import DUE_TIERS
from seeds.instances import SIZES
from seeds.instances import generate as generate_instance

CP_SAT_SIZES = {"county"}
WARM_RUNS = {"county": 5, "region": 3, "national": 1}  # national is heavy on the 2 shared cores
PARTS = ("build", "solve", "explain", "total")


def figures(timings_ms: dict[str, float], raw_seconds: float, prefix: str) -> dict:
    out = {}
    for part in PARTS:
        seconds = timings_ms[part] / 1000
        out[f"{prefix}{part}_s"] = round(seconds, 3)
        out[f"{prefix}{part}_over_raw"] = round(seconds / raw_seconds, 2)
    return out


def tiers(problem: Problem) -> dict[str, int]:
    return {tier: sum(p.due_tier == tier for p in problem.young_people) for tier in DUE_TIERS}


def chosen_arcs(problem: Problem, solution: Solution) -> np.ndarray:
    c = solution.candidates
    index = {
        (problem.young_people[i].id, problem.options[k].id): a
        for a, (i, k) in enumerate(zip(c.person, c.option, strict=True))
    }
    chosen = np.zeros(c.size, bool)
    chosen[[index[p.young_person, p.option] for p in solution.proposals]] = True
    return chosen


def timed(problem: Problem) -> tuple[Solution, float]:
    started = time.process_time()
    solution = solve(problem)
    return solution, time.process_time() - started


def run(size_name: str) -> dict:
    """One size, in a process of its own so that its peak memory is its own."""
    size = SIZES[size_name]
    problem = generate_instance(size)
    cold, cold_cpu = timed(problem)
    warm = [timed(problem) for _ in range(WARM_RUNS[size_name])]
    best, warm_cpu = min(warm, key=lambda run: run[0].timings_ms["total"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # the run's, before the plain solve's graph
    c = best.candidates
    raws = []
    for _ in range(1 if size_name == "national" else 2):
        started = time.process_time()
        raws.append((*baselines.plain_tiered(c), time.process_time() - started))
    raw_seconds, raw_goals, raw_cpu = min(raws)
    goals = tier_graph.goal_values(c, chosen_arcs(problem, best))
    due_days = np.array(
        [(p.due_date - problem.as_of).days if p.due_date else 10**9 for p in problem.young_people]
    )
    greedy_objective, greedy_urgent = baselines.greedy_most_urgent_first(c, due_days)
    result = {
        "size": size.name,
        "young_people": size.people,
        "places": size.places,
        "reach_km": size.reach_km,
        "arcs": int(c.size),
        "arcs_per_young_person": round(c.size / size.people, 1),
        "raw_solve_s": round(raw_seconds, 3),
        **figures(best.timings_ms, raw_seconds, ""),
        **figures(cold.timings_ms, raw_seconds, "cold_"),
        "raw_solve_cpu_s": round(raw_cpu, 3),
        "total_cpu_s": round(warm_cpu, 3),
        "total_cpu_over_raw_cpu": round(warm_cpu / raw_cpu, 2),
        "cold_total_cpu_s": round(cold_cpu, 3),
        "cold_total_cpu_over_raw_cpu": round(cold_cpu / raw_cpu, 2),
        "peak_memory_mib": round(peak / 1024),
        "solver": best.solver,
        "objective": best.objective,
        "goals": list(goals),
        "plain_goals": list(raw_goals),
        "goals_equal_plain": goals == raw_goals and best.objective == cold.objective,
        "weighted_bits": baselines.weighted_bits(c),
        "matched": len(best.proposals),
        "by_tier": {tier: f"{best.tier_matched[tier]} of {n}" for tier, n in tiers(problem).items()},
        "nothing_due": sum(p.due_date is None for p in problem.young_people),
        "urgent": int(c.urgent.sum()),
        "urgent_matched": best.urgent_matched,
        "greedy_objective": greedy_objective,
        "greedy_urgent_matched": greedy_urgent,
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "greedy_extra_cost_percent": round(
            100 * (greedy_objective - best.objective) / max(abs(best.objective), 1), 2
        ),
    }
    if size.name in CP_SAT_SIZES:
        started = time.perf_counter()
        result["cp_sat"] = baselines.cp_sat(c)
        result["cp_sat"]["seconds"] = round(time.perf_counter() - started, 3)
    return result
