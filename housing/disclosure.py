"""Counts of young people as a commissioner may see them: small ones hidden, every other one rounded.

A count from 1 to 4 can point at a person (the one wheelchair-using parent near Selsey), so it is
shown as "<5" (api-contract v1.1, the `commissioner` role). Hiding small cells is not enough when
answers can be set side by side: two totals whose difference is small (urgent 46, urgent matched
43), a hidden cell beside its column's total, the same table a month apart, or a what-if with and
without one hypothetical option each give a small count away by subtraction. So every count a
commissioner sees, cells and totals alike, is also rounded to the nearest 5 (the ONS's rule for
published tables of people): any figure worked out from shown ones is then uncertain by more than
any small count, and a total is rounded on its own, never the sum of rounded cells. Rounding, not
secondary suppression, because suppression protects one table at a time: a second table with a
different pattern of withheld cells, or the difference of two tables (what-if's `change`), opens it
again, while a rounded figure stays rounded in every combination (README, "Sufficiency planning").
"""

SMALL, WITHHELD = "<5", "*"
BASE = 5

Shown = int | str


def count(n: int) -> Shown:
    """A small count hidden, others exact: where no other figure can be set beside it (outcomes)."""
    return SMALL if 1 <= n <= 4 else n


def rounded(n: int) -> Shown:
    """0 stays 0 (nothing to hide), 1-4 is "<5", anything else the nearest multiple of 5 (half up)."""
    if 1 <= n <= 4:
        return SMALL
    return BASE * ((n + BASE // 2) // BASE)


def column(values: list[int], total: int) -> tuple[list[Shown], Shown]:
    """A column of counts and its total, each rounded on its own (never the sum of rounded cells)."""
    return [rounded(v) for v in values], rounded(total)


def change(before: Shown, after: Shown) -> Shown:
    """A change between two shown counts, worked out from the shown figures only: never the exact
    difference (two true counts a small number apart would give that small number away)."""
    if isinstance(before, int) and isinstance(after, int):
        return after - before
    return WITHHELD


def bounded(n: int, bound: int) -> Shown:
    """A count no larger than an exact public figure (filled places beside places left): withheld
    where that figure is 1-4, since any non-zero count there is nearly pinned by it."""
    if 1 <= bound <= 4:
        return WITHHELD
    return rounded(n)
