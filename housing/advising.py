"""The named rules of who works a case: when a personal adviser is due, and how many each may carry.

Ofsted (ILACS 2024) found most personal advisers start work "not long before their 18th birthday"
and caseloads too high; the county's self-assessment plans an adviser at 16–16½ and caseloads of at
most 23 (25 today) as staff are recruited. Both are settings, not laws: the cap is the app's
`ADVISER_CASELOAD_CAP`, defaulting to the county's 23.
"""

import calendar
from datetime import date

from housing.lifedates import add_months, age_on

ADVISER_FROM_MONTHS = 16 * 12 + 6  # an adviser by 16½ (the county's self-assessment)
BY_17_MONTHS = 17 * 12  # the county's second measure: an adviser by 17
DEFAULT_CASELOAD_CAP = 23  # the county's target (25 today)
OLDEST = 25  # care leavers keep the right to an adviser up to 25


def adviser_due_on(date_of_birth: date) -> date:
    """The day a young person should have a personal adviser: their 16½ date (months added, day clamped)."""
    return add_months(date_of_birth, ADVISER_FROM_MONTHS)


def end_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def needs_adviser(date_of_birth: date, as_of: date, has_adviser: bool) -> bool:
    """In scope for a proposal: no current adviser, 16½ by the end of `as_of`'s month, and not over 25.

    A month's 16½s are proposed together, so a run on the first of the month covers all of them.
    """
    return (
        not has_adviser
        and adviser_due_on(date_of_birth) <= end_of_month(as_of)
        and age_on(date_of_birth, as_of) <= OLDEST
    )


def room(caseload: int, cap: int) -> int:
    """Places an adviser may still take under the cap; never below zero (25 today against 23)."""
    return max(cap - caseload, 0)
