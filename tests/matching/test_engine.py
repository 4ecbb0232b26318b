"""The engine against the same tiered problem solved plainly (the bench's baseline): the same goals."""

import random
from dataclasses import replace

import numpy as np
import pytest

from bench.baselines import plain_tiered
from matching import solve
from matching.merge import merge, split
from matching.tiered import goal_values
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
def test_the_engine_reaches_the_goals_of_a_plain_solve_on_a_hundred_random_instances_up_to_county_size(
    k, engine_path
):
    problem = random_instance(k)
    solution = solve(problem)
    c = solution.candidates
    _, plain = plain_tiered(c)  # every published arc, one plain solve per goal
    assert solution.status == "optimal"
    assert goal_values(c, chosen_arcs(problem, solution)) == plain


def chosen_arcs(problem, solution) -> np.ndarray:
    c = solution.candidates
    index = {
        (problem.young_people[i].id, problem.options[k].id): a
        for a, (i, k) in enumerate(zip(c.person, c.option, strict=True))
    }
    chosen = np.zeros(c.size, bool)
    chosen[[index[p.young_person, p.option] for p in solution.proposals]] = True
    return chosen


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
