"""The sparse assignment: the published optimum for problems it serves, and no answer where it cannot
be exact."""

from dataclasses import replace

import numpy as np
from hypothesis import given

from matching import published, sparse_assignment
from matching.assignment import optimal_assignment
from matching.flow import solve_flow
from matching.solution import Candidates
from seeds.instances import COUNTY, generate
from tests.matching.strategies import candidates


def objective(c: Candidates, chosen: np.ndarray) -> int:
    matched = np.zeros(len(c.penalty), bool)
    matched[c.person[chosen]] = True
    return int(c.cost[chosen].sum()) + int(c.penalty[~matched].sum())


def test_the_county_is_solved_as_an_assignment_at_the_published_optimum():
    c = published(generate(replace(COUNTY, people=200, places=600)))
    chosen = sparse_assignment.solve(c)
    assert chosen is not None
    assert objective(c, chosen) == solve_flow(c).objective
    assert np.bincount(c.person[chosen], minlength=len(c.penalty)).max() <= 1


@given(candidates())
def test_options_with_several_places_and_full_ones_are_assigned_within_their_places(c: Candidates):
    chosen = sparse_assignment.solve(c)
    assert chosen is not None
    assert objective(c, chosen) == optimal_assignment(c).objective
    assert (np.bincount(c.option[chosen], minlength=len(c.capacity)) <= c.capacity).all()


def test_penalties_too_large_for_exact_floating_point_leave_the_problem_to_the_flow():
    c = Candidates(
        person=np.array([0, 1]), option=np.array([0, 0]), cost=np.array([5, 7]), parts={},
        preference_rank=np.zeros(2, np.int64), penalty=np.array([2**51, 10]), capacity=np.array([1]),
        urgent=np.zeros(2, bool),
    )  # fmt: skip
    assert not sparse_assignment.fits(c)
    assert sparse_assignment.solve(c) is None


def test_more_young_people_than_it_serves_leave_the_problem_to_the_flow(monkeypatch):
    c = published(generate(replace(COUNTY, people=50, places=100)))
    monkeypatch.setattr(sparse_assignment, "MAX_PEOPLE", 49)
    assert sparse_assignment.solve(c) is None
