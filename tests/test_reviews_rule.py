"""The pathway review rule: every six months, from 16, sooner on a change of placement."""

from datetime import date

from housing.reviews import ReviewStatus, review_due_on, review_status

BORN = date(2009, 8, 31)


def test_with_no_review_the_first_is_due_six_months_after_sixteen_with_the_day_clamped():
    assert review_due_on(BORN, None, None) == date(2026, 2, 28)


def test_a_review_makes_the_next_due_six_months_on():
    assert review_due_on(BORN, date(2026, 5, 10), None) == date(2026, 11, 10)


def test_a_placement_starting_after_the_last_review_makes_one_due_that_day():
    assert review_due_on(BORN, date(2026, 5, 10), date(2026, 7, 1)) == date(2026, 7, 1)


def test_a_placement_before_the_last_review_changes_nothing():
    assert review_due_on(BORN, date(2026, 5, 10), date(2026, 4, 1)) == date(2026, 11, 10)


def test_overdue_after_the_date_due_within_28_days_and_later_beyond():
    today = date(2026, 12, 7)
    assert review_status(date(2026, 12, 6), today) is ReviewStatus.OVERDUE
    assert review_status(date(2027, 1, 4), today) is ReviewStatus.DUE
    assert review_status(date(2027, 1, 5), today) is ReviewStatus.LATER
