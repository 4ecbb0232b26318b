"""Fairness figures against brute-force counts on random instances."""

from dataclasses import replace

import numpy as np
from hypothesis import assume, example, given
from hypothesis import strategies as st

from matching.assignment import optimal_assignment
from matching.fairness import by_group, pass_overs, rank_profile
from matching.solution import HOLDABLE, Candidates
from matching.vocabulary import DUE_TIERS
from tests.matching.strategies import candidates


def brute_force_pass_overs(c, chosen) -> set[tuple[int, int, int, bool]]:
    """Pair by pair, by playing out each exchange as the contract words it (v1.2, "Who is served first")."""
    tier, held = c.tiers, c.held_places
    arcs = {(int(i), int(k)) for i, k in zip(c.person, c.option, strict=True)}
    where = {int(c.person[a]): int(c.option[a]) for a in np.flatnonzero(chosen)}
    own = {i: int(c.cost[a]) for a in np.flatnonzero(chosen) for i in [int(c.person[a])]}

    def fits(assignment: dict[int, int]) -> bool:
        for k in range(len(c.capacity)):
            here = [i for i, o in assignment.items() if o == k]
            holdable = [i for i in here if DUE_TIERS[tier[i]] in ("later", "none")]
            if len(here) > c.capacity[k] or len(holdable) > c.capacity[k] - held[k]:
                return False
        return True

    found = set()
    for arc in range(c.size):
        a, o = int(c.person[arc]), int(c.option[arc])
        if chosen[arc] or (a in own and c.cost[arc] >= own[a]):
            continue
        for b in [i for i, k in where.items() if k == o and tier[i] > tier[a]]:
            after = {**where, a: o}
            del after[b]
            tries = [where[a]] if a in where else []
            tries += [k for i, k in sorted(arcs) if i == b]
            placed = next((k for k in tries if (b, k) in arcs and fits({**after, b: k})), None)
            alone = placed is None
            if alone and tier[b] < 3:
                continue  # the exchange would lower the number matched of move_now, overdue or soon
            found.add((a, o, b, alone))
    return found


@st.composite
def assignments(draw):
    """An optimal assignment, or any feasible one (a past run, or places taken since), with tiers
    (many alike, so ties are common) and places held back from tiers later and none."""
    c = draw(candidates())
    tier = np.array(draw(st.lists(st.integers(0, 4), min_size=len(c.penalty), max_size=len(c.penalty))))
    held = np.array(draw(st.lists(st.integers(0, 2), min_size=len(c.capacity), max_size=len(c.capacity))))
    c = replace(c, tier=tier, held=held * draw(st.booleans()))
    chosen = optimal_assignment(c).chosen
    if draw(st.booleans()):
        chosen = np.zeros(c.size, dtype=bool)
        taken, placed = np.zeros(len(c.capacity), dtype=int), set()
        for arc in draw(st.permutations(range(c.size))):
            i, o = int(c.person[arc]), int(c.option[arc])
            if i not in placed and taken[o] < c.capacity[o] and draw(st.booleans()):
                chosen[arc], taken[o] = True, taken[o] + 1
                placed.add(i)
    return c, chosen


def respects_holds(c, chosen) -> bool:
    holdable = HOLDABLE[c.tiers[c.person]] & chosen
    return bool(
        (np.bincount(c.option[holdable], minlength=len(c.capacity)) <= c.capacity - c.held_places).all()
    )


def held_case(arcs, chosen, capacity, held, tiers) -> tuple[Candidates, np.ndarray]:
    """A hand-made case: arcs as (young person, option, cost), the chosen ones by position."""
    person, option, cost = (np.array(column, np.int64) for column in zip(*arcs, strict=True))
    c = Candidates(
        person=person, option=option, cost=cost, parts={"links": cost},
        preference_rank=np.zeros(len(arcs), np.int64), penalty=np.full(len(tiers), 10),
        capacity=np.array(capacity), urgent=np.zeros(len(tiers), bool),
        tier=np.array(tiers), held=np.array(held),
    )  # fmt: skip
    return c, np.isin(np.arange(len(arcs)), chosen)


# Pinned: B (none) holds option 0 (2 places, 1 held) and A (move_now) wants it. A takes B's place
# and, A being one the hold does not count, B finds the other place there: not "no other place".
@example(held_case([(0, 0, 3), (1, 0, 3)], chosen=[1], capacity=[2], held=[1], tiers=[0, 4]))
# Pinned: A (later) leaves option 1, whose hold A filled; B (none) may then take it.
@example(
    held_case(
        [(0, 0, 0), (0, 1, 7), (1, 0, 3), (1, 1, 3)],
        chosen=[1, 2],
        capacity=[1, 2],
        held=[0, 1],
        tiers=[3, 4],
    )
)
@given(assignments())
def test_pass_overs_are_every_exchange_the_contract_names_and_no_other(case):
    c, chosen = case
    assume(respects_holds(c, chosen))

    found = pass_overs(c, chosen)

    rows = list(
        zip(
            found.young_person.tolist(), found.option.tolist(), found.holder.tolist(),
            found.no_other_place.tolist(), strict=True,
        )
    )  # fmt: skip
    assert len(rows) == len(set(rows))
    assert set(rows) == brute_force_pass_overs(c, chosen)


@given(assignments())
def test_the_rank_profile_counts_everyone_once(case):
    c, chosen = case
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
