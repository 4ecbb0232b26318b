"""The matcher at county, region and national size, beside the raw solver and two baselines."""

import resource
import time

import numpy as np

from bench import baselines
from bench.instances import SIZES
from bench.instances import generate as generate_instance
from matching import solve

CP_SAT_SIZES = {"county"}


def run(size_name: str) -> dict:
    """One size, in a process of its own so that its peak memory is its own."""
    size = SIZES[size_name]
    problem = generate_instance(size)
    solution = solve(problem)
    c = solution.candidates
    raw_seconds, raw_objective = min(baselines.raw_min_cost_flow(c) for _ in range(2))
    due_days = np.array(
        [(p.due_date - problem.as_of).days if p.due_date else 10**9 for p in problem.young_people]
    )
    greedy_objective, greedy_urgent = baselines.greedy_most_urgent_first(c, due_days)
    t = solution.timings_ms
    result = {
        "size": size.name,
        "young_people": size.people,
        "places": size.places,
        "reach_km": size.reach_km,
        "arcs": int(c.size),
        "arcs_per_young_person": round(c.size / size.people, 1),
        "build_s": round(t["build"] / 1000, 3),
        "solve_s": round(t["solve"] / 1000, 3),
        "explain_s": round(t["explain"] / 1000, 3),
        "total_s": round(t["total"] / 1000, 3),
        "raw_solve_s": round(raw_seconds, 3),
        "total_over_raw": round(t["total"] / 1000 / raw_seconds, 2),
        "peak_memory_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "objective": solution.objective,
        "objective_equals_raw_optimum": solution.objective == raw_objective,
        "matched": len(solution.proposals),
        "urgent": int(c.urgent.sum()),
        "urgent_matched": solution.urgent_matched,
        "greedy_objective": greedy_objective,
        "greedy_urgent_matched": greedy_urgent,
        "greedy_extra_cost_percent": round(
            100 * (greedy_objective - solution.objective) / max(abs(solution.objective), 1), 2
        ),
    }
    if size.name in CP_SAT_SIZES:
        started = time.perf_counter()
        result["cp_sat"] = baselines.cp_sat(c)
        result["cp_sat"]["seconds"] = round(time.perf_counter() - started, 3)
    return result
