"""Properties on random instances: rules kept, optimum exact, the urgent served first, same answer twice."""

import json
from datetime import timedelta

import numpy as np
from hypothesis import given
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow

from matching import Problem, Solution, profiles, solve
from matching.checker import allowed_pairs, check
from matching.encode import encode
from matching.rules import allowed, failures
from matching.snapshot import digest, from_data, to_data
from tests.matching import instances
from tests.matching.instances import AS_OF, link, option, person
from tests.matching.strategies import problems


def brute_force_objective(solution: Solution) -> int:
    """The least Σ cost + Σ penalty over every assignment of the published arcs, by enumeration."""
    c = solution.candidates
    n_people = len(c.penalty)
    arcs_of = [np.flatnonzero(c.person == i) for i in range(n_people)]
    room = c.capacity.copy()

    def best(i: int) -> int:
        if i == n_people:
            return 0
        result = int(c.penalty[i]) + best(i + 1)
        for arc in arcs_of[i]:
            k = c.option[arc]
            if room[k] > 0:
                room[k] -= 1
                result = min(result, int(c.cost[arc]) + best(i + 1))
                room[k] += 1
        return result

    return best(0)


def most_urgent_matchable(problem: Problem, solution: Solution) -> int:
    """A separate max-flow over the urgent young people's arcs alone: the most any assignment serves.

    Urgent is read from the problem itself (due on or before as_of + 90 days, overdue included).
    """
    c = solution.candidates
    n_people, n_options = len(c.penalty), len(c.capacity)
    urgent = np.array(
        [p.due_date is not None and p.due_date <= AS_OF + timedelta(days=90) for p in problem.young_people],
        dtype=bool,
    )
    assert urgent.tolist() == c.urgent.tolist()
    urgent_arcs = urgent[c.person]
    source, sink = n_people + n_options, n_people + n_options + 1
    rows = np.concatenate((np.full(n_people, source), c.person[urgent_arcs], n_people + np.arange(n_options)))
    cols = np.concatenate((np.arange(n_people), n_people + c.option[urgent_arcs], np.full(n_options, sink)))
    caps = np.concatenate((urgent.astype(np.int32), np.ones(urgent_arcs.sum(), np.int32), c.capacity))
    graph = csr_matrix((caps.astype(np.int32), (rows, cols)), shape=(sink + 1, sink + 1))
    return int(maximum_flow(graph, source, sink).flow_value)


@given(problems())
def test_every_solution_keeps_the_hard_rules_and_capacities_and_adds_up(engine_path, problem: Problem):
    solution = solve(problem)
    assert solution.status == "optimal"
    assert check(problem, solution) == []


@given(problems())
def test_the_arcs_are_exactly_the_pairs_the_rules_allow(problem: Problem):
    c = solve(problem).candidates
    arcs = {
        (problem.young_people[i].id, problem.options[k].id) for i, k in zip(c.person, c.option, strict=True)
    }
    assert len(arcs) == c.size
    assert arcs == allowed_pairs(problem)


@given(problems())
def test_the_objective_equals_brute_force(engine_path, problem: Problem):
    solution = solve(problem)
    assert solution.objective == brute_force_objective(solution)


@given(problems())
def test_as_many_urgent_young_people_are_matched_as_any_assignment_allows(engine_path, problem: Problem):
    solution = solve(problem)
    assert solution.urgent_matched == most_urgent_matchable(problem, solution)


@given(problems())
def test_the_same_problem_gives_the_same_answer(engine_path, problem: Problem):
    first, second = solve(problem), solve(problem)
    assert first.proposals == second.proposals
    assert first.unmatched == second.unmatched
    assert first.objective == second.objective


def test_an_urgent_young_person_takes_the_last_place_even_when_another_would_cost_less():
    """Due in 90 and 91 days: the penalties alone barely differ; the urgent premium decides."""
    urgent = person("urgent", due_date=AS_OF + timedelta(days=90), links=(link("Horsham"),))
    not_yet = person("not-yet", due_date=AS_OF + timedelta(days=91), links=(link("Crawley"),))
    instance = instances.problem([urgent, not_yet], [option(place="Crawley")])
    solution = solve(instance)

    assert [p.young_person for p in solution.proposals] == ["urgent"]
    urgent_cost, other_cost = solution.candidates.cost  # arcs in young-person order
    assert other_cost < urgent_cost
    assert check(instance, solution) == []


@given(problems())
def test_a_snapshot_round_trips_and_re_solves_to_the_same_proposals(problem: Problem):
    data = to_data(problem)
    again = from_data(json.loads(json.dumps(data)))
    assert again == problem
    assert digest(to_data(again)) == digest(data)
    assert solve(again).proposals == solve(problem).proposals


def test_a_snapshot_stored_before_bedrooms_and_due_dates_were_given_still_loads():
    data = to_data(instances.problem([person(children=1, bedrooms_needed=2)], [option()]))
    for young_person in data["young_people"]:
        del young_person["bedrooms_needed"], young_person["due_date"], young_person["due"]
    [again] = from_data(json.loads(json.dumps(data))).young_people
    assert (again.bedrooms_needed, again.due_date, again.due) == (1, None, None)  # the fields' defaults


@given(problems())
def test_the_profile_table_answers_every_pair_as_the_rules_asked_one_by_one(problem: Problem):
    e = encode(problem)
    i = np.repeat(np.arange(e.n_people), e.n_options)
    k = np.tile(np.arange(e.n_options), e.n_people)
    from_table, allowed_from_table = failures(e, i, k), allowed(e, i, k)
    saved, profiles.MAX_TABLE = profiles.MAX_TABLE, 0  # no table: every rule asked pair by pair
    try:
        assert failures(e, i, k).tolist() == from_table.tolist()
        assert allowed(e, i, k).tolist() == allowed_from_table.tolist()
    finally:
        profiles.MAX_TABLE = saved
