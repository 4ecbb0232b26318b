"""Small counts for a commissioner: hidden as "<5", and never recoverable from the figures beside them."""

from itertools import product

from hypothesis import given
from hypothesis import strategies as st

from housing.disclosure import SMALL, WITHHELD, column, count


def test_counts_from_one_to_four_are_hidden_and_others_shown():
    assert [count(n) for n in (0, 1, 4, 5, 12)] == [0, SMALL, SMALL, 5, 12]


def test_one_hidden_count_beside_a_shown_total_takes_another_cell_with_it():
    assert column([3, 10, 20], 33) == ([SMALL, WITHHELD, 20], 33)


def possible_values(cells: list, total: int) -> list[set[int]]:
    """Every value each hidden cell could take, given the shown cells and total (brute force)."""
    hidden = [n for n, cell in enumerate(cells) if not isinstance(cell, int)]
    rest = total - sum(cell for cell in cells if isinstance(cell, int))
    ranges = [range(1, 5) if cells[n] == SMALL else range(5, rest + 1) for n in hidden]
    seen: list[set[int]] = [set() for _ in hidden]
    for guess in product(*ranges):
        if sum(guess) == rest:
            for n, value in enumerate(guess):
                seen[n].add(value)
    return [values for n, values in zip(hidden, seen, strict=True) if cells[n] == SMALL]


@given(st.lists(st.sampled_from([0, 1, 2, 3, 4, 5, 6, 9, 14]), min_size=1, max_size=6))
def test_no_hidden_count_can_be_worked_out_from_a_column_and_its_total(values):
    cells, total = column(values, sum(values))

    assert [c for c, v in zip(cells, values, strict=True) if isinstance(c, int)] == [
        v for c, v in zip(cells, values, strict=True) if isinstance(c, int)
    ]
    assert all(c == SMALL for c, v in zip(cells, values, strict=True) if 1 <= v <= 4)
    if isinstance(total, int):
        assert all(len(values_of) >= 2 for values_of in possible_values(cells, total))
