"""What one more place is worth, checked against re-solves: exact for one more, a floor for one fewer."""

from dataclasses import replace

import numpy as np
from hypothesis import given, settings

from matching import Problem, published
from matching.assignment import optimal_assignment
from matching.shadow_prices import NotOptimal, capacity_values
from matching.solution import Candidates
from seeds.instances import COUNTY, generate
from tests.matching.strategies import candidates, problems


def optimum_with(c: Candidates, option: int, places: int) -> int:
    capacity = c.capacity.copy()
    capacity[option] += places
    return optimal_assignment(replace(c, capacity=capacity)).objective


def assert_values_match_re_solves(c: Candidates, options=None) -> np.ndarray:
    before = optimal_assignment(c)
    values = capacity_values(c, before.chosen).value
    for k in range(len(c.capacity)) if options is None else options:
        assert before.objective - optimum_with(c, k, 1) == values[k], f"one more place in option {k}"
        if c.capacity[k] > 0:
            assert optimum_with(c, k, -1) - before.objective >= values[k], f"one place fewer in option {k}"
    return values


@given(candidates())
def test_one_more_place_lowers_the_optimum_by_exactly_its_value_on_random_arcs(c: Candidates):
    assert_values_match_re_solves(c)


@settings(max_examples=60)  # each example builds, solves and explains its problem
@given(problems())
def test_one_more_place_lowers_the_optimum_by_exactly_its_value_on_random_matching_problems(problem: Problem):
    assert_values_match_re_solves(published(problem))


def test_values_on_the_seeded_county_match_re_solves_for_the_valuable_and_a_sample_of_the_rest():
    c = published(generate(COUNTY))
    values = capacity_values(c, optimal_assignment(c).chosen).value
    valuable = np.flatnonzero(values > 0)
    assert len(valuable) > 0
    # Every distinct value once, and a spread of options worth nothing: one re-solve each.
    _, first = np.unique(values[valuable], return_index=True)
    sample = [*valuable[first][:6].tolist(), *np.flatnonzero(values == 0)[::700].tolist()]
    assert_values_match_re_solves(c, sample)


def test_an_assignment_that_is_not_optimal_is_refused():
    c = Candidates(
        person=np.array([0, 0]), option=np.array([0, 1]), cost=np.array([10, 1]), parts={},
        preference_rank=np.zeros(2, dtype=np.int64), penalty=np.array([100]), capacity=np.array([1, 1]),
        urgent=np.array([False]),
    )  # fmt: skip
    try:
        capacity_values(c, np.array([True, False]))
    except NotOptimal:
        return
    raise AssertionError("a non-optimal assignment was priced")


def test_a_full_option_that_would_house_an_unmatched_young_person_is_worth_their_penalty_less_the_arc():
    c = Candidates(
        person=np.array([0, 1]), option=np.array([0, 0]), cost=np.array([5, 8]), parts={},
        preference_rank=np.zeros(2, dtype=np.int64), penalty=np.array([100, 50]), capacity=np.array([1]),
        urgent=np.array([False, False]),
    )  # fmt: skip

    result = capacity_values(c, optimal_assignment(c).chosen)

    assert result.value.tolist() == [50 - 8]
    assert c.person[result.via[0]] == 1


def test_a_chain_of_moves_through_every_option_is_priced_not_refused():
    # Optimal: 0 in option 1, 1 in option 0, 2 unmatched. The cheapest path to option 1 runs through
    # option 0 and back (house 2 in 0, move 1 to 1): as many steps as there are options.
    c = Candidates(
        person=np.array([0, 0, 1, 1, 2]), option=np.array([0, 1, 0, 1, 0]), cost=np.full(5, -5),
        parts={}, preference_rank=np.zeros(5, dtype=np.int64), penalty=np.zeros(3, dtype=np.int64),
        capacity=np.array([1, 1]), urgent=np.zeros(3, bool),
    )  # fmt: skip

    assert capacity_values(c, np.array([False, True, True, False, False])).value.tolist() == [5, 5]
