"""Which (young person, option) pairs the rules are asked about, without expanding every pair in reach.

At 80 km everyone in the county reaches nearly every place, so the pairs within reach are young
people × options: 25.6 M at ten times the county's size. Most of them fail one of two rules that a
join answers before any pair is made: a register vacancy is only for someone who applied to its
register (APPLIED), and a Staying Put offer only for the carer's own former foster child
(STAYING_PUT). So register vacancies are paired only with the applicants to their register, Staying
Put offers only with their young person, and every other option with everyone who reaches its
place. The rules still decide every pair (`rules.allowed`): this leaves out only pairs they would
refuse, so the arcs are the same. The unmatched reasons, which count every option in reach by
the rules it breaks, expand all pairs, but only for the young people left unmatched.
"""

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from matching.encode import ROUTE, Encoded
from matching.ragged import expand, group_starts
from matching.vocabulary import REGISTER_VACANCY, STAYING_PUT


@dataclass(frozen=True)
class Pairs:
    person: np.ndarray
    option: np.ndarray
    reached: np.ndarray  # per pair: its (young person, place) entry in the reach matrix


def within_reach(
    e: Encoded, reach: csr_matrix, people: np.ndarray | None = None, options: np.ndarray | None = None
) -> Pairs:
    """Every option (or every one of `options`) at every place these young people (all by default) reach."""
    rows = np.arange(e.n_people) if people is None else np.asarray(people, dtype=np.int64)
    _, entry = expand(reach.indptr[rows].astype(np.int64), np.diff(reach.indptr)[rows])
    every = np.arange(e.n_options) if options is None else np.asarray(options, dtype=np.int64)
    return _at_places(e, entry, reach, entry_people(reach), every)


def worth_asking(e: Encoded, reach: csr_matrix) -> Pairs:
    """The pairs in reach that APPLIED and STAYING_PUT do not refuse outright (in no set order)."""
    route = e.route
    vacancy = route == ROUTE[REGISTER_VACANCY]
    staying_put = route == ROUTE[STAYING_PUT]
    entries, person = np.arange(reach.nnz, dtype=np.int64), entry_people(reach)
    parts = [
        _at_places(e, entries, reach, person, np.flatnonzero(~vacancy & ~staying_put)),
        _vacancies_applied_for(e, reach, person, np.flatnonzero(vacancy & (e.district >= 0))),
        _own_staying_put(e, reach, person, np.flatnonzero(staying_put & (e.owner >= 0))),
    ]
    return Pairs(
        person=np.concatenate([p.person for p in parts]),
        option=np.concatenate([p.option for p in parts]),
        reached=np.concatenate([p.reached for p in parts]),
    )


def options_in_reach(e: Encoded, reach: csr_matrix) -> np.ndarray:
    """Per young person: how many options stand at the places they reach."""
    per_place = np.bincount(e.loc, minlength=reach.shape[1])
    return np.asarray(reach.astype(np.int64) @ per_place).ravel()


def entry_people(reach: csr_matrix) -> np.ndarray:
    """The young person (row) of each entry of the reach matrix, in the matrix's order."""
    return np.repeat(np.arange(reach.shape[0], dtype=np.int64), np.diff(reach.indptr))


def _at_places(
    e: Encoded, entries: np.ndarray, reach: csr_matrix, person: np.ndarray, options: np.ndarray
) -> Pairs:
    """Each reach entry paired with each of these options at its place."""
    options = options[np.argsort(e.loc[options], kind="stable")]
    starts = group_starts(e.loc[options], reach.shape[1])
    place = reach.indices[entries].astype(np.int64)
    pair, position = expand(starts[place], np.diff(starts)[place])
    reached = entries[pair]
    return Pairs(person[reached], options[position], reached)


def _vacancies_applied_for(e: Encoded, reach: csr_matrix, person: np.ndarray, vacancies: np.ndarray) -> Pairs:
    """Each reach entry paired with the vacancies at its place on the registers its person applied to."""
    width = max(e.n_districts, 1)
    applied_starts = group_starts(e.applied_keys // width, e.n_people)
    reached, application = expand(applied_starts[person], np.diff(applied_starts)[person])  # per entry
    group = reach.indices[reached].astype(np.int64) * width + e.applied_keys[application] % width
    at_register = e.loc[vacancies] * width + e.district[vacancies]  # (place, district) of each
    order = np.argsort(at_register, kind="stable")
    vacancies = vacancies[order]
    starts = group_starts(at_register[order], reach.shape[1] * width)
    pair, position = expand(starts[group], np.diff(starts)[group])
    return Pairs(person[reached[pair]], vacancies[position], reached[pair])


def _own_staying_put(e: Encoded, reach: csr_matrix, person: np.ndarray, offers: np.ndarray) -> Pairs:
    """Each Staying Put offer paired with its own young person, where they reach its place."""
    width = reach.shape[1]
    keys = person * width + reach.indices  # sorted: rows in order, places sorted
    wanted = e.owner[offers] * width + e.loc[offers]
    at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    found = (keys[at] == wanted) if len(keys) else np.zeros(len(offers), bool)
    return Pairs(e.owner[offers][found], offers[found], at[found])
