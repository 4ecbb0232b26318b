"""A simulated month as one value: what a policy is given when it is asked to propose.

Every policy reads the same things (the year, which month, who is in scope, each option's places
left, the pairs already turned down); one value carries them, so a new policy or a new field does
not change every signature.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

import matching
from simulation.events import Year


@dataclass(frozen=True)
class Month:
    year: Year
    index: int  # 0 for the year's first month
    people: list[str]  # in scope and not yet agreed
    remaining: dict[str, int]  # option -> places left this month
    rejected: frozenset[tuple[str, str]]  # (young person, option) pairs turned down so far
    agreed: frozenset[str] = frozenset()  # young people agreed so far this year

    @property
    def on(self) -> date:
        return self.year.month(self.index)

    def problem(self, *, registers: str = "applied") -> matching.Problem:
        """The matcher's problem this month, built as a run builds it (see `County.problem`)."""
        return self.year.county.problem(
            self.on, self.people, self.remaining, self.rejected, registers=registers
        )


def in_scope(year: Year, m: int, agreed: set[str]) -> list[str]:
    """Who a run in month `m` considers: arrived, back if they were settled, and not yet agreed."""
    on = year.month(m)
    return [
        person_id
        for person_id in year.county.people
        if year.arrives.get(person_id, 0) <= m
        and (person_id not in year.returns or year.returns[person_id] <= m)
        and person_id not in agreed
        and year.county.in_scope(person_id, on)
    ]


def capacities(year: Year, m: int, taken: dict[str, int]) -> dict[str, int]:
    """Each option's places in month `m`: those it started with or gained by then, less those taken."""
    gained = Counter()
    for (option_id, k), n in year.added.items():  # turnover so far, read once, not once per option
        if k <= m:
            gained[option_id] += n
    places = {}
    for option_id, option in year.county.options.items():
        if year.places_from.get(option_id, 0) > m:
            continue
        places[option_id] = max(option.remaining + gained[option_id] - taken.get(option_id, 0), 0)
    return places
