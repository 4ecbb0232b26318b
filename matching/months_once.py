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
from dataclasses import replace

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


def month_tables(problems: Sequence[Problem]) -> list[MonthArcs]:
    """`[horizon.month_arcs(p) for p in problems]`, each problem's options given a place, for
    problems alike but for their date and their young people (who may differ in age, need date and
    what is due, and come and go, in one order) with no pair rejected, as `coming_months` makes the
    months' (no option copied nine times to give it a place)."""
    if not problems:
        return []
    everyone: dict[str, YoungPerson] = {}
    for problem in problems:
        for p in problem.young_people:
            everyone.setdefault(p.id, p)
    index = {p: i for i, p in enumerate(everyone)}
    seen = [np.array([index[p.id] for p in problem.young_people], dtype=np.int64) for problem in problems]
    age = np.full((len(problems), len(index)), -1, dtype=np.int64)  # -1: not in that month
    need = np.zeros((len(problems), len(index)), dtype=np.int64)
    for m, problem in enumerate(problems):
        age[m, seen[m]] = [p.age for p in problem.young_people]
        need[m, seen[m]] = [p.need_date.toordinal() for p in problem.young_people]
    e = encode(replace(problems[0], young_people=tuple(everyone.values())))
    person, option, cost = _arcs(e, problems[0].reach_km, age, need)
    monthly = [rule for code, rule in rules.RULES if code in MONTHLY]
    options = tuple(o.id for o in problems[0].options)
    tables = []
    for m, problem in enumerate(problems):
        month = replace(e, age=age[m], need=need[m])
        kept = np.flatnonzero(age[m][person] >= 0)
        for rule in monthly:
            kept = kept[rule(month, person[kept], option[kept])]
        local = np.full(len(index), -1, dtype=np.int64)
        local[seen[m]] = np.arange(len(seen[m]))
        kept = kept[np.argsort(local[person[kept]], kind="stable")]  # the month's order of young people
        as_of, dues = problem.as_of.toordinal(), [p.due_date for p in problem.young_people]
        has_due = np.zeros(len(index), dtype=bool)
        has_due[seen[m]] = [d is not None for d in dues]
        days_to_due = np.full(len(index), NO_DUE, dtype=np.int64)
        days_to_due[seen[m]] = [d.toordinal() - as_of if d else NO_DUE for d in dues]
        penalty = base_penalties(replace(e, has_due=has_due, days_to_due=days_to_due), cost[kept])
        tables.append(
            MonthArcs(
                people=tuple(p.id for p in problem.young_people),
                options=options,
                person=local[person[kept]],
                option=option[kept],
                cost=cost[kept],
                penalty=penalty[seen[m]].astype(np.int64),
                due=tuple(dues),
                pair=kept,  # a pair's cost is asked once, so it is the same every month
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
