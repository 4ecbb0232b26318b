"""The "apply to" advice for the unmatched (`housing/unmatched_advice.py`) is what asking every pair
in reach about every rule gives: the districts of the register vacancies that fail APPLIED alone,
however the young people × vacancies are screened (in one table or a row at a time)."""

from dataclasses import replace

import pytest
from hypothesis import given, settings

from housing import unmatched_advice
from matching import Problem
from matching.candidates import build
from matching.encode import encode
from matching.rules import RULES, failures
from matching.screening import within_reach
from tests.matching.strategies import problems

APPLIED_ONLY = 1 << [code for code, _ in RULES].index("APPLIED")


def every_pair_asked(problem: Problem) -> dict[str, list[str]]:
    e = encode(problem)
    _, screened = build(e, problem.reach_km)
    pairs = within_reach(e, screened.reach)
    alone = failures(e, pairs.person, pairs.option) == APPLIED_ONLY
    found: dict[str, set[str]] = {}
    for i, k in zip(pairs.person[alone].tolist(), pairs.option[alone].tolist(), strict=True):
        if problem.options[k].district:
            found.setdefault(problem.young_people[i].id, set()).add(problem.options[k].district)
    return {person: sorted(districts) for person, districts in found.items()}


@pytest.fixture(scope="module", params=["in one table", "a row at a time"])
def screened(request):
    saved = unmatched_advice.CELLS
    if request.param == "a row at a time":
        unmatched_advice.CELLS = 1
    yield request.param
    unmatched_advice.CELLS = saved


@settings(max_examples=60)  # each example builds its problem's arcs to ask every pair
@given(problems())
def test_the_advice_is_every_vacancy_in_reach_that_only_a_missing_application_rules_out(
    screened, problem: Problem
):
    everyone = [p.id for p in problem.young_people]
    some = [p.id for p in problem.young_people[::2]]

    assert unmatched_advice.districts_to_apply(problem, everyone) == every_pair_asked(problem)
    # Asked for some of them, the advice is theirs alone (the page asks for one page at a time).
    assert unmatched_advice.districts_to_apply(problem, some) == every_pair_asked(
        replace(problem, young_people=problem.young_people[::2])
    )
