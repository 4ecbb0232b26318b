"""Seeds played in parallel: on this machine's cores by default, on a Dask cluster when given one.

Each seed is independent (its own county, events and refusals), so seeds are the unit of work;
planning runs with many seeds or a larger scale are what outgrow one machine first.
"""

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from typing import Any

from simulation.comparisons import compare
from simulation.events import draw_year
from simulation.hindsight import play_hindsight
from simulation.measures import measure, summarise
from simulation.policies import POLICIES
from simulation.year import play

EVERY_POLICY = (*POLICIES, "hindsight")


@dataclass(frozen=True)
class Plan:
    seeds: tuple[int, ...]
    scale: float
    start: date
    months: int
    policies: tuple[str, ...]
    accept_rate: float


def play_seed(plan: Plan, seed: int) -> dict[str, dict[str, Any]]:
    """Every policy on one seed's year: the same county, events and refusals for each."""
    year = draw_year(seed, plan.scale, plan.start, plan.months)
    year.accept_rate = plan.accept_rate
    return {
        policy: measure(year, play_hindsight(year) if policy == "hindsight" else play(year, policy))
        for policy in plan.policies
    }


def run(
    plan: Plan, *, scheduler: str | None = None, workers: int | None = None,
    progress: Callable[[int], None] = lambda _done: None,
) -> dict[str, Any]:  # fmt: skip
    """Play every seed and summarise; `progress` is told each time a seed finishes."""
    started = time.perf_counter()
    per_seed = dict(_results(plan, scheduler, workers, progress))
    ordered = [per_seed[seed] for seed in plan.seeds]
    summary = summarise(ordered)
    compare(ordered, summary)
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "summary": summary,
        "per_seed": {seed: {p: _small(m) for p, m in per_seed[seed].items()} for seed in plan.seeds},
        "important_link_km": {
            p: [km for seed in ordered for km in seed[p]["important_link_km"]] for p in plan.policies
        },
    }


def _results(plan: Plan, scheduler: str | None, workers: int | None, progress) -> Iterator[tuple[int, dict]]:
    if scheduler:
        import distributed  # noqa: PLC0415 -- loaded only when a cluster is given

        with distributed.Client(scheduler) as client:
            futures = {client.submit(play_seed, plan, seed, pure=False): seed for seed in plan.seeds}
            for done, future in enumerate(distributed.as_completed(futures), 1):
                yield futures[future], future.result()
                progress(done)
        return
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
        futures = {pool.submit(play_seed, plan, seed): seed for seed in plan.seeds}
        for done, future in enumerate(as_completed(futures), 1):
            yield futures[future], future.result()
            progress(done)


def _small(figures: dict[str, Any]) -> dict[str, Any]:
    """A seed's figures without the raw distances (kept once, pooled, for the chart)."""
    return {k: v for k, v in figures.items() if k not in {"important_link_km", "link_km_by_person"}}
