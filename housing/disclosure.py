"""Counts of young people as a commissioner may see them: small ones hidden, and none worked out.

A count from 1 to 4 can point at a person (the one wheelchair-using parent near Selsey), so it is
shown as "<5" (api-contract v1.1, the `commissioner` role). A hidden count must not be recoverable
from the figures beside it: where a column's total is shown and its hidden cells could be solved
for, more cells are withheld ("*"), smallest first, until every hidden cell could take at least
two values. The reader is assumed to know this rule: a withheld cell is 0 or at least 5.
"""

SMALL, WITHHELD = "<5", "*"
HIDDEN_VALUES = range(1, 5)

Shown = int | str


def count(n: int) -> Shown:
    return SMALL if 1 <= n <= 4 else n


def column(values: list[int], total: int) -> tuple[list[Shown], Shown]:
    """A column of counts and its total: small counts hidden, and others withheld until none is pinned."""
    shown: list[Shown] = [count(v) for v in values]
    shown_total = count(total)
    if shown_total == SMALL:
        return shown, shown_total  # every cell is below 5 and the sum is hidden: nothing to solve
    while _pinned(shown, values, total):
        others = [i for i, s in enumerate(shown) if isinstance(s, int) and values[i] > 0]
        if not others:
            return shown, WITHHELD
        shown[min(others, key=lambda i: values[i])] = WITHHELD
    return shown, shown_total


def _pinned(shown: list[Shown], values: list[int], total: int) -> bool:
    """Whether the "<5" cells could take only one value, given the shown figures and the total.

    The k hidden cells (each 1-4) and the w withheld ones (each, at worst known to be, 5 or more)
    share what the shown cells leave of the total. Every hidden cell can take the same values.
    """
    k = sum(1 for s in shown if s == SMALL)
    if k == 0:
        return False
    w = sum(1 for s in shown if s == WITHHELD)
    rest = total - sum(v for v, s in zip(values, shown, strict=True) if isinstance(s, int))
    sums = [t for t in range(k, 4 * k + 1) if (t == rest if w == 0 else t <= rest - 5 * w)]
    one_cell = {v for t in sums for v in HIDDEN_VALUES if k - 1 <= t - v <= 4 * (k - 1)}
    return len(one_cell) < 2
