"""The matcher at county, region and national size, beside the raw solver and two baselines.

Every time is shown beside the same run's plain OR-Tools solve of the published arcs
(`raw_solve_s`: the graph added and solved, premium and all) as a ratio. "cold" is the first solve
in a fresh process (first-call start-up included), "warm" the best of the solves after it. The
shared machine is often busy, so each is also given in CPU seconds of this process
(`*_cpu_s`), which a neighbour's load disturbs far less than the wall clock.
"""

import resource
import time

import numpy as np

from bench import baselines
from matching import Problem, Solution, solve
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
    c = best.candidates
    raws = []
    for _ in range(1 if size_name == "national" else 2):
        started = time.process_time()
        raws.append((*baselines.raw_min_cost_flow(c), time.process_time() - started))
    raw_seconds, raw_objective, raw_cpu = min(raws)
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
        "peak_memory_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "objective": best.objective,
        "raw_objective": raw_objective,
        "objective_equals_raw_optimum": best.objective == raw_objective == cold.objective,
        "matched": len(best.proposals),
        "nothing_due": sum(p.due_date is None for p in problem.young_people),
        "urgent": int(c.urgent.sum()),
        "urgent_matched": best.urgent_matched,
        "greedy_objective": greedy_objective,
        "greedy_urgent_matched": greedy_urgent,
        "greedy_extra_cost_percent": round(
            100 * (greedy_objective - best.objective) / max(abs(best.objective), 1), 2
        ),
    }
    if size.name in CP_SAT_SIZES:
        started = time.perf_counter()
        result["cp_sat"] = baselines.cp_sat(c)
        result["cp_sat"]["seconds"] = round(time.perf_counter() - started, 3)
    return result
