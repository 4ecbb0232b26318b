"""Building the published problem: the arcs the hard rules allow, with costs and penalties."""

from dataclasses import dataclass

import numpy as np

from matching.costs import arc_costs, links_per_place
from matching.encode import Encoded
from matching.penalties import unmatched_penalties
from matching.ragged import expand, group_starts
from matching.reach import reachable_places
from matching.rules import allowed
from matching.solution import Candidates


@dataclass(frozen=True)
class Screened:
    """Every (young person, option) pair within reach: what an unmatched young person's reasons count."""

    person: np.ndarray
    option: np.ndarray
    within_reach: np.ndarray  # per young person: options within reach


def build(e: Encoded, reach_km: float) -> tuple[Candidates, Screened]:
    reach = reachable_places(e, reach_km)
    pair_person = np.repeat(np.arange(e.n_people, dtype=np.int64), np.diff(reach.indptr))
    pair_loc = reach.indices.astype(np.int64)
    pair_links = links_per_place(e, pair_person, pair_loc)

    # Every option at a reachable place: options sorted by place, then expanded per pair.
    by_loc = np.argsort(e.loc, kind="stable")
    loc_starts = group_starts(e.loc[by_loc], len(e.loc_lat))
    pair, position = expand(loc_starts[pair_loc], np.diff(loc_starts)[pair_loc])
    person, option = pair_person[pair], by_loc[position]

    arcs = allowed(e, person, option)
    a_person, a_option = person[arcs], option[arcs]
    cost, parts, rank = arc_costs(e, a_person, a_option, pair_links[pair[arcs]])
    penalty, premium = unmatched_penalties(e, a_person, cost)
    candidates = Candidates(
        person=a_person,
        option=a_option,
        cost=cost,
        parts=parts,
        preference_rank=rank,
        penalty=penalty,
        capacity=np.maximum(e.remaining, 0),
        urgent=e.urgent,
        premium=premium,
    )
    screened = Screened(person=person, option=option, within_reach=np.bincount(person, minlength=e.n_people))
    return candidates, screened
