"""How each policy proposes in a month: the service as built, the practice it replaces, and the
registers before the Joint Housing Protocol. Each returns (young person, option) pairs; the year
decides which of them officers and councils agree.
"""

from collections.abc import Callable
from datetime import date

import matching
from housing.due import due_on
from simulation.events import Year
from simulation.potentials import pathways_with_potentials

Proposals = list[tuple[str, str]]
Policy = Callable[[Year, date, list[str], dict[str, int], frozenset[tuple[str, str]]], Proposals]


def pathways(
    year: Year,
    as_of: date,
    people: list[str],
    remaining: dict[str, int],
    rejected: frozenset[tuple[str, str]],
) -> Proposals:
    """The service as built: one matching run a month over everyone in scope."""
    solution = matching.solve(year.county.problem(as_of, people, remaining, rejected))
    return [(p.young_person, p.option) for p in solution.proposals]


def home_register_only(
    year: Year,
    as_of: date,
    people: list[str],
    remaining: dict[str, int],
    rejected: frozenset[tuple[str, str]],
) -> Proposals:
    """As pathways, but each care leaver is on their home council's register alone."""
    problem = year.county.problem(as_of, people, remaining, rejected, registers="home")
    return [(p.young_person, p.option) for p in matching.solve(problem).proposals]


def most_due_first(
    year: Year,
    as_of: date,
    people: list[str],
    remaining: dict[str, int],
    rejected: frozenset[tuple[str, str]],
) -> Proposals:
    """The practice it replaces: soonest due first, each given the nearest allowed place still free.

    "Allowed" is the matcher's own hard rules (its published arcs); "nearest" is the lowest arc
    cost, which is the importance-weighted distance to the young person's links.
    """
    problem = year.county.problem(as_of, people, remaining, rejected)
    arcs = matching.published(problem)
    by_person: dict[int, list[tuple[int, int]]] = {}
    for i, k, cost in zip(arcs.person.tolist(), arcs.option.tolist(), arcs.cost.tolist(), strict=True):
        by_person.setdefault(i, []).append((cost, k))
    free = arcs.capacity.tolist()
    order = []
    for i, person in enumerate(problem.young_people):
        record = year.county.people[person.id]
        due = due_on(as_of, record.date_of_birth, record.move_date, record.custody_release_date)
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
    "pathways": pathways,
    "pathways_with_potentials": pathways_with_potentials,
    "most_due_first": most_due_first,
    "home_register_only": home_register_only,
}
