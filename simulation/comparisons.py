"""Each policy against the others on the same seeds: paired, per seed, then the interval over seeds.

A ratio or a difference is taken seed by seed and then averaged (the mean of per-seed ratios, with
its 95 % interval), never as a ratio of means. Distances are compared on the **same** young people
(those agreed under both policies): a policy that agrees more young people changes who is in an
overall average, so the overall figure alone could flatter or punish it.
"""

import math
import statistics
from typing import Any

from simulation.measures import interval

BASELINES = ("hindsight", "most_due_first", "monthly_run", "home_register_only", "tiers_off", "year_known")


def compare(per_seed: list[dict[str, dict[str, Any]]], summary: dict[str, Any]) -> None:
    """Add to each policy's summary its paired comparisons with every baseline that was played."""
    policies = list(per_seed[0])
    for policy in policies:
        figures = summary[policy]
        for baseline in (b for b in BASELINES if b in policies and b != policy):
            pairs = [(seed[policy], seed[baseline]) for seed in per_seed]
            figures[f"headline_to_{baseline}"] = interval(
                [_ratio(p["headline_share"], b["headline_share"]) for p, b in pairs]
            )
            figures[f"headline_points_over_{baseline}"] = interval(
                [100 * (p["headline_share"] - b["headline_share"]) for p, b in pairs]
            )
            figures[f"link_km_to_{baseline}"] = interval(  # overall: different young people on each side
                [_ratio(p["mean_important_link_km"], b["mean_important_link_km"]) for p, b in pairs]
            )
            same = [_same_people_km(p["link_km_by_person"], b["link_km_by_person"]) for p, b in pairs]
            figures[f"same_people_km_vs_{baseline}"] = {
                "young_people": sum(n for n, _ours, _theirs in same),
                "km": interval([ours for _n, ours, _theirs in same]),
                "baseline_km": interval([theirs for _n, _ours, theirs in same]),
                "ratio": interval([_ratio(ours, theirs) for _n, ours, theirs in same]),
            }


def _same_people_km(ours: dict[str, float], theirs: dict[str, float]) -> tuple[int, float, float]:
    """How many young people both policies agreed (with an importance-3 link), and the mean km of
    each policy over exactly them."""
    both = sorted(ours.keys() & theirs.keys())
    if not both:
        return 0, math.nan, math.nan
    return len(both), statistics.fmean(ours[p] for p in both), statistics.fmean(theirs[p] for p in both)


def _ratio(a: float, b: float) -> float:
    return a / b if b and not math.isnan(b) else math.nan
