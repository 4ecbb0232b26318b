"""Counts for a commissioner: small ones hidden as "<5", every other rounded to 5, so no sum or
difference of shown figures gives a small count away."""

from hypothesis import given
from hypothesis import strategies as st

from housing.disclosure import SMALL, WITHHELD, bounded, change, column, count, rounded


def test_counts_from_one_to_four_are_hidden_and_others_shown_where_nothing_sits_beside_them():
    assert [count(n) for n in (0, 1, 4, 5, 12)] == [0, SMALL, SMALL, 5, 12]


def test_every_other_count_is_rounded_to_the_nearest_five():
    assert [rounded(n) for n in (0, 1, 4, 5, 7, 8, 12, 43, 46)] == [0, SMALL, SMALL, 5, 5, 10, 10, 45, 45]


def test_the_issues_two_totals_no_longer_differ_by_a_small_count():
    """Urgent 46 beside urgent matched 43 told that exactly 3 urgent young people were unmatched."""
    assert rounded(46) == rounded(43)


def test_a_column_and_its_total_are_rounded_each_on_its_own():
    assert column([3, 10, 20], 33) == ([SMALL, 10, 20], 35)


def test_a_change_is_worked_out_from_the_shown_counts_never_the_exact_one():
    assert change(rounded(12), rounded(13)) == 5  # what the shown counts say, not 1
    assert change(rounded(11), rounded(12)) == 0
    assert change(SMALL, 5) == WITHHELD


def test_a_count_beside_one_to_four_places_left_is_withheld():
    assert [bounded(1, 1), bounded(0, 4), bounded(0, 0), bounded(3, 5), bounded(9, 12)] == [
        WITHHELD, WITHHELD, 0, SMALL, 10,
    ]  # fmt: skip


@given(st.integers(min_value=0, max_value=10_000))
def test_a_shown_count_is_within_two_of_the_true_one_and_never_a_small_exact_count(n):
    shown = rounded(n)
    if 1 <= n <= 4:
        assert shown == SMALL
    else:
        assert shown % 5 == 0
        assert abs(shown - n) <= 2
        assert shown == 0 or shown >= 5


@given(st.integers(min_value=5, max_value=500), st.integers(min_value=1, max_value=4))
def test_two_rounded_counts_a_small_number_apart_never_show_that_number(n, small):
    """Differencing: whatever two counts a commissioner sets side by side, their shown difference is
    a multiple of 5, never the small count between them."""
    difference = rounded(n + small) - rounded(n)
    assert difference % 5 == 0
    assert difference != small
