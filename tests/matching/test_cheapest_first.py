"""Cheapest arcs first: the proof accepts only answers optimal over all arcs (it may refuse an
optimal one where the duals are degenerate: that costs a round, never the optimum)."""

from dataclasses import replace

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from matching.assignment import optimal_assignment
from matching.cheapest_first import first_arcs, improving_arcs
from matching.engine import solve_exact
from matching.solution import NONE_TIER, Candidates
from matching.tiered import solve_tiered
from matching.tiered_parts import FIRST_BY_TIER
from tests.matching.strategies import candidates


def restricted_optimum(c: Candidates, kept: np.ndarray) -> tuple[int, np.ndarray]:
    """An optimum over the kept arcs alone, and its arcs marked over all of c's."""
    arcs = np.flatnonzero(kept)
    sub = replace(
        c, person=c.person[arcs], option=c.option[arcs], cost=c.cost[arcs],
        parts={}, preference_rank=c.preference_rank[arcs],
    )  # fmt: skip
    answer = optimal_assignment(sub)
    chosen = np.zeros(c.size, bool)
    chosen[arcs[answer.chosen]] = True
    return answer.objective, chosen


@given(candidates(), st.integers(0, 3))
def test_the_proof_never_accepts_an_answer_worse_than_the_optimum_over_all_arcs(c: Candidates, k: int):
    kept = first_arcs(c, k)
    objective, chosen = restricted_optimum(c, kept)
    added = improving_arcs(c, kept, chosen)
    if objective > optimal_assignment(c).objective:
        assert len(added) > 0
    assert not kept[added].any()


@given(candidates())
def test_the_engine_finds_the_optimum_of_random_arcs_with_ties_and_full_options(engine_path, c: Candidates):
    c = replace(c, urgent=np.zeros(len(c.penalty), bool))  # no premium here, so no one is urgent
    flow = solve_exact(c)
    assert flow.objective == optimal_assignment(c).objective
    matched = np.bincount(c.person[flow.chosen], minlength=len(c.penalty))
    assert matched.max(initial=0) <= 1
    assert (np.bincount(c.option[flow.chosen], minlength=len(c.capacity)) <= c.capacity).all()


def test_a_young_person_crowded_out_of_their_two_cheapest_options_is_given_the_third(engine_path):
    # Three young people all prefer options 0 and 1 (one place each); only young person 2 can
    # use option 2, at a cost beyond everyone's two cheapest arcs.
    c = Candidates(
        person=np.array([0, 0, 1, 1, 2, 2, 2]), option=np.array([0, 1, 0, 1, 0, 1, 2]),
        cost=np.array([1, 2, 1, 2, 1, 2, 50]), parts={}, preference_rank=np.zeros(7, np.int64),
        penalty=np.array([1000, 1000, 1000]), capacity=np.array([1, 1, 1]), urgent=np.zeros(3, bool),
    )  # fmt: skip
    kept = first_arcs(c, 2)
    assert not kept[6]
    _, chosen = restricted_optimum(c, kept)

    assert improving_arcs(c, kept, chosen).tolist() == [6]
    flow = solve_exact(c)
    assert flow.objective == 1 + 2 + 50
    assert flow.chosen[6]


def test_someone_with_nothing_due_starts_from_one_arc_and_still_gets_their_second_when_crowded_out(
    engine_path,
):
    # Both have nothing due and want option 0 (one place); only young person 1 can use option 1.
    c = Candidates(
        person=np.array([0, 1, 1]), option=np.array([0, 0, 1]), cost=np.array([1, 1, 5]), parts={},
        preference_rank=np.zeros(3, np.int64), penalty=np.array([100, 100]), capacity=np.array([1, 1]),
        urgent=np.zeros(2, bool), tier=np.array([NONE_TIER, NONE_TIER]),
    )  # fmt: skip
    assert first_arcs(c, FIRST_BY_TIER[c.tiers]).tolist() == [True, True, False]

    flow = solve_tiered(c)

    assert flow.chosen.tolist() == [True, False, True]
    assert flow.objective == 1 + 5
