"""The base problem and its what-if variants: the run's penalties kept, full options' arcs kept at 0."""

from dataclasses import replace

import numpy as np
from hypothesis import given, settings

from matching import Problem, published
from matching.assignment import optimal_assignment
from matching.planning import base, gain, what_if
from matching.shadow_prices import capacity_values
from tests.matching.instances import option, person, problem
from tests.matching.strategies import problems


def arcs(c, option_index) -> set[tuple[int, int]]:
    mine = c.option == option_index
    return set(zip(c.person[mine].tolist(), c.cost[mine].tolist(), strict=True))


@settings(max_examples=60)
@given(problems())
def test_the_base_problem_is_the_runs_with_full_options_arcs_at_capacity_zero(p: Problem):
    run = published(p)
    planned = base(p)
    opened = published(
        replace(p, options=tuple(replace(o, remaining=max(o.remaining, 1)) for o in p.options))
    )

    assert np.array_equal(planned.candidates.penalty, run.penalty)
    assert optimal_assignment(planned.candidates).objective == optimal_assignment(run).objective
    for k, o in enumerate(p.options):
        assert arcs(planned.candidates, k) == arcs(opened if o.remaining <= 0 else run, k)
        assert planned.candidates.capacity[k] == max(o.remaining, 0)


def test_an_added_option_brings_its_own_arcs_and_leaves_the_penalties_alone():
    p = problem(people=[person("a"), person("b")], options=[option("o1", remaining=1)])
    planned = base(p)
    added = option("new", place="Crawley", remaining=2)

    after = what_if(planned, {0: -1}, [added])

    assert np.array_equal(after.candidates.penalty, planned.candidates.penalty)
    assert after.candidates.capacity.tolist() == [0, 2]
    assert arcs(after.candidates, 1) == arcs(published(replace(p, options=(added,))), 0)
    assert optimal_assignment(after.candidates).objective < optimal_assignment(planned.candidates).objective


def test_the_gain_of_one_more_place_names_the_young_person_it_would_house():
    p = problem(people=[person("a"), person("b")], options=[option("o1", remaining=1)])
    planned = base(p)
    assignment = optimal_assignment(planned.candidates)
    values = capacity_values(planned.candidates, assignment.chosen)

    found = gain(planned, assignment, values, 0)

    housed = {int(i) for i in planned.candidates.person[~assignment.chosen]}
    assert found.housed in housed
    assert found.urgent
    assert found.moves == 0
