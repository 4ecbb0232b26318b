"""What a year achieved for young people, per policy and seed, and its 95 % interval over seeds."""

import math
import statistics
from collections import Counter, defaultdict
from typing import Any

import numpy as np
from scipy import stats

import matching
from housing.due import URGENT_DAYS, due_on
from matching.geo import haversine_km
from matching.vocabulary import REGISTER_VACANCY
from simulation.events import Year
from simulation.hindsight import targets
from simulation.month import capacities
from simulation.year import Played

IMPORTANT = 3  # importance-3 links: the ones a young person most needs to keep


def measure(year: Year, played: Played) -> dict[str, Any]:
    """One policy's year, as the figures the headline and its breakdowns are made of."""
    county, due_by = year.county, targets(year)
    first = {}
    for agreement in played.agreements:
        first.setdefault(agreement.young_person, agreement)
    hits = [p for p, deadline in due_by.items() if p in first and first[p].on <= deadline]
    distances, by_person = [], {}
    for agreement in played.agreements:
        kms = _important_link_km(year, agreement)
        distances += kms
        if kms and agreement is first[agreement.young_person]:
            by_person[agreement.young_person] = statistics.fmean(kms)
    home = [
        county.options[a.option].district == county.people[a.young_person].home_district
        for a in played.agreements
    ]
    crossed = [a for a in played.agreements if _crosses_boundary(year, a)]
    # Of those, a tenancy on another council's register: what the Joint Housing Protocol adds.
    registers = [a for a in crossed if county.options[a.option].route == REGISTER_VACANCY]
    return {
        "turning_17_and_a_half": len(due_by),
        "agreed_by_17_and_a_half": len(hits),
        "headline_share": len(hits) / len(due_by) if due_by else math.nan,
        "median_days_to_spare": statistics.median((due_by[p] - first[p].on).days for p in hits)
        if hits
        else math.nan,
        "mean_important_link_km": statistics.fmean(distances) if distances else math.nan,
        "p90_important_link_km": float(np.percentile(distances, 90)) if distances else math.nan,
        "important_link_km": distances,
        "link_km_by_person": by_person,  # first agreement's mean km, for comparing the same people
        "crossed_boundary": len(crossed),
        "crossed_boundary_in_time": len({a.young_person for a in crossed} & set(hits)),
        "other_register": len(registers),
        "other_register_in_time": len({a.young_person for a in registers} & set(hits)),
        "runs": played.runs,
        "turned_down": played.turned_down,
        "passed_over_per_run": statistics.fmean(played.passed_over) if played.passed_over else math.nan,
        "runs_passing_over": sum(n > 0 for n in played.passed_over),
        "pass_overs_not_allowed": played.not_allowed,
        "home_district_share": statistics.fmean(home) if home else math.nan,
        "moves_per_young_person": len(played.agreements) / len(first) if first else math.nan,
        "agreed_by_month": [sum(a.month == m for a in played.agreements) for m in range(year.months)],
        "by_route": dict(Counter(county.options[a.option].route for a in played.agreements)),
        "headline_by_group": _by_group(year, due_by, set(hits)),
        "waiting_at_end_by_reason": waiting_by_reason(year, played),
    }


def _important_link_km(year: Year, agreement) -> list[float]:
    county = year.county
    place = county.places[county.options[agreement.option].place]
    return [
        float(haversine_km(at.lat, at.lon, place.lat, place.lon))
        for link in county.people[agreement.young_person].local_links
        if link.importance == IMPORTANT and (at := county.places[link.place])
    ]


def _crosses_boundary(year: Year, agreement) -> bool:
    """A placement in another council's district (West Sussex's seven), not the home one."""
    district = year.county.options[agreement.option].district
    return district is not None and district != year.county.people[agreement.young_person].home_district


GROUPS = {
    "uasc": lambda p: p.uasc,
    "parents": lambda p: p.children > 0,
    "disabled": lambda p: p.wheelchair or p.step_free,
}


def _by_group(year: Year, due_by: dict, hits: set[str]) -> dict[str, list[int]]:
    """[agreed by 17½, turning 17½] per home district, per tier on the year's first day (17½ within
    90 days of it, or later in the year), and per group of young people."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for person_id, deadline in due_by.items():
        person = year.county.people[person_id]
        soon = (deadline - year.start).days <= URGENT_DAYS  # the tier "soon" on the first day
        keys = [f"district:{person.home_district}", f"due:{'soon' if soon else 'later'}"]
        keys += [g for g, test in GROUPS.items() if test(person)]
        for key in keys:
            counts[key][0] += person_id in hits
            counts[key][1] += 1
    return dict(counts)


def waiting_by_reason(year: Year, played: Played) -> dict[str, int]:
    """Those still due at the year's end, by the matcher's own reason for leaving them unmatched."""
    last = year.month(year.months - 1)
    due = [
        p
        for p in played.waiting_at_end
        if due_on(last, (r := year.county.people[p]).date_of_birth, r.move_date, r.custody_release_date)
    ]
    if not due:
        return {}
    taken = Counter(a.option for a in played.agreements)
    problem = year.county.problem(last, due, capacities(year, year.months - 1, taken), frozenset())
    solution = matching.solve(problem)
    reasons = Counter(u.reasons[0]["code"] if u.reasons else "NO_OPTION" for u in solution.unmatched)
    reasons["PLACE_FREE_NOT_AGREED"] = len(solution.proposals)
    return dict(reasons)


def interval(
    values: list[float], bounds: tuple[float, float] = (-math.inf, math.inf)
) -> dict[str, float | None]:
    """Mean and its 95 % t-interval over seeds (none from a single seed), kept within `bounds`."""
    values = [v for v in values if not math.isnan(v)]
    if not values:
        return {"mean": None, "low": None, "high": None}
    mean = statistics.fmean(values)
    if len(values) < 2:
        return {"mean": mean, "low": None, "high": None}
    half = stats.t.ppf(0.975, len(values) - 1) * statistics.stdev(values) / math.sqrt(len(values))
    return {"mean": mean, "low": max(mean - half, bounds[0]), "high": min(mean + half, bounds[1])}


NO_BOUNDS = (0.0, math.inf)  # distances, days and counts are never negative
SHARES = {"headline_share": (0.0, 1.0), "home_district_share": (0.0, 1.0)}
SUMMARISED = (
    "headline_share",
    "median_days_to_spare",
    "mean_important_link_km",
    "p90_important_link_km",
    "home_district_share",
    "moves_per_young_person",
    "crossed_boundary",
    "crossed_boundary_in_time",
    "other_register",
    "other_register_in_time",
    "runs",
    "passed_over_per_run",
    "runs_passing_over",
    "pass_overs_not_allowed",
)


def summarise(per_seed: list[dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """Across seeds: each measure's interval per policy (`comparisons` adds the paired figures)."""
    policies = list(per_seed[0])
    summary: dict[str, Any] = {}
    for policy in policies:
        runs = [seed[policy] for seed in per_seed]
        figures = {
            name: interval([r[name] for r in runs], SHARES.get(name, NO_BOUNDS)) for name in SUMMARISED
        }
        figures["agreed_by_month"] = [
            statistics.fmean(m) for m in zip(*(r["agreed_by_month"] for r in runs), strict=True)
        ]
        figures["by_route"] = _add_up(r["by_route"] for r in runs)
        figures["headline_by_group"] = _add_up_pairs(r["headline_by_group"] for r in runs)
        figures["waiting_at_end_by_reason"] = _add_up(r["waiting_at_end_by_reason"] for r in runs)
        summary[policy] = figures
    return summary


def _add_up(counters) -> dict[str, int]:
    total: Counter = Counter()
    for counter in counters:
        total.update(counter)
    return dict(total)


def _add_up_pairs(groups) -> dict[str, list[int]]:
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for group in groups:
        for key, (hit, of) in group.items():
            total[key][0] += hit
            total[key][1] += of
    return dict(total)
