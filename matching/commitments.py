"""A council's yearly commitment as a limit on a run (`Problem.district_caps`), as the graph holds it.

A council may ask that the matcher assign no more of its register's vacancies in a run than its
remaining yearly commitment of homes for care leavers. In the flow this is one node per such
district between its register vacancies and the sink, its arc to the sink carrying the limit
(`tier_graph.build_part`): still a network flow, so every goal is still solved exactly. The limit
binds only register vacancies of that district; no other option and no other district is touched.
"""

from dataclasses import replace

import numpy as np

from matching.problem import Problem
from matching.solution import Candidates
from matching.vocabulary import REGISTER_VACANCY


def with_caps(c: Candidates, problem: Problem) -> Candidates:
    """The published problem with each option's district cap (none if no district asked for one)."""
    if not problem.district_caps:
        return c
    districts = tuple(sorted(problem.district_caps))
    index = {district: g for g, district in enumerate(districts)}
    group = np.fromiter(
        (index.get(o.district, -1) if o.route == REGISTER_VACANCY else -1 for o in problem.options),
        np.int64,
        len(problem.options),
    )
    limit = np.array([max(problem.district_caps[d], 0) for d in districts], np.int64)
    return replace(c, cap_group=group, cap_limit=limit, cap_district=districts)


def held_back_by_cap(c: Candidates, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per option: whether its district's limit was reached in this answer while it still had room
    (so the limit, not the option, kept anyone else out); and per arc, the same for its option."""
    group = c.cap_groups
    if not c.capped:
        none = np.zeros(len(c.capacity), bool)
        return none, none[c.option]
    used = np.bincount(c.option[chosen], minlength=len(c.capacity))
    per_group = np.bincount(group[c.option[chosen]][group[c.option[chosen]] >= 0], minlength=len(c.cap_limit))
    reached = np.zeros(len(c.capacity), bool)
    capped = group >= 0
    reached[capped] = per_group[group[capped]] >= c.cap_limit[group[capped]]
    blocked = reached & (used < c.capacity)
    return blocked, blocked[c.option]
