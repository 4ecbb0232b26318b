"""Dates of a life: the 17½ deadline, birthdays, ages and the need date."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from housing import lifedates


@pytest.mark.parametrize(
    ("born", "deadline"),
    [
        (date(2009, 8, 31), date(2027, 2, 28)),  # the contract's example: the day is clamped
        (date(2008, 8, 31), date(2026, 2, 28)),
        (date(2010, 8, 31), date(2028, 2, 29)),  # a leap year keeps the 29th
        (date(2009, 3, 15), date(2026, 9, 15)),
        (date(2008, 2, 29), date(2025, 8, 29)),
    ],
)
def test_the_pathway_deadline_is_the_day_they_turn_seventeen_and_a_half(born, deadline):
    assert lifedates.pathway_deadline(born) == deadline


def test_someone_born_on_29_february_has_their_birthday_on_28_february_in_other_years():
    born = date(2008, 2, 29)
    assert lifedates.birthday(born, 18) == date(2026, 2, 28)
    assert lifedates.age_on(born, date(2026, 2, 27)) == 17
    assert lifedates.age_on(born, date(2026, 2, 28)) == 18
    assert lifedates.birthday(born, 16) == date(2024, 2, 29)


def test_ages_are_whole_years_changing_on_the_birthday():
    born = date(2008, 11, 23)
    assert lifedates.age_on(born, date(2026, 11, 22)) == 17
    assert lifedates.age_on(born, date(2026, 11, 23)) == 18


def test_the_need_date_is_the_move_date_or_18th_birthday_after_custody_and_never_past():
    born = date(2009, 6, 1)
    as_of = date(2026, 11, 23)
    assert lifedates.need_date(born, as_of) == date(2027, 6, 1)
    assert lifedates.need_date(born, as_of, move_date=date(2027, 1, 10)) == date(2027, 1, 10)
    assert lifedates.need_date(born, as_of, custody_release_date=date(2027, 9, 1)) == date(2027, 9, 1)
    assert lifedates.need_date(born, as_of, custody_release_date=date(2027, 1, 1)) == date(2027, 6, 1)
    assert lifedates.need_date(date(2005, 1, 1), as_of) == as_of


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_the_deadline_filter_boundary_splits_births_exactly(day):
    boundary = lifedates.born_after_for_deadline(day)
    assert lifedates.pathway_deadline(boundary) >= day
    assert lifedates.pathway_deadline(boundary - timedelta(days=1)) < day
