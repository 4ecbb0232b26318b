"""Dates of a life: birthdays, the 17½ pathway deadline, ages and the need date.

Calendar months are added to the date of birth and the day clamped to the month's end, so a
young person born on 31 August reaches 17½ on the last day of February, and one born on
29 February has their birthday on 28 February in other years (api-contract, *Dates of a life*).
"""

import calendar
from datetime import date, timedelta

PATHWAY_DEADLINE_MONTHS = 17 * 12 + 6  # the pathway is to be agreed by 17½ (scrutiny report 2.7)
ADULT_AGE = 18


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def birthday(date_of_birth: date, age: int) -> date:
    return add_months(date_of_birth, 12 * age)


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years: the age changes on the (clamped) birthday itself."""
    years = day.year - date_of_birth.year
    return years if birthday(date_of_birth, years) <= day else years - 1


def pathway_deadline(date_of_birth: date) -> date:
    return add_months(date_of_birth, PATHWAY_DEADLINE_MONTHS)


def need_date(
    date_of_birth: date,
    as_of: date,
    move_date: date | None = None,
    custody_release_date: date | None = None,
) -> date:
    """When the young person needs the place: the planned move or 18th birthday, after custody."""
    needed = move_date or birthday(date_of_birth, ADULT_AGE)
    if custody_release_date and custody_release_date > needed:
        needed = custody_release_date
    return max(needed, as_of)


def latest_born_aged(years: int, day: date) -> date:
    """The latest date of birth of someone at least `years` old on `day` (a clamped birthday counts).

    An age on a day becomes a filter on date of birth, which the database can index.
    """
    candidate = birthday(day, -years)
    while birthday(candidate + timedelta(days=1), years) <= day:
        candidate += timedelta(days=1)
    while birthday(candidate, years) > day:
        candidate -= timedelta(days=1)
    return candidate


def born_after_for_deadline(deadline: date) -> date:
    """The earliest date of birth whose 17½ deadline falls on or after `deadline`.

    A list of deadlines before a day becomes a filter on date of birth, which the database can
    index. Clamping makes the deadline monotonic but not one-to-one, hence the correction.
    """
    candidate = add_months(deadline, -PATHWAY_DEADLINE_MONTHS)
    if pathway_deadline(candidate) < deadline:
        candidate = date.fromordinal(candidate.toordinal() + 1)
    return candidate
