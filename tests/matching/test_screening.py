"""Screening: the rules are asked only about pairs that could pass, and no pair they allow is missed."""

from hypothesis import given

from matching.encode import ROUTE, encode
from matching.problem import Problem
from matching.reach import reachable_places
from matching.rules import allowed
from matching.screening import options_in_reach, within_reach, worth_asking
from matching.vocabulary import REGISTER_VACANCY, STAYING_PUT
from tests.matching.strategies import problems


@given(problems())
def test_the_pairs_asked_hold_every_pair_the_rules_allow_and_no_vacancy_or_offer_for_someone_else(
    problem: Problem,
):
    e = encode(problem)
    reach = reachable_places(e, problem.reach_km)
    everything, asked = within_reach(e, reach), worth_asking(e, reach)
    pairs = set(zip(asked.person.tolist(), asked.option.tolist(), strict=True))
    in_reach = set(zip(everything.person.tolist(), everything.option.tolist(), strict=True))
    kept = allowed(e, everything.person, everything.option)

    assert pairs <= in_reach
    assert set(zip(everything.person[kept].tolist(), everything.option[kept].tolist(), strict=True)) <= pairs
    for i, k in pairs:
        option = problem.options[k]
        if e.route[k] == ROUTE[REGISTER_VACANCY]:
            assert option.district in problem.young_people[i].applied_districts
        if e.route[k] == ROUTE[STAYING_PUT]:
            assert option.young_person == problem.young_people[i].id
    assert options_in_reach(e, reach).tolist() == [
        int((everything.person == i).sum()) for i in range(e.n_people)
    ]
