"""One policy played over one seed's year, month by month: what it proposed, what was agreed."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from simulation.events import Year
from simulation.policies import POLICIES


@dataclass(frozen=True)
class Agreement:
    young_person: str
    option: str
    month: int
    on: date


@dataclass
class Played:
    """What a policy did with a year: agreements in order, and who was still waiting at its end."""

    policy: str
    agreements: list[Agreement] = field(default_factory=list)
    waiting_at_end: list[str] = field(default_factory=list)
    proposed: int = 0
    turned_down: int = 0


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


def play(year: Year, policy: str) -> Played:
    propose = POLICIES[policy]
    played, agreed, taken = Played(policy), set(), {}
    rejected: set[tuple[str, str]] = set()
    for m in range(year.months):
        on = year.month(m)
        people = in_scope(year, m, agreed)
        proposals = propose(year, on, people, capacities(year, m, taken), frozenset(rejected))
        played.proposed += len(proposals)
        for person_id, option_id in proposals:
            if year.turned_down(person_id, option_id):
                rejected.add((person_id, option_id))  # REJECTED: never proposed again
                played.turned_down += 1
                continue
            agreed.add(person_id)
            taken[option_id] = taken.get(option_id, 0) + 1
            played.agreements.append(Agreement(person_id, option_id, m, on))
    played.waiting_at_end = in_scope(year, year.months - 1, agreed)
    return played
