"""Fairness figures against brute-force counts on random instances."""

from dataclasses import replace

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from matching.assignment import optimal_assignment
from matching.fairness import by_group, justified_envy, rank_profile
from tests.matching.strategies import candidates


def brute_force_envy(c, chosen, days) -> set[tuple[int, int, int]]:
    """Pair by pair, as the definition reads."""
    own = {i: int(c.penalty[i]) for i in range(len(c.penalty))}
    holders = {k: [] for k in range(len(c.capacity))}
    for arc in np.flatnonzero(chosen):
        own[int(c.person[arc])] = int(c.cost[arc])
        holders[int(c.option[arc])].append(int(c.person[arc]))
    pairs = set()
    for arc in range(c.size):
        i, o = int(c.person[arc]), int(c.option[arc])
        if chosen[arc] or c.cost[arc] >= own[i]:
            continue
        if len(holders[o]) < c.capacity[o]:
            pairs.add((i, o, -1))
        pairs |= {(i, o, j) for j in holders[o] if days[j] > days[i]}
    return pairs


@st.composite
def assignments(draw):
    """An optimal assignment, or any feasible one (a past run, or places taken since), with due days."""
    c = draw(candidates())
    chosen = optimal_assignment(c).chosen
    if draw(st.booleans()):
        chosen = np.zeros(c.size, dtype=bool)
        taken, placed = np.zeros(len(c.capacity), dtype=int), set()
        for arc in draw(st.permutations(range(c.size))):
            i, o = int(c.person[arc]), int(c.option[arc])
            if i not in placed and taken[o] < c.capacity[o] and draw(st.booleans()):
                chosen[arc], taken[o] = True, taken[o] + 1
                placed.add(i)
    days = np.array(draw(st.lists(st.integers(-30, 400), min_size=len(c.penalty), max_size=len(c.penalty))))
    return c, chosen, days


@given(assignments())
def test_justified_envy_is_every_pair_the_definition_names_and_no_other(case):
    c, chosen, days = case

    envy = justified_envy(c, chosen, days)

    found = list(zip(envy.young_person.tolist(), envy.option.tolist(), envy.holder.tolist(), strict=True))
    assert len(found) == len(set(found))
    assert set(found) == brute_force_envy(c, chosen, days)


@given(assignments())
def test_the_rank_profile_counts_everyone_once(case):
    c, chosen, _ = case
    c = replace(c, preference_rank=np.arange(c.size) % 5)

    profile = rank_profile(c, chosen)

    assert sum(profile.values()) == len(c.penalty)
    ranks = [int(c.preference_rank[arc]) for arc in np.flatnonzero(chosen)]
    assert profile["first"] == ranks.count(1)
    assert profile["later"] == ranks.count(4)
    assert profile["not_a_preference"] == ranks.count(0)


def test_distances_by_group_leave_out_those_without_a_place_or_links():
    km = np.array([2.0, 4.0, np.nan, 10.0])

    assert by_group(km, ["a", "a", "a", None]) == [("a", 2, 3.0), (None, 1, 10.0)]
