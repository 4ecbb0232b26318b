"""Tiers of what is due served first (contract v1.2): constructed cases a reader can check by hand."""

from dataclasses import replace
from datetime import date, timedelta
from types import MappingProxyType

import numpy as np

from matching import solve
from matching.assignment import optimal_assignment
from matching.checker import check
from matching.fairness import pass_overs
from matching.problem import Hold
from matching.snapshot import to_data, with_plan
from tests.matching.instances import AS_OF, link, option, person, problem


def test_the_plain_cheapest_answer_passes_someone_over_and_the_run_does_not(engine_path):
    # A, due soon, lives near Horsham; B, due later, has strong links in Crawley. Crawley is nearer
    # for both, and cheapest overall if B has it: so the plain minimum-cost answer sends A to Worthing.
    a = person("a", due_date=AS_OF + timedelta(days=60), due_tier="soon", links=(link("Horsham", 1),))
    b = person("b", due_date=AS_OF + timedelta(days=200), due_tier="later", links=(link("Crawley", 3),))
    instance = problem([a, b], [option("crawley", "Crawley"), option("worthing", "Worthing")])

    run = solve(instance)
    c = run.candidates
    plain = optimal_assignment(c).chosen  # v1.1's single objective over the same arcs
    placed_plainly = {
        instance.young_people[c.person[k]].id: instance.options[c.option[k]].id for k in np.flatnonzero(plain)
    }

    assert placed_plainly == {"a": "worthing", "b": "crawley"}
    passed = pass_overs(c, plain)
    assert (passed.young_person.tolist(), passed.option.tolist(), passed.no_other_place.tolist()) == (
        [0],
        [0],
        [False],
    )
    assert {p.young_person: p.option for p in run.proposals} == {"a": "crawley", "b": "worthing"}
    assert run.proposals[0].explanation["due_tier"] == "soon"
    assert check(instance, run) == []


def test_a_place_held_for_someone_due_sooner_is_closed_to_tiers_later_and_none_and_their_reason_says_so(
    engine_path,
):
    later = person("later", due_date=AS_OF + timedelta(days=200), due_tier="later")
    instance = problem(
        [later],
        [option("held", "Crawley", remaining=1)],
        held_back=MappingProxyType({"held": Hold(1, date(2027, 3, 1))}),
    )

    run = solve(instance)

    assert run.proposals == []
    [unmatched] = run.unmatched
    assert {
        "code": "HELD",
        "count": 1,
        "detail": "held for someone due sooner, from March 2027",
    } in unmatched.reasons
    assert all(reason["code"] != "COMPETITION" for reason in unmatched.reasons)
    assert check(instance, run) == []


def test_a_held_place_still_goes_to_a_young_person_who_needs_to_move_now(engine_path):
    now = person("now", due_date=AS_OF + timedelta(days=5), due_tier="move_now")
    later = person("later", due_date=AS_OF + timedelta(days=200), due_tier="later")
    instance = problem(
        [later, now],
        [option("two", "Crawley", remaining=2)],
        held_back=MappingProxyType({"two": Hold(1, date(2027, 3, 1))}),
    )

    run = solve(instance)

    # One of the two places is held: the young person due later takes the other.
    assert sorted(p.young_person for p in run.proposals) == ["later", "now"]
    assert run.tier_matched["move_now"] == run.tier_matched["later"] == 1
    assert check(instance, run) == []


def test_the_checker_refuses_an_answer_that_leaves_a_tier_short_or_breaks_a_hold(engine_path):
    soon = person("soon", due_date=AS_OF + timedelta(days=60), due_tier="soon", links=(link("Horsham"),))
    later = person("later", due_date=AS_OF + timedelta(days=200), due_tier="later", links=(link("Crawley"),))
    instance = problem([soon, later], [option("crawley", "Crawley")])
    run = solve(instance)
    [proposal] = run.proposals
    assert proposal.young_person == "soon"

    swapped = run.__class__(
        **{**run.__dict__, "proposals": [proposal.__class__(**{**proposal.__dict__, "young_person": "later"})],
           "unmatched": [run.unmatched[0].__class__(**{**run.unmatched[0].__dict__, "young_person": "soon"})]}
    )  # fmt: skip
    problems = check(instance, swapped)

    assert "0 matched of tiers up to soon, where 1 can be" in problems


def test_among_answers_equal_on_the_tiers_the_run_keeps_the_plans_agreement_for_now(engine_path):
    # Both due later; Crawley is cheaper for B (links there), so the cheapest answer gives it to B.
    # The plan of the coming months agrees A there now (B can wait for a place it knows is coming):
    # the tiers cannot tell the two apart, so the run's last goal but one keeps the plan's choice.
    a = person("a", due_date=AS_OF + timedelta(days=200), due_tier="later", links=(link("Horsham", 1),))
    b = person("b", due_date=AS_OF + timedelta(days=250), due_tier="later", links=(link("Crawley", 3),))
    options = [option("crawley", "Crawley")]

    cheapest = solve(problem([a, b], options))
    planned = problem([replace(a, planned="crawley"), b], options, plan_made=True)
    run = solve(planned)

    assert {p.young_person: p.option for p in cheapest.proposals} == {"b": "crawley"}
    assert {p.young_person: p.option for p in run.proposals} == {"a": "crawley"}
    assert check(planned, run) == []
    assert with_plan(to_data(problem([a, b], options)), planned) == to_data(planned)


def test_the_checker_refuses_an_answer_that_drops_the_plans_agreement_when_it_could_keep_it(engine_path):
    a = person("a", due_date=AS_OF + timedelta(days=200), due_tier="later", links=(link("Horsham", 1),))
    b = person("b", due_date=AS_OF + timedelta(days=250), due_tier="later", links=(link("Crawley", 3),))
    options = [option("crawley", "Crawley")]
    cheapest = solve(problem([a, b], options))

    assert check(problem([replace(a, planned="crawley"), b], options, plan_made=True), cheapest) == [
        "a cheaper assignment exists under the tiers' order (a negative cycle of the residual graph)"
    ]


def test_a_run_with_no_one_and_nothing_is_proved_with_or_without_a_plan():
    for plan_made in (False, True):
        empty = problem(plan_made=plan_made)
        assert check(empty, solve(empty)) == []
