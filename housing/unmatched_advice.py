"""What an officer could change for a young person the matcher left unmatched.

The run's reasons count the options each rule excluded; the one reason an officer can act on at
once is a missing application: register vacancies within reach that fail no rule but APPLIED.
This screens the problem the run solved (in memory as the run is stored, or its snapshot for a
run stored before), so the advice is about the same problem.

Only register vacancies can fail APPLIED, and most of them fail something else for most young
people, so the pairs are narrowed young people × vacancies at once, as tables, by the checks
that refuse most (the place within reach, the registers applied to, the profile rules, the
dates); the rules then decide
each pair left, all of them (`rules.failures`), so the answer is that of asking every pair in reach.
"""

from dataclasses import replace

import numpy as np
from scipy.sparse import csr_matrix

from matching.encode import ROUTE, Encoded, encode
from matching.problem import Problem
from matching.profiles import profiles
from matching.reach import reachable_places
from matching.rules import AVAILABLE_AFTER_NEED, MEANING, RULES, failures
from matching.vocabulary import REGISTER_VACANCY

__all__ = ["MEANING", "districts_to_apply"]  # MEANING: what each reason says, for the pages

APPLIED_ONLY = 1 << next(bit for bit, (code, _) in enumerate(RULES) if code == "APPLIED")
CELLS = 2_000_000  # young people × vacancies screened at once (bytes of each table)


def districts_to_apply(problem: Problem, young_people: list[str]) -> dict[str, list[str]]:
    """Young person id → the districts (slugs) where an application would open a vacancy within reach."""
    wanted = set(young_people)
    shown = tuple(person for person in problem.young_people if person.id in wanted)
    if not shown or not problem.options:
        return {}
    sub = replace(problem, young_people=shown)
    e = encode(sub)
    vacancies = np.flatnonzero((e.route == ROUTE[REGISTER_VACANCY]) & (e.district >= 0))
    if not len(vacancies):
        return {}
    person, option = _screened(e, reachable_places(e, sub.reach_km), vacancies)
    only_applied = failures(e, person, option) == APPLIED_ONLY
    # One row per young person and district (codes of the encoding, slugs of the options).
    where = e.district[option[only_applied]]
    slug = {int(e.district[k]): sub.options[k].district for k in vacancies.tolist()}
    pairs = np.unique(person[only_applied] * e.n_districts + where)
    found: dict[str, set[str]] = {}
    for i, d in zip(*np.divmod(pairs, e.n_districts), strict=True):
        found.setdefault(shown[i].id, set()).add(slug[int(d)])
    return {young_person: sorted(districts) for young_person, districts in found.items()}


def _screened(e: Encoded, reach: csr_matrix, vacancies: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The (young person, vacancy) pairs within reach, of a register they have not applied to, that
    the profile rules and AVAILABLE allow: a pair left out here is out of reach, passes
    APPLIED or breaks another rule, so it is not advice."""
    table = profiles(e, RULES)
    at = e.loc[vacancies]
    start, end = e.available_from[vacancies], e.available_until[vacancies]
    kind = table.option[vacancies] if table else None
    applied = np.zeros(e.n_people * e.n_districts, bool)
    applied[e.applied_keys] = True  # a young person's registers: APPLIED allows those vacancies
    applied = applied.reshape(e.n_people, e.n_districts)[:, e.district[vacancies]]
    step = max(1, CELLS // len(vacancies))
    people, options = [], []
    for first in range(0, e.n_people, step):
        i = np.arange(first, min(first + step, e.n_people))
        need = e.need[i][:, None]
        keep = reach[i].toarray()[:, at] & ~applied[i]
        keep &= (start <= need + AVAILABLE_AFTER_NEED) & (end >= need)
        if table is not None:
            keep &= table.broken.reshape(-1, table.width)[table.person[i]][:, kind] == 0
        row, column = np.nonzero(keep)
        people.append(i[row])
        options.append(vacancies[column])
    return np.concatenate(people), np.concatenate(options)
