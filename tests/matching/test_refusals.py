"""The unmatched reasons' counts (`matching/refusals.py`) equal every pair in reach asked about every
rule, whichever way each rule is counted: per kind of option, or pair by pair."""

import numpy as np
import pytest
from hypothesis import given

from matching import Problem, refusals
from matching.candidates import build
from matching.encode import encode
from matching.rules import RULES, failures
from matching.screening import within_reach
from tests.matching.strategies import problems


def every_pair_asked(problem: Problem) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    e = encode(problem)
    _, screened = build(e, problem.reach_km)
    people = np.arange(e.n_people)
    pairs = within_reach(e, screened.reach, people)
    broken = failures(e, pairs.person, pairs.option)
    expected = {
        code: np.bincount(pairs.person[(broken & (1 << bit)) != 0], minlength=e.n_people)
        for bit, (code, _) in enumerate(RULES)
    }
    return expected, refusals.refused(e, screened.reach, people)


@pytest.fixture(scope="module", params=["per kind of option", "pair by pair"])
def counted(request):
    saved = refusals.MAX_CELLS
    if request.param == "pair by pair":
        refusals.MAX_CELLS = 0
    yield request.param
    refusals.MAX_CELLS = saved


@given(problems())
def test_each_rule_counts_the_options_in_reach_it_refuses(counted, problem: Problem):
    expected, counted_so = every_pair_asked(problem)
    assert {code: c.tolist() for code, c in counted_so.items()} == {
        code: c.tolist() for code, c in expected.items()
    }
