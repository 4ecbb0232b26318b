"""The due rule (api-contract v1.1, "Due first") and its tiers (v1.2), case by case and on boundary days."""

from datetime import date, timedelta

import pytest

from housing.due import Due, DueKind, due_on, due_tier, is_urgent, tier_of
from housing.vocabulary import DueTier

AS_OF = date(2026, 6, 1)


def test_under_18_the_pathway_is_due_by_17_and_a_half() -> None:
    assert due_on(AS_OF, date(2009, 3, 10)) == Due(date(2026, 9, 10), DueKind.PATHWAY)


def test_under_18_a_move_before_17_and_a_half_falls_due_first() -> None:
    assert due_on(AS_OF, date(2009, 3, 10), move_date=date(2026, 7, 1)) == Due(date(2026, 7, 1), DueKind.MOVE)


def test_under_18_a_move_after_17_and_a_half_leaves_the_pathway_due() -> None:
    due = due_on(AS_OF, date(2009, 3, 10), move_date=date(2027, 1, 1))
    assert due == Due(date(2026, 9, 10), DueKind.PATHWAY)


def test_the_later_of_move_and_release_is_their_date() -> None:
    due = due_on(AS_OF, date(2004, 1, 1), move_date=date(2026, 7, 1), custody_release_date=date(2026, 8, 1))
    assert due == Due(date(2026, 8, 1), DueKind.MOVE)


def test_a_release_more_than_90_days_past_is_ignored() -> None:
    assert due_on(AS_OF, date(2004, 1, 1), custody_release_date=date(2026, 3, 2)) is None
    recent = due_on(AS_OF, date(2004, 1, 1), custody_release_date=date(2026, 3, 3))
    assert recent == Due(date(2026, 3, 3), DueKind.MOVE)


def test_an_18_year_old_without_a_date_is_due_from_their_18th_birthday() -> None:
    assert due_on(AS_OF, date(2008, 2, 29)) == Due(date(2026, 2, 28), DueKind.MOVE)


def test_from_19_with_no_date_nothing_is_due() -> None:
    assert due_on(AS_OF, date(2007, 6, 1)) is None  # 19 on as_of itself
    assert due_on(AS_OF, date(2007, 6, 2)) == Due(date(2025, 6, 2), DueKind.MOVE)  # still 18


def test_the_18th_birthday_is_the_boundary_between_pathway_and_move() -> None:
    assert due_on(AS_OF, date(2008, 6, 2)).kind == DueKind.PATHWAY  # 17 on as_of
    assert due_on(AS_OF, date(2008, 6, 1)) == Due(AS_OF, DueKind.MOVE)  # 18 today


def test_an_adult_with_a_move_date_is_due_on_it() -> None:
    assert due_on(AS_OF, date(2001, 1, 1), move_date=date(2026, 12, 1)) == Due(
        date(2026, 12, 1), DueKind.MOVE
    )


def test_nothing_is_due_once_settled() -> None:
    assert due_on(AS_OF, date(2009, 3, 10), settled=True) is None


@pytest.mark.parametrize(("days", "urgent"), [(-400, True), (0, True), (90, True), (91, False)])
def test_urgent_means_due_within_90_days_or_overdue(days: int, urgent: bool) -> None:
    due = Due(date.fromordinal(AS_OF.toordinal() + days), DueKind.MOVE)
    assert is_urgent(due, AS_OF) is urgent
    assert is_urgent(None, AS_OF) is False


def days(n: int) -> date:
    return AS_OF + timedelta(days=n)


@pytest.mark.parametrize(
    ("move_in", "tier"),
    [(-30, DueTier.MOVE_NOW), (0, DueTier.MOVE_NOW), (28, DueTier.MOVE_NOW), (29, DueTier.SOON)],
)
def test_a_move_is_a_move_now_up_to_28_days_ahead_on_the_day(move_in: int, tier: DueTier) -> None:
    assert due_tier(AS_OF, date(2001, 1, 1), move_date=days(move_in)) == tier


def test_a_release_within_28_days_is_a_move_now_and_a_day_later_is_due_soon() -> None:
    assert due_tier(AS_OF, date(2003, 1, 1), custody_release_date=days(28)) == DueTier.MOVE_NOW
    assert due_tier(AS_OF, date(2003, 1, 1), custody_release_date=days(29)) == DueTier.SOON


@pytest.mark.parametrize(
    ("due_in", "tier"), [(-1, DueTier.OVERDUE), (0, DueTier.SOON), (90, DueTier.SOON), (91, DueTier.LATER)]
)
def test_a_pathway_is_overdue_before_today_soon_to_90_days_and_later_after(
    due_in: int, tier: DueTier
) -> None:
    assert tier_of(Due(days(due_in), DueKind.PATHWAY), None, AS_OF) == tier


def test_a_17_year_olds_pathway_is_soon_90_days_ahead_and_later_91_days_ahead() -> None:
    born = date(2009, 3, 10)  # 17½ on 10 September 2026
    ninety_before = date(2026, 9, 10) - timedelta(days=90)
    assert due_tier(ninety_before, born) == DueTier.SOON
    assert due_tier(ninety_before - timedelta(days=1), born) == DueTier.LATER


def test_a_move_soon_wins_over_an_overdue_pathway() -> None:
    # 17 and a half passed in March; a placement ends next week: the move cannot wait.
    assert due_on(AS_OF, date(2008, 9, 10)).on < AS_OF
    assert due_tier(AS_OF, date(2008, 9, 10), move_date=days(7)) == DueTier.MOVE_NOW
    assert due_tier(AS_OF, date(2008, 9, 10)) == DueTier.OVERDUE


def test_an_18_year_old_with_no_move_date_is_overdue_from_their_18th_birthday() -> None:
    assert due_tier(AS_OF, date(2008, 3, 3)) == DueTier.OVERDUE
    assert due_tier(AS_OF, date(2008, 6, 1)) == DueTier.SOON  # 18 today: due today, not yet overdue


def test_nothing_due_is_tier_none() -> None:
    assert due_tier(AS_OF, date(2009, 3, 10), move_date=days(3), settled=True) == DueTier.NONE
    assert due_tier(AS_OF, date(2001, 1, 1)) == DueTier.NONE
