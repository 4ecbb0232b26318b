"""The synthetic West Sussex scenario: rows for every table, from a seed, a scale and a date.

Numbers follow domain.md at scale 1 (about 650 young people aged 15-25, about 2,000 places);
everything is drawn from one `random.Random(seed)`, so a seed and an as-of date fix the
scenario exactly. Names are invented and numbered so that no row can be a real person.
"""

from datetime import date

from housing.lifedates import age_on
from seeds.advisers import add_advisers
from seeds.house_project import HouseProject
from seeds.people import People
from seeds.placements import Placements
from seeds.providers import add_providers
from seeds.reviews import add_reviews
from seeds.scenario_rows import Row, Scenario

__all__ = ["Row", "Scenario", "ages", "generate"]


class _Generator(People, HouseProject, Placements):
    """The whole county: each part draws from the same stream, in a fixed order."""


def generate(seed: int, scale: float, as_of: date) -> Scenario:
    generator = _Generator(seed, scale, as_of)
    generator.young_people()
    generator.house_project()
    generator.supported_accommodation()
    generator.supported_lodgings()
    generator.register_vacancies()
    generator.placements()
    add_advisers(generator.out, seed, scale, as_of)  # a stream of its own: the rest is drawn as before
    add_reviews(generator.out, seed, as_of)
    add_providers(generator.out, seed, as_of)  # synthetic, and a stream of its own too
    return generator.out


def ages(scenario: Scenario, as_of: date) -> dict[int, int]:
    """Young people by age on `as_of`: how the scenario is checked against the figures."""
    counts: dict[int, int] = {}
    for person in scenario.young_people:
        age = age_on(person["date_of_birth"], as_of)
        counts[age] = counts.get(age, 0) + 1
    return counts
