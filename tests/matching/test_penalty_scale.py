"""A part of a problem solved alone (proposals kept current) keeps the whole problem's penalties,
so its objective over the young people it covers is the whole problem's over them."""

from dataclasses import replace

import matching
from matching import solve
from matching.checker import check
from matching.snapshot import from_data, to_data
from tests.matching.instances import link, option, person, problem

# Two parts sharing no arc: Worthing's two young people compete for one place; Crawley's one has
# links in Horsham, so the dearest arc of the whole problem is theirs.
WORTHING = [person("w1", links=(link("Worthing"),)), person("w2", links=(link("Worthing"),))]
CRAWLEY = [person("c1", links=(link("Horsham", importance=3),))]
WHOLE = problem(
    WORTHING + CRAWLEY,
    [option("ow", "Worthing", remaining=1), option("oc", "Crawley", remaining=1)],
    reach_km=30,
)


def _cost_over(solution: matching.Solution, people: set[str]) -> int:
    chosen = {p.young_person: p.cost for p in solution.proposals}
    penalty = {u.young_person: u.penalty for u in solution.unmatched}
    return sum(chosen.get(p, penalty.get(p, 0)) for p in people)


def _worthing(scale: matching.PenaltyScale | None) -> matching.Problem:
    return replace(WHOLE, young_people=tuple(WORTHING), penalty_scale=scale)


def test_a_part_with_the_whole_problems_scale_costs_its_people_what_the_whole_does():
    whole = solve(WHOLE)
    part = _worthing(matching.penalty_scale(matching.published(WHOLE)))
    solved = solve(part)

    assert solved.objective == _cost_over(whole, {"w1", "w2"})
    assert check(part, solved) == []


def test_a_part_left_to_its_own_scale_prices_the_unmatched_otherwise():
    whole = solve(WHOLE)
    assert solve(_worthing(None)).objective != _cost_over(whole, {"w1", "w2"})


def test_a_stored_part_re_solves_with_the_scale_it_was_given():
    part = _worthing(matching.penalty_scale(matching.published(WHOLE)))
    assert from_data(to_data(part)) == part
    assert solve(from_data(to_data(part))).objective == solve(part).objective
