"""One policy played over one seed's year, month by month: what it proposed, what was agreed."""

from dataclasses import dataclass, field
from datetime import date

from simulation import assumptions as rates
from simulation.events import Year
from simulation.month import Month, capacities, in_scope
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
    runs: int = 0
    passed_over: list[int] = field(default_factory=list)  # per run
    not_allowed: int = 0  # pass-overs contract v1.2 does not let a run keep, over the year


def play(year: Year, policy: str) -> Played:
    """The policy's runs month by month; a policy that proposes again after a refusal runs up to
    `RUNS_A_MONTH` times a month, each run after the last one's answers."""
    chosen = POLICIES[policy]
    played, agreed, taken = Played(policy), set(), {}
    rejected: set[tuple[str, str]] = set()
    runs = int(rates.RUNS_A_MONTH.value) if chosen.again_after_refusal else 1
    for m in range(year.months):
        on = year.month(m)
        for _run in range(runs):
            month = Month(year, m, in_scope(year, m, agreed), capacities(year, m, taken),
                          frozenset(rejected), frozenset(agreed))  # fmt: skip
            proposed = chosen.propose(month)
            proposals = proposed.pairs
            played.runs += 1
            played.passed_over.append(proposed.passed_over)
            played.not_allowed += proposed.not_allowed
            played.proposed += len(proposals)
            refused = 0
            for person_id, option_id in proposals:
                if year.turned_down(person_id, option_id):
                    rejected.add((person_id, option_id))  # REJECTED: never proposed again
                    refused += 1
                    continue
                agreed.add(person_id)
                taken[option_id] = taken.get(option_id, 0) + 1
                played.agreements.append(Agreement(person_id, option_id, m, on))
            played.turned_down += refused
            if not refused:
                break
    played.waiting_at_end = in_scope(year, year.months - 1, agreed)
    return played
