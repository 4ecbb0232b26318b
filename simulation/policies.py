"""How each policy proposes: the service's own policy, the practice it replaces, and the registers
before the Joint Housing Protocol. Each returns (young person, option) pairs for a `Month`; the year
decides which of them officers and councils agree.
"""

from collections.abc import Callable
from dataclasses import dataclass

import matching
from housing.due import due_on
from simulation.month import Month
from simulation.plans import plan

Proposals = list[tuple[str, str]]


@dataclass(frozen=True)
class Policy:
    propose: Callable[[Month], Proposals]
    again_after_refusal: bool  # a run per decision (the service keeps proposals current), or one a month


def pathways(month: Month) -> Proposals:
    """The service's own policy: each run plans the coming months and proposes what is due now."""
    return plan(month).now


def home_register_only(month: Month) -> Proposals:
    """The service's own policy, with each care leaver on their home council's register alone."""
    return plan(month, registers="home").now


def monthly_run(month: Month) -> Proposals:
    """The service before the plan of the coming months: one matching run a month, this month only."""
    return [(p.young_person, p.option) for p in matching.solve(month.problem()).proposals]


def most_due_first(month: Month) -> Proposals:
    """The practice it replaces: soonest due first, each given the nearest allowed place still free.

    "Allowed" is the matcher's own hard rules (its published arcs); "nearest" is the lowest arc
    cost, which is the importance-weighted distance to the young person's links.
    """
    problem = month.problem()
    arcs = matching.published(problem)
    by_person: dict[int, list[tuple[int, int]]] = {}
    for i, k, cost in zip(arcs.person.tolist(), arcs.option.tolist(), arcs.cost.tolist(), strict=True):
        by_person.setdefault(i, []).append((cost, k))
    free = arcs.capacity.tolist()
    order = []
    for i, person in enumerate(problem.young_people):
        record = month.year.county.people[person.id]
        due = due_on(month.on, record.date_of_birth, record.move_date, record.custody_release_date)
        if due is not None:
            order.append((due.on, person.id, i))
    proposals = []
    for _, person_id, i in sorted(order):
        for _cost, k in sorted(by_person.get(i, [])):
            if free[k] > 0:
                free[k] -= 1
                proposals.append((person_id, problem.options[k].id))
                break
    return proposals


POLICIES: dict[str, Policy] = {
    "pathways": Policy(pathways, again_after_refusal=True),
    "monthly_run": Policy(monthly_run, again_after_refusal=False),
    "most_due_first": Policy(most_due_first, again_after_refusal=False),
    "home_register_only": Policy(home_register_only, again_after_refusal=True),
}
