"""Pathways with potentials: a scarce place is not spent on someone who could wait.

Dynamic Annie's idea (Ahani, Gölz, Procaccia, Teytelboym, Trapp, *Operations Research* 72(3),
2024; optimisation-notes §5): sample the months ahead, solve the planning problem over the young
people in scope now and those the samples bring, and take each option's capacity value — the
exact fall in that optimum from one more place (`matching.shadow_prices`) — averaged over the
samples, as its price. This month's assignment then weighs c(i, o) + price(o) against the option of
waiting (the unmatched penalty). The samples draw only what the service cannot know: children in
care turning 16 soon are known and counted as they are; arrivals are imagined with the seeded
county's own generator, never the year's real ones.
"""

import random
from dataclasses import replace
from datetime import date

import numpy as np

import matching
from housing.lifedates import add_months, age_on
from housing.services import matching_input
from matching.assignment import optimal_assignment
from matching.shadow_prices import capacity_values
from simulation import assumptions as rates
from simulation.county import records
from simulation.events import Arrivals, Year

HORIZON_MONTHS = 3  # how far ahead the samples look: a register vacancy is usually let within this
SAMPLES = 2  # samples per month: each is one planning solve and one pass for the values


def pathways_with_potentials(
    year: Year,
    as_of: date,
    people: list[str],
    remaining: dict[str, int],
    rejected: frozenset[tuple[str, str]],
) -> list[tuple[str, str]]:
    problem = year.county.problem(as_of, people, remaining, rejected)
    published = matching.published(problem)
    price = prices(year, as_of, people, remaining, rejected)
    priced = replace(published, cost=published.cost + price[published.option])
    chosen = np.flatnonzero(optimal_assignment(priced).chosen)
    return [
        (problem.young_people[published.person[k]].id, problem.options[published.option[k]].id)
        for k in chosen
    ]


def prices(
    year: Year,
    as_of: date,
    people: list[str],
    remaining: dict[str, int],
    rejected: frozenset[tuple[str, str]],
) -> np.ndarray:
    """Per option (in `remaining`'s order): its capacity value to the months ahead, averaged over samples."""
    ahead = add_months(as_of, HORIZON_MONTHS)
    month = next(m for m in range(year.months) if year.month(m) == as_of)
    turning_16 = [
        p.id
        for p in year.county.people.values()
        if age_on(p.date_of_birth, as_of) == 15
        and year.arrives.get(p.id, 0) <= month
        and year.county.in_scope(p.id, ahead)
    ]
    total = np.zeros(len(remaining), dtype=np.float64)
    rng = random.Random(f"{year.seed}:{as_of}:potentials")
    for _ in range(SAMPLES):
        imagined = _imagined_arrivals(year, rng, as_of)
        planning = year.county.problem(as_of, people + turning_16, remaining, rejected, unknown=imagined)
        candidates = matching.published(planning)
        assignment = optimal_assignment(candidates)
        total += capacity_values(candidates, assignment.chosen).value
    return np.rint(total / SAMPLES).astype(np.int64)


def _imagined_arrivals(year: Year, rng: random.Random, as_of: date) -> tuple[matching.YoungPerson, ...]:
    draw = Arrivals(rng.getrandbits(32), year.scale, as_of)
    expected = rates.UASC_ARRIVALS.value * year.scale * HORIZON_MONTHS
    for k in range(rng.randint(0, round(2 * expected))):
        draw.young_person(k, rng.choice([16, 17]))
    for row in draw.out.young_people:
        row |= {"uasc": True, "immigration": "awaiting_decision"}
    people, applied = records(draw.out)
    return tuple(
        matching_input.young_person(p, as_of, year.county.places, applied[p.id]) for p in people.values()
    )
