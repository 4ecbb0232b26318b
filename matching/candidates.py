"""Building the published problem: the arcs the hard rules allow, with costs and penalties."""

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from matching.costs import arc_costs, links_per_place, sited_links
from matching.encode import Encoded
from matching.penalties import unmatched_penalties
from matching.reach import reachable_places
from matching.rules import allowed
from matching.screening import entry_people, options_in_reach, worth_asking
from matching.solution import NONE_TIER, Candidates, plan_costs


@dataclass(frozen=True)
class Screened:
    """The places each young person reaches: what an unmatched young person's reasons count
    (`screening.within_reach` expands them into pairs)."""

    reach: csr_matrix  # young people × places
    within_reach: np.ndarray  # per young person: options within reach


def build(e: Encoded, reach_km: float) -> tuple[Candidates, Screened]:
    reach = reachable_places(e, reach_km)
    entry_links = links_per_place(e, entry_people(reach), reach.indices.astype(np.int64))

    pairs = worth_asking(e, reach)
    arcs = allowed(e, pairs.person, pairs.option)
    # Arcs in reach order (young person, place, option), as ever: the solver breaks ties by it. The
    # pairs come in long sorted runs, which a stable sort merges in near-linear time.
    arcs = arcs[np.argsort(pairs.reached[arcs] * max(e.n_options, 1) + pairs.option[arcs], kind="stable")]
    a_person, a_option = pairs.person[arcs], pairs.option[arcs]
    pair_links = sited_links(e, a_person, a_option, entry_links[pairs.reached[arcs]])
    cost, parts, rank = arc_costs(e, a_person, a_option, pair_links)
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
        tier=e.tier,
        held=e.held,
        plan_cost=_plan_costs(e, a_person, a_option, cost, penalty - premium * e.urgent),
    )
    screened = Screened(reach=reach, within_reach=options_in_reach(e, reach))
    return candidates, screened


def _plan_costs(
    e: Encoded, person: np.ndarray, option: np.ndarray, cost: np.ndarray, base: np.ndarray
) -> np.ndarray | None:
    """The arcs' departures from the plan of the coming months (`solution.plan_costs`), if the run
    made one. The plan's agreement counts only where a run may make it: a move of someone of tier
    none that costs at least their penalty serves them less than none (nor would the plan make it)."""
    if not e.plan_made:
        return None
    planned = (e.planned[person] == option) & ((e.tier[person] < NONE_TIER) | (cost < base[person]))
    return plan_costs(person, planned, e.n_people)
