"""A run by tier, the engine alone, at region and national size: light enough to repeat on a busy machine.

`python -m bench county region national` also solves each size's tiered problem plainly (every
arc in one graph, once per goal), which at national size outlasts a loaded afternoon; this one
times the engine's own run end to end (`matching.solve`: build, solve, explain) and its solve
alone, beside a baseline timed in the same process on the very same arcs: v1.1's single
objective, solved exactly by the same engine (`engine.solve_exact`, no tiers), the floor the
tiers' solve is compared with. CPU seconds of this process are the figures to read (the machine
is shared: the load average is recorded beside them); peak memory is the process's own.
"""

import os
import resource
import time

from bench.matching import chosen_arcs
from matching import solve, tier_graph
from matching.engine import solve_exact
from matching.tiered import solve_tiered
from seeds.instances import SIZES
from seeds.instances import generate as generate_instance

SIZES_RUN = ("region", "national")
REPEATS = {"region": 3, "national": 1}


def run(size_name: str) -> dict:
    """One size, in a process of its own so that its peak memory is its own."""
    problem = generate_instance(SIZES[size_name])
    cpu, wall = time.process_time(), time.perf_counter()
    solution = solve(problem)
    total_cpu, total_wall = time.process_time() - cpu, time.perf_counter() - wall
    c = solution.candidates
    solve_cpu = []
    for _ in range(REPEATS[size_name]):
        cpu = time.process_time()
        flow = solve_tiered(c)
        solve_cpu.append(time.process_time() - cpu)
    cpu = time.process_time()
    single = solve_exact(c)
    single_cpu = time.process_time() - cpu
    return {
        "size": size_name,
        "arcs": int(c.size),
        "total_cpu_s": round(total_cpu, 3),
        "total_s": round(total_wall, 3),
        **{f"{part}_s": round(solution.timings_ms[part] / 1000, 3) for part in ("build", "solve", "explain")},
        "solve_cpu_s": round(min(solve_cpu), 3),
        "single_objective_cpu_s": round(single_cpu, 3),
        "solve_over_single_cpu": round(min(solve_cpu) / single_cpu, 2),
        "peak_memory_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "solver": flow.solver,
        "goals": list(tier_graph.goal_values(c, flow.chosen)),
        "same_goals_as_run": tier_graph.goal_values(c, chosen_arcs(problem, solution))
        == tier_graph.goal_values(c, flow.chosen),
        "single_objective_status": single.status,
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }
