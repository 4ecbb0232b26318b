"""Properties on random instances: rules kept, the goals of each tier exact, holds kept, same answer twice."""

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
from matching.snapshot import canonical, digest, from_data, to_data
from matching.tier_graph import goal_values
from matching.tiered import solve_tiered
from matching.vocabulary import DUE_TIERS
from tests.matching import instances
from tests.matching.instances import AS_OF, link, option, person
from tests.matching.strategies import problems, tiered_candidates


def brute_force_goals(c) -> tuple[int, ...]:
    """The least goals, in the order a run ranks them (contract v1.2, the departures from the plan before
    the rest), over every assignment of the published arcs that keeps capacities and holds, by
    enumeration; computed here from the arrays. A council's limit is the last entry of `limit` for
    options with none (group -1): more than anyone could take."""
    n_people = len(c.penalty)
    tier, held, base = c.tiers.tolist(), c.held_places.tolist(), c.base_penalty.tolist()
    arcs_of = [
        [(int(c.option[a]), int(c.cost[a]), int(c.plan_costs[a])) for a in np.flatnonzero(c.person == i)]
        for i in range(n_people)
    ]
    room = c.capacity.tolist()
    open_to_later = [r - h for r, h in zip(room, held, strict=True)]
    group = c.cap_groups.tolist()
    limit = (c.cap_limit.tolist() if c.cap_limit is not None else []) + [len(group) + len(tier)]
    best = None

    def walk(i: int, left: list[int], costs: list[int], plan: int, rest: int) -> None:
        nonlocal best
        if i == n_people:
            goals = (*left, *costs, plan, rest)
            best = goals if best is None or goals < best else best
            return
        t = tier[i]
        walk(i + 1, [n + (k == t) for k, n in enumerate(left)], costs, plan, rest + base[i])
        holdable = DUE_TIERS[t] in ("later", "none")
        for k, cost, departs in arcs_of[i]:
            if room[k] > 0 and (not holdable or open_to_later[k] > 0) and limit[group[k]] > 0:
                room[k] -= 1
                open_to_later[k] -= holdable
                limit[group[k]] -= 1
                walk(
                    i + 1,
                    left,
                    [x + cost * (j == t) for j, x in enumerate(costs)],
                    plan + departs,
                    rest + cost,
                )
                room[k] += 1
                open_to_later[k] += holdable
                limit[group[k]] += 1

    walk(0, [0, 0, 0, 0], [0, 0, 0], 0, 0)
    return best


def chosen_of(problem: Problem, solution: Solution) -> np.ndarray:
    c = solution.candidates
    ids = [
        (problem.young_people[i].id, problem.options[k].id) for i, k in zip(c.person, c.option, strict=True)
    ]
    proposed = {(p.young_person, p.option) for p in solution.proposals}
    return np.array([pair in proposed for pair in ids], dtype=bool)


def most_matched_of_tiers(problem: Problem, solution: Solution, tiers: set[str]) -> int:
    """A separate max flow (scipy) from the young people of `tiers` alone, holds included."""
    c = solution.candidates
    n_people, n_options = len(c.penalty), len(c.capacity)
    mine = np.array([p.due_tier in tiers for p in problem.young_people], dtype=bool)
    holdable = np.array([p.due_tier in ("later", "none") for p in problem.young_people], dtype=bool)
    held = np.array(
        [problem.held_back[o.id].places if o.id in problem.held_back else 0 for o in problem.options]
    )
    arcs = mine[c.person]
    # Nodes: source, people, options, each option's part open to tiers later and none, each council's
    # limit (`Problem.district_caps`, stated afresh here), sink.
    districts = sorted(problem.district_caps)
    group = np.array([
        districts.index(o.district) if o.route == "register_vacancy" and o.district in districts else -1
        for o in problem.options
    ], np.int64)  # fmt: skip
    first_limit = 1 + n_people + 2 * n_options
    source, sink = 0, first_limit + len(districts)
    option_node = 1 + n_people + c.option[arcs]
    open_node = option_node + n_options
    rows = np.concatenate((
        np.zeros(n_people, np.int64), 1 + c.person[arcs], 1 + n_people + n_options + np.arange(n_options),
        1 + n_people + np.arange(n_options), first_limit + np.arange(len(districts)),
    ))  # fmt: skip
    cols = np.concatenate((
        1 + np.arange(n_people), np.where(holdable[c.person[arcs]], open_node, option_node),
        1 + n_people + np.arange(n_options), np.where(group >= 0, first_limit + group, sink),
        np.full(len(districts), sink),
    ))  # fmt: skip
    caps = np.concatenate((
        mine.astype(np.int32), np.ones(arcs.sum(), np.int32), np.maximum(c.capacity - held, 0),
        c.capacity, [max(problem.district_caps[d], 0) for d in districts],
    )).astype(np.int32)  # fmt: skip
    graph = csr_matrix((caps, (rows, cols)), shape=(sink + 1, sink + 1))
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
def test_the_goals_equal_brute_force(engine_path, problem: Problem):
    solution = solve(problem)
    assert goal_values(solution.candidates, chosen_of(problem, solution)) == brute_force_goals(
        solution.candidates
    )


@given(tiered_candidates())
def test_the_goals_equal_brute_force_on_arcs_with_many_ties_and_holds(engine_path, c):
    flow = solve_tiered(c)
    assert flow.status == "optimal"
    assert goal_values(c, flow.chosen) == brute_force_goals(c)


@given(problems())
def test_each_tier_has_as_many_matched_as_any_assignment_allows_after_the_tiers_before(engine_path, problem):
    solution = solve(problem)
    for t in range(4):
        tiers = set(DUE_TIERS[: t + 1])
        matched = sum(solution.tier_matched[tier] for tier in tiers)
        assert matched == most_matched_of_tiers(problem, solution, tiers), tiers


@given(problems())
def test_the_same_problem_gives_the_same_answer(engine_path, problem: Problem):
    first, second = solve(problem), solve(problem)
    assert first.proposals == second.proposals
    assert first.unmatched == second.unmatched
    assert first.objective == second.objective


def test_a_young_person_due_soon_takes_the_last_place_even_when_one_due_later_would_cost_less():
    """Due in 90 and 91 days: the penalties alone barely differ; the tiers decide."""
    urgent = person("urgent", due_date=AS_OF + timedelta(days=90), due_tier="soon", links=(link("Horsham"),))
    not_yet = person(
        "not-yet", due_date=AS_OF + timedelta(days=91), due_tier="later", links=(link("Crawley"),)
    )
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
    assert digest(data, {"options": canonical(data["options"])}) == digest(data)  # as a run takes it
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
