"""The store's named rules."""

from datetime import date

import pytest

from housing import rules


@pytest.mark.parametrize(("children", "bedrooms"), [(0, 1), (1, 2), (2, 2), (3, 3), (5, 3)])
def test_bedrooms_needed_follows_the_number_of_children(children, bedrooms):
    assert rules.bedrooms_needed(children) == bedrooms


def test_a_date_of_birth_must_be_past_and_within_the_services_ages():
    today = date(2026, 11, 23)
    assert rules.date_of_birth_problem(date(2009, 1, 1), today) is None
    assert rules.date_of_birth_problem(date(2001, 11, 24), today) is None  # 24, a day short of 25
    assert rules.date_of_birth_problem(date(2000, 11, 23), today) is not None  # 26 today
    assert rules.date_of_birth_problem(date(2026, 11, 24), today) == "must not be in the future"


def test_matching_scope_is_16_to_25():
    as_of = date(2026, 11, 23)
    assert not rules.in_matching_scope(date(2010, 11, 24), as_of)  # 15
    assert rules.in_matching_scope(date(2010, 11, 23), as_of)  # 16 today
    assert rules.in_matching_scope(date(2000, 11, 24), as_of)  # 25
    assert not rules.in_matching_scope(date(2000, 11, 23), as_of)  # 26 today
