"""The matcher's own hard rules asked of one pair, for use cases that enrol outside a run."""

import numpy as np

from matching.encode import encode
from matching.problem import Problem
from matching.rules import RULES


def broken(problem: Problem, codes: tuple[str, ...]) -> list[str]:
    """Which of `codes` the problem's first young person and first option break, as a run would judge."""
    e = encode(problem)
    one = np.zeros(1, dtype=np.int64)
    return [code for code, rule in RULES if code in codes and not rule(e, one, one)[0]]
