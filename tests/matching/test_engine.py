"""The fast engine against the published problem solved as written (issue 20: same optimum)."""

import random
from dataclasses import replace

import numpy as np
import pytest

from matching import solve
from matching.flow import solve_flow
from matching.merge import merge, split
from seeds.instances import COUNTY, REGION, generate


def random_instance(k: int):
    """County geometry (everyone near everything) or regional (many small components), 5 to 600 people."""
    rng = random.Random(k)
    people = round(5 * 120 ** rng.random())
    if k % 2:
        size = replace(COUNTY, people=people, places=rng.randint(people // 2, 4 * people))
    else:
        size = replace(REGION, people=people, places=3 * people, towns=max(people // 5, 2))
    return generate(size, seed=k)


@pytest.mark.parametrize("k", range(100))
def test_the_engine_finds_the_published_optimum_of_a_hundred_random_instances_up_to_county_size(
    k, engine_path
):
    problem = random_instance(k)
    solution = solve(problem)
    plain = solve_flow(solution.candidates)  # the published arcs and penalties, premium and all
    assert (solution.status, plain.status) == ("optimal", "optimal")
    assert solution.objective == plain.objective
    c = solution.candidates
    assert solution.urgent_matched == int(c.urgent[c.person[plain.chosen]].sum())


def test_options_with_identical_arc_lists_share_a_node_and_split_back_by_their_places():
    # Options 0 and 2 are seen alike (young people 0 and 1 at costs 5 and 7); option 1 differs in a cost.
    person = np.array([0, 1, 0, 1, 0, 1])
    option = np.array([0, 0, 1, 1, 2, 2])
    cost = np.array([5, 7, 5, 8, 5, 7])
    capacity = np.array([1, 1, 2])
    m = merge(person, option, cost, capacity)
    assert m.member_of[0] == m.member_of[2] != m.member_of[1]
    assert m.capacity[m.member_of[0]] == 3
    assert sorted(option[m.arcs].tolist()) == [0, 0, 1, 1]  # the representative's arcs and option 1's
    placed = split(m, np.array([m.member_of[0]] * 3), capacity)
    assert sorted(placed.tolist()) == [0, 2, 2]
