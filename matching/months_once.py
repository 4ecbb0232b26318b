"""The months' tables of the plan of the coming months, built once for all its months.

A month's table (`horizon.month_arcs`) is that month's published problem over the same options and
the young people in scope then. Which places a young person reaches, every rule but three, and an
arc's cost read nothing that moves with the month: AGE and REGISTERED read the age on the need
date, AVAILABLE the need date, and the penalties the days to the due date and the month's dearest
arc. So the pairs are screened and costed once over everyone in any month (the three rules widened
to the range of their months' ages and need dates), and each month keeps those its own young people
pass the three rules with, in its own order, with penalties as `penalties.base_penalties` gives
them. Made one by one, the nine tables were most of the plan's time (README, "Figures of a run").
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from matching import rules
from matching.costs import arc_costs, links_per_place, sited_links
from matching.encode import NO_DUE, ROUTE, Encoded, encode
from matching.horizon import MonthArcs
from matching.penalties import base_penalties
from matching.problem import Problem, YoungPerson
from matching.profiles import PROFILE_RULES, profiles
from matching.reach import reachable_places
from matching.screening import entry_people, worth_asking
from matching.vocabulary import SUPPORTED_ACCOMMODATION, SUPPORTED_LODGINGS

MONTHLY = ("AGE", "AVAILABLE", "REGISTERED")  # the rules that read the age or the need date
# Not asked once: the monthly ones, and CAPACITY (the plan's supply counts the places, not the tables).
NOT_ONCE = (*MONTHLY, "CAPACITY")
OTHER_PROFILE_RULES = tuple(code for code in PROFILE_RULES if code not in NOT_ONCE)
NEVER = np.iinfo(np.int64).max


@dataclass(frozen=True)
class Month:
    """One month of the plan as its table reads it: its date, and its young people in order, with the
    age, need date and due date that month gives each (no copy of each young person each month)."""

    on: date
    people: tuple[str, ...]
    age: Sequence[int]
    need: Sequence[date]
    due: tuple[date | None, ...]


def of_problems(problems: Sequence[Problem]) -> tuple[Problem, list[Month]]:
    """What `month_tables` takes, from one problem a month alike but for their date and young people
    (as the simulated year makes them): everyone as their first month sees them, and the months."""
    everyone: dict[str, YoungPerson] = {}
    for problem in problems:
        for p in problem.young_people:
            everyone.setdefault(p.id, p)
    months = [
        Month(
            problem.as_of, tuple(p.id for p in problem.young_people), [p.age for p in problem.young_people],
            [p.need_date for p in problem.young_people], tuple(p.due_date for p in problem.young_people),
        )
        for problem in problems
    ]  # fmt: skip
    return replace(problems[0], young_people=tuple(everyone.values())), months


def month_tables(problem: Problem, months: Sequence[Month]) -> list[MonthArcs]:
    """`[horizon.month_arcs(p) for p in ...]` of each month's problem: `problem` on that month's date
    over its own young people at its ages, need and due dates, with every option given a place (as
    `coming_months` makes the months': no option copied nine times to give it a place) and no pair
    rejected. `problem` holds everyone in any month, each as some month sees them (the rest of a
    young person does not move with the month)."""
    if not months:
        return []
    index = {p.id: i for i, p in enumerate(problem.young_people)}
    seen = [np.array([index[p] for p in month.people], dtype=np.int64) for month in months]
    age = np.full((len(months), len(index)), -1, dtype=np.int64)  # -1: not in that month
    need = np.zeros((len(months), len(index)), dtype=np.int64)
    for m, month in enumerate(months):
        age[m, seen[m]] = month.age
        need[m, seen[m]] = [d.toordinal() for d in month.need]
    e = encode(problem)
    person, option, cost = _arcs(e, problem.reach_km, age, need)
    monthly = [rule for code, rule in rules.RULES if code in MONTHLY]
    options = tuple(o.id for o in problem.options)
    tables = []
    for m, month in enumerate(months):
        on_the_day = replace(e, age=age[m], need=need[m])
        kept = np.flatnonzero(age[m][person] >= 0)
        for rule in monthly:
            kept = kept[rule(on_the_day, person[kept], option[kept])]
        local = np.full(len(index), -1, dtype=np.int64)
        local[seen[m]] = np.arange(len(seen[m]))
        kept = kept[np.argsort(local[person[kept]], kind="stable")]  # the month's order of young people
        as_of, dues = month.on.toordinal(), month.due
        has_due = np.zeros(len(index), dtype=bool)
        has_due[seen[m]] = [d is not None for d in dues]
        days_to_due = np.full(len(index), NO_DUE, dtype=np.int64)
        days_to_due[seen[m]] = [d.toordinal() - as_of if d else NO_DUE for d in dues]
        penalty = base_penalties(replace(e, has_due=has_due, days_to_due=days_to_due), cost[kept])
        tables.append(
            MonthArcs(
                people=month.people,
                options=options,
                person=local[person[kept]],
                option=option[kept],
                cost=cost[kept],
                penalty=penalty[seen[m]].astype(np.int64),
                due=dues,
                pair=kept.astype(np.int32),  # a pair's cost is asked once: the same every month
            )
        )
    return tables


def _arcs(
    e: Encoded, reach_km: float, age: np.ndarray, need: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs every rule but CAPACITY and the monthly ones allows and the monthly ones may allow
    in some month, in reach order (`candidates.build`'s), and their costs."""
    reach = reachable_places(e, reach_km)
    entry_links = links_per_place(e, entry_people(reach), reach.indices.astype(np.int64))
    pairs = worth_asking(e, reach)
    i, k = pairs.person, pairs.option
    present = age >= 0
    lowest_age = np.where(present, age, NEVER).min(axis=0, initial=NEVER)
    highest_age, latest_need = age.max(axis=0, initial=-1), need.max(axis=0, initial=0)
    earliest_need = np.where(present, need, NEVER).min(axis=0, initial=NEVER)
    supported = (e.route[k] == ROUTE[SUPPORTED_LODGINGS]) | (e.route[k] == ROUTE[SUPPORTED_ACCOMMODATION])
    keep = np.flatnonzero(  # AGE, AVAILABLE and REGISTERED in some month of the person's
        (e.min_age[k] <= highest_age[i]) & (lowest_age[i] <= e.max_age[k])
        & (e.available_from[k] <= latest_need[i] + rules.AVAILABLE_AFTER_NEED)
        & (e.available_until[k] >= earliest_need[i])
        & (~supported | (highest_age[i] >= rules.ADULT) | e.registered[k])
    )  # fmt: skip
    table = profiles(e, rules.RULES)
    if table:
        others = sum(1 << b for b, (code, _) in enumerate(rules.RULES) if code in OTHER_PROFILE_RULES)
        keep = keep[(table.broken_bits(i[keep], k[keep]) & others) == 0]
    for code, rule in sorted(rules.RULES, key=lambda item: rules.SCREENING_ORDER.index(item[0])):
        if code in NOT_ONCE or (table and code in PROFILE_RULES):
            continue
        keep = keep[rule(e, i[keep], k[keep])]
    keep = keep[np.argsort(pairs.reached[keep] * max(e.n_options, 1) + k[keep], kind="stable")]
    person, option = i[keep], k[keep]
    cost = arc_costs(e, person, option, sited_links(e, person, option, entry_links[pairs.reached[keep]]))[0]
    return person, option, cost
