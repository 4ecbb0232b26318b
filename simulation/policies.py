"""How each policy proposes: the service's own policy, the practice it replaces, and the registers
before the Joint Housing Protocol. Each returns its (young person, option) pairs for a `Month` and
how many young people the run passed over (contract v1.2, `matching.fairness.pass_overs`); the year
decides which of the pairs officers and councils agree.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

import matching
from housing.due import due_on
from matching import fairness
from matching.tier_proof import kept_pass_overs
from simulation.month import Month
from simulation.plans import plan

Proposals = list[tuple[str, str]]


@dataclass(frozen=True)
class Proposed:
    pairs: Proposals
    passed_over: int  # pass-overs of the run (those the contract lets a run keep included)
    not_allowed: int  # of them, those contract v1.2 does not let a run keep (the checker's rule)


@dataclass(frozen=True)
class Policy:
    propose: Callable[[Month], Proposed]
    again_after_refusal: bool  # a run per decision (the service keeps proposals current), or one a month


def pathways(month: Month) -> Proposed:
    """The service's own policy, as a run makes it: the month's problem, each young person at their
    tier, the places the plan of the coming months holds back, solved by the matcher."""
    return _run(month, registers="applied", tiers=True)


def tiers_off(month: Month) -> Proposed:
    """The same policy with every young person in tier none: the plan's holds then close the kept
    places to everyone, and the run minimises cost alone (what the tiers add, measured)."""
    return _run(month, registers="applied", tiers=False)


def year_known(month: Month) -> Proposed:
    """The service's own policy with a plan that knows the year's arrivals, turnover, new places and
    refusals (as hindsight does): what more information could add, the tiers kept."""
    problem = plan(month, knows_the_year=True).given_to(month.problem())
    return _solved(problem)


def home_register_only(month: Month) -> Proposed:
    """The service's own policy, with each care leaver on their home council's register alone."""
    return _run(month, registers="home", tiers=True)


def _run(month: Month, *, registers: str, tiers: bool) -> Proposed:
    problem = plan(month, registers=registers).given_to(month.problem(registers=registers))
    if tiers:
        return _solved(problem)
    untiered = replace(problem, young_people=tuple(replace(p, due_tier="none") for p in problem.young_people))
    pairs = [(p.young_person, p.option) for p in matching.solve(untiered).proposals]
    return _counted(problem, matching.published(problem), pairs)  # pass-overs by their own tiers


def _solved(problem: matching.Problem) -> Proposed:
    solution = matching.solve(problem)
    return _counted(problem, solution.candidates, [(p.young_person, p.option) for p in solution.proposals])


def _counted(problem: matching.Problem, c: matching.Candidates, pairs: Proposals) -> Proposed:
    """The pairs and how many pass-overs they make, each young person at their own tier."""
    arc = {
        (problem.young_people[i].id, problem.options[k].id): a
        for a, (i, k) in enumerate(zip(c.person.tolist(), c.option.tolist(), strict=True))
    }
    chosen = np.zeros(c.size, dtype=bool)
    chosen[[arc[pair] for pair in pairs]] = True
    as_run = matching.Solution(
        "optimal", 0, [matching.Proposal(p, o, "", "", 0, {}) for p, o in pairs], [], c, 0
    )
    return Proposed(
        pairs, len(fairness.pass_overs(c, chosen).young_person), len(kept_pass_overs(problem, as_run))
    )


def monthly_run(month: Month) -> Proposed:
    """The service before the plan of the coming months: one matching run a month, this month only."""
    return _solved(month.problem())


def most_due_first(month: Month) -> Proposed:
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
    return _counted(problem, arcs, proposals)


POLICIES: dict[str, Policy] = {
    "pathways": Policy(pathways, again_after_refusal=True),
    "monthly_run": Policy(monthly_run, again_after_refusal=False),
    "most_due_first": Policy(most_due_first, again_after_refusal=False),
    "home_register_only": Policy(home_register_only, again_after_refusal=True),
    "tiers_off": Policy(tiers_off, again_after_refusal=True),
    "year_known": Policy(year_known, again_after_refusal=True),
}
