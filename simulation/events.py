"""The year's events for one seed, drawn once and shared by every policy, so policies differ only in
what they decide: who arrives when, which placements end, which places appear, which pairs an
officer or a council would turn down.
"""

import hashlib
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from housing.lifedates import add_months
from housing.vocabulary import HOUSE_PROJECT_HUB, PathwayStatus
from seeds.people import People
from seeds.places import Places
from seeds.scenario import generate
from seeds.scenario_rows import Scenario
from simulation import assumptions as rates
from simulation.county import County

RETURNING_ROUTES = ("supported_accommodation", "supported_lodgings", "staying_put")
ARRIVAL_REFERENCES = 900_000  # arrivals are numbered apart from the seeded county


@dataclass
class Year:
    """One seed's year: the county and, per month, what comes into it."""

    seed: int
    start: date
    months: int
    county: County
    scale: float = 1.0
    arrives: dict[str, int] = field(default_factory=dict)  # young person -> month they come in
    returns: dict[str, int] = field(default_factory=dict)  # settled young person -> month they are back
    places_from: dict[str, int] = field(
        default_factory=dict
    )  # option -> month it is in Pathways, places and all
    added: dict[tuple[str, int], int] = field(default_factory=lambda: defaultdict(int))  # turnover
    accept_rate: float = rates.ACCEPT_RATE.value
    decline_rate: float = rates.COUNCIL_DECLINE_RATE.value
    _answers: dict[tuple[str, str], bool] = field(default_factory=dict)
    # (registers, month, months) -> the young people, options and months' tables of its first plan
    plan_tables: dict = field(default_factory=dict)

    def month(self, m: int) -> date:
        return add_months(self.start, m)

    def turned_down(self, person: str, option: str) -> bool:
        """Would the officer and young person (or, for a register vacancy, the council) say no?

        A hash of the seed and the pair: the same answer for every policy and for hindsight.
        """
        if (person, option) in self._answers:
            return self._answers[(person, option)]
        digest = hashlib.blake2b(f"{self.seed}:{person}:{option}".encode(), digest_size=8).digest()
        draw = int.from_bytes(digest) / 2**64
        refuse = 1 - self.accept_rate
        if self.county.options[option].route == "register_vacancy":
            refuse += self.accept_rate * self.decline_rate
        self._answers[(person, option)] = answer = draw < refuse
        return answer


class Arrivals(People, Places):
    """The seeded county's own generators, drawing the people and places a month brings."""


def draw_year(seed: int, scale: float, start: date, months: int) -> Year:
    county = County()
    county.add(generate(seed, scale, start))
    year = Year(seed, start, months, county, scale)
    rng = random.Random(f"{seed}:events")
    settled = [p for p in county.people.values() if p.pathway_status == PathwayStatus.AGREED]
    for m in range(1, months):
        on = year.month(m)
        _arrivals(year, rng, scale, m, on)
        _placement_ends(year, rng, settled, m, on)
        _new_hosts(year, rng, scale, m, on)
        if m % int(rates.HOUSE_PROJECT_EVERY_MONTHS.value) == 0:
            _house_project_cohort(year, rng, m, on)
    return year


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: the count of events in a month at `mean` a month (small means only)."""
    limit, k, p = pow(2.718281828459045, -mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _arrivals(year: Year, rng: random.Random, scale: float, m: int, on: date) -> None:
    """UASC arriving, aged 16 or 17, awaiting a decision on their claim."""
    draw = Arrivals(rng.getrandbits(32), scale, on)
    for k in range(_poisson(rng, rates.UASC_ARRIVALS.value * scale)):
        draw.young_person(ARRIVAL_REFERENCES + 1000 * m + k, rng.choice([16, 17]))
    for row in draw.out.young_people:
        row |= {"uasc": True, "immigration": "awaiting_decision", "pathway_status": "not_started"}
        row |= {"pathway_route": None, "pathway_agreed_on": None}
        year.arrives[row["id"]] = m
    for row in draw.out.options:  # a Staying Put offer drawn with them: not for a new arrival
        row["carer_willing"] = False
    year.county.add(draw.out)
    year.places_from |= {row["id"]: m for row in draw.out.options}


def _placement_ends(year: Year, rng: random.Random, settled: list, m: int, on: date) -> None:
    """A placement ends: the young person is due again after notice, and a supported place frees."""
    moving = on + timedelta(days=int(rates.NOTICE_DAYS.value))
    by_route: dict[str, list[str]] = defaultdict(list)
    for option in year.county.options.values():
        by_route[option.route].append(option.id)
    for person in settled:
        if person.id in year.returns or person.pathway_route not in RETURNING_ROUTES:
            continue
        if rng.random() < rates.PLACEMENT_ENDS.value:
            year.returns[person.id] = m
            person.pathway_status, person.move_date = PathwayStatus.IN_PROGRESS, moving
            if person.pathway_route != "staying_put" and by_route[person.pathway_route]:
                year.added[(rng.choice(sorted(by_route[person.pathway_route])), m)] += 1


def _new_hosts(year: Year, rng: random.Random, scale: float, m: int, on: date) -> None:
    draw = Arrivals(rng.getrandbits(32), scale, on)
    for _ in range(_poisson(rng, rates.NEW_LODGINGS_HOSTS.value * scale)):
        draw.option(
            route="supported_lodgings", name=f"Supported lodgings host joining in month {m}",
            place=rng.choice([p for p in year.county.places.values() if p.district]).name,
            capacity=1, available_from=on, min_age=16, max_age=21, support_levels=["low", "medium"],
            registered_16_17=draw.chance(0.7),
        )  # fmt: skip
    year.county.add(Scenario(options=draw.out.options))
    year.places_from |= {row["id"]: m for row in draw.out.options}


def _house_project_cohort(year: Year, rng: random.Random, m: int, on: date) -> None:
    draw = Arrivals(rng.getrandbits(32), 1, on)
    draw.option(
        route="house_project", name=f"House Project cohort starting {on:%B %Y}", place=HOUSE_PROJECT_HUB,
        capacity=int(rates.HOUSE_PROJECT_PLACES.value), available_from=on, available_until=add_months(on, 3),
        min_age=16, max_age=25, support_levels=["low", "medium", "high"],
    )  # fmt: skip
    year.county.add(Scenario(options=draw.out.options))
    # In Pathways from when it is created: runs may agree its places before it opens (AVAILABLE).
    created = max(0, m - int(rates.HOUSE_PROJECT_CREATED_AHEAD.value))
    year.places_from |= {row["id"]: created for row in draw.out.options}
