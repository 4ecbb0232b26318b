"""How many options in reach of each young person each hard rule refuses: what an unmatched young
person's reasons count (`explain.unmatched`), without making every pair in reach (issue 34).

Each rule's count is its own: the options in reach whose pair with the young person the rule
refuses, whatever the other rules say. So each rule is counted the cheapest exact way:
- a rule that reads of an option only attributes many options share (the profile rules of
  `profiles.py`; AVAILABLE, APPLIED and BEDROOMS, `OPTION_READS`) is asked once per young person
  and kind of option, on one option of each kind, and its answer weighted by how many options of
  that kind stand at the places the young person reaches (one sparse product);
- a rule that can refuse only some options or some young people is asked about those pairs alone:
  STAYING_PUT refuses only Staying Put offers, AVOID only someone with places or districts to
  avoid, REJECTED only the pairs rejected before;
- anything else, pair by pair over every option in reach, as before.
At ten times the county the unmatched young people reach 7.5 M pairs; the reasons took 1.6 s CPU.
`tests/matching/test_refusals.py` compares every count with every pair asked.
"""

from collections.abc import Callable

import numpy as np
from scipy.sparse import csr_matrix

from matching.encode import ROUTE, Encoded
from matching.profiles import PROFILE_RULES, profiles
from matching.rules import RULES
from matching.screening import within_reach
from matching.vocabulary import REGISTER_VACANCY, STAYING_PUT

MAX_CELLS = 4_000_000  # young people × kinds of option asked at once; beyond, pair by pair


def refused(e: Encoded, reach: csr_matrix, people: np.ndarray) -> dict[str, np.ndarray]:
    """Per rule (in `RULES`' order): per young person, how many options in their reach it refuses
    (0 for anyone not in `people`)."""
    counts = {code: np.zeros(e.n_people, np.int64) for code, _ in RULES}
    people = np.asarray(people, dtype=np.int64)
    if len(people) == 0 or e.n_options == 0:
        return counts
    rule = dict(RULES)
    by_kind = _by_kind(e, reach, people)
    for code, kinds in by_kind.items():
        counts[code][people] = kinds
    for code, (some_people, some_options) in _where_refusing(e, people).items():
        if code in by_kind:
            continue
        pairs = within_reach(e, reach, some_people, some_options)
        no = ~rule[code](e, pairs.person, pairs.option)
        counts[code] += np.bincount(pairs.person[no], minlength=e.n_people)
    counts["REJECTED"] = _rejected_in_reach(e, reach, people)
    return counts


# What each rule asked per kind of option reads of an option (`rules.py`); the profile rules read
# `profiles.OPTION_KEY` and are answered from the profile table.
OPTION_READS = {
    "AVAILABLE": ("available_from", "available_until"),
    "APPLIED": ("route", "district"),
    "BEDROOMS": ("route", "scheme_bedrooms", "bedrooms", "larger_homes"),
}


def _by_kind(e: Encoded, reach: csr_matrix, people: np.ndarray) -> dict[str, np.ndarray]:
    """The rules answered per kind of option: the profile rules from the profile table, the rules of
    `OPTION_READS` on one option of each kind; each only where young people × kinds stay within
    `MAX_CELLS`."""
    out: dict[str, np.ndarray] = {}
    rows = reach[people].astype(np.int64)
    table = profiles(e, RULES)
    if table is not None and len(people) * table.width <= MAX_CELLS:
        in_reach = _options_by_kind(e, rows, table.option, table.width)
        broken = table.broken.reshape(-1, table.width)[table.person[people]]
        for bit, (code, _) in enumerate(RULES):
            if code in PROFILE_RULES:
                out[code] = (in_reach * ((broken >> bit) & 1)).sum(axis=1)
    rule = dict(RULES)
    for code, reads in OPTION_READS.items():
        columns = np.column_stack([getattr(e, name).reshape(e.n_options, -1) for name in reads])
        _, first, kind = np.unique(columns, axis=0, return_index=True, return_inverse=True)
        if len(people) * len(first) <= MAX_CELLS:
            in_reach = _options_by_kind(e, rows, kind.ravel(), len(first))
            out[code] = (in_reach * ~_grid(e, rule[code], people, first)).sum(axis=1)
    return out


def _options_by_kind(e: Encoded, rows: csr_matrix, kind: np.ndarray, kinds: int) -> np.ndarray:
    """(young people × kinds): how many options of each kind stand at the places each reaches."""
    at = csr_matrix((np.ones(e.n_options, np.int64), (e.loc, kind)), shape=(rows.shape[1], kinds))
    return (rows @ at).toarray()


def _grid(e: Encoded, rule: Callable, people: np.ndarray, options: np.ndarray) -> np.ndarray:
    """(young people × options): whether the rule allows each pair."""
    i, k = np.repeat(people, len(options)), np.tile(options, len(people))
    return rule(e, i, k).reshape(len(people), len(options))


def _where_refusing(e: Encoded, people: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray | None]]:
    """Per rule asked pair by pair: the young people and options (None: all) it can refuse at all.
    Each rule allows every other pair outright (`rules.py`: `~is_staying_put | …`, `~vacancy | …`,
    no key to avoid); REJECTED is counted from its keys."""
    staying_put = np.flatnonzero(e.route == ROUTE[STAYING_PUT])
    vacancies = np.flatnonzero(e.route == ROUTE[REGISTER_VACANCY])
    avoiding = np.union1d(
        e.avoid_name_keys // max(e.n_names, 1), e.avoid_district_keys // max(e.n_districts, 1)
    )
    where: dict[str, tuple[np.ndarray, np.ndarray | None]] = {code: (people, None) for code, _ in RULES}
    del where["REJECTED"]
    where["STAYING_PUT"] = (people, staying_put)
    where["BEDROOMS"] = where["APPLIED"] = (people, vacancies)  # when asked pair by pair
    where["AVOID"] = (np.intersect1d(people, avoiding), None)
    return where


def _rejected_in_reach(e: Encoded, reach: csr_matrix, people: np.ndarray) -> np.ndarray:
    """REJECTED: the pairs rejected before whose option stands at a place the young person reaches."""
    keys = np.unique(e.rejected_keys)
    person, option = np.divmod(keys, max(e.n_options, 1))
    mine = np.isin(person, people)
    person, option = person[mine], option[mine]
    if len(person) == 0:
        return np.zeros(e.n_people, np.int64)
    reached = np.asarray(reach[person, e.loc[option]]).ravel() != 0
    return np.bincount(person[reached], minlength=e.n_people)
