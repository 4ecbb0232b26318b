"""`solve(problem)`: the one call. Encode, build the arcs, solve by tier (`tiered.py`), explain."""

import time

import numpy as np

from matching import collector, explain
from matching.candidates import build
from matching.commitments import with_caps
from matching.encode import encode
from matching.problem import Problem
from matching.solution import Candidates, Solution
from matching.tiered import solve_tiered
from matching.vocabulary import DUE_TIERS


def published(problem: Problem) -> Candidates:
    """The problem as the solver sees it (arcs, costs, penalties, capacities), without solving it."""
    candidates, _ = build(encode(problem), problem.reach_km)
    return with_caps(candidates, problem)


def solve(problem: Problem) -> Solution:
    started = time.perf_counter()
    encoded = encode(problem)
    candidates, screened = build(encoded, problem.reach_km)
    candidates = with_caps(candidates, problem)
    built = time.perf_counter()
    flow = solve_tiered(candidates)
    solved = time.perf_counter()
    # Explanations are many small dictionaries and no cycles: the collector is paused meanwhile.
    with collector.paused():
        proposals = explain.proposals(problem, encoded, candidates, flow.chosen)
        unmatched = explain.unmatched(problem, encoded, candidates, screened, flow.chosen)
    explained = time.perf_counter()
    urgent_matched = int(candidates.urgent[candidates.person[flow.chosen]].sum())
    placed_tiers = candidates.tiers[candidates.person[flow.chosen]]
    tier_matched = dict(
        zip(DUE_TIERS, np.bincount(placed_tiers, minlength=len(DUE_TIERS)).tolist(), strict=True)
    )
    return Solution(
        status=flow.status,
        objective=flow.objective,
        proposals=proposals,
        unmatched=unmatched,
        candidates=candidates,
        urgent_matched=urgent_matched,
        tier_matched=tier_matched,
        solver=flow.solver,
        timings_ms={
            "build": 1000 * (built - started),
            "solve": 1000 * (solved - built),
            "explain": 1000 * (explained - solved),
            "total": 1000 * (explained - started),
        },
    )
