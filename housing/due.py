"""What is due for a young person, and when: the rule every list, run and page orders by.

The post-18 pathway is due by 17½ while a young person is under 18 (scrutiny report 2.7), or
sooner if a move or custody release falls sooner; from 18 a move is due on its date, and an
18-year-old still without a pathway needs a home from their 18th birthday. An older adult settled
where they are has nothing due, so they no longer crowd out seventeen-year-olds weeks from 17½
(api-contract v1.1, "Due first").

What is due also has a tier (v1.2): a move that cannot wait (a placement ending, a notice, a carer
withdrawing, a release, within 28 days) comes before a pathway already overdue, which comes before
what falls due in the next 90 days. The tier, not the date alone, orders every list officers work from.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from housing.lifedates import ADULT_AGE, age_on, birthday, pathway_deadline
from housing.vocabulary import DueTier

URGENT_DAYS = 90  # due within this many days of as_of, or overdue: urgent
MOVE_NOW_DAYS = 28  # their own date within this many days (or past): a move that cannot wait
STALE_RELEASE_DAYS = 90  # a custody release further in the past than this no longer makes a move due


class DueKind(StrEnum):
    PATHWAY = "pathway"  # the post-18 pathway, due by 17½
    MOVE = "move"  # a move, release or 18th-birthday date


@dataclass(frozen=True)
class Due:
    on: date
    kind: DueKind


def their_date(as_of: date, move_date: date | None, custody_release_date: date | None) -> date | None:
    """The later of the move and release dates where either is set; a long-past release is ignored."""
    release = custody_release_date
    if release is not None and release < as_of - timedelta(days=STALE_RELEASE_DAYS):
        release = None
    dates = [d for d in (move_date, release) if d is not None]
    return max(dates) if dates else None


def due_on(
    as_of: date,
    date_of_birth: date,
    move_date: date | None = None,
    custody_release_date: date | None = None,
    *,
    settled: bool = False,
) -> Due | None:
    """The due date on `as_of`; `settled`: pathway agreed, or an active House Project member."""
    if settled:
        return None
    own = their_date(as_of, move_date, custody_release_date)
    if age_on(date_of_birth, as_of) < ADULT_AGE:
        deadline = pathway_deadline(date_of_birth)
        if own is not None and own < deadline:
            return Due(own, DueKind.MOVE)
        return Due(deadline, DueKind.PATHWAY)
    if own is not None:
        return Due(own, DueKind.MOVE)
    if age_on(date_of_birth, as_of) == ADULT_AGE:
        return Due(birthday(date_of_birth, ADULT_AGE), DueKind.MOVE)
    return None


def is_urgent(due: Due | None, as_of: date) -> bool:
    return due is not None and (due.on - as_of).days <= URGENT_DAYS


def tier_of(due: Due | None, own: date | None, as_of: date) -> DueTier:
    """The tier of what is due on `as_of`, first match wins; `own` is `their_date` on that day.

    A move or release date counts on its own even where the 17½ date is the one due: a placement
    ending next week cannot wait for a pathway that is due later (or was due long ago).
    """
    if due is None:
        return DueTier.NONE
    if own is not None and own <= as_of + timedelta(days=MOVE_NOW_DAYS):
        return DueTier.MOVE_NOW
    if due.on < as_of:
        return DueTier.OVERDUE
    return DueTier.SOON if due.on <= as_of + timedelta(days=URGENT_DAYS) else DueTier.LATER


def due_tier(
    as_of: date,
    date_of_birth: date,
    move_date: date | None = None,
    custody_release_date: date | None = None,
    *,
    settled: bool = False,
) -> DueTier:
    """The tier of a young person's due date on `as_of` (the arguments are `due_on`'s)."""
    found = due_on(as_of, date_of_birth, move_date, custody_release_date, settled=settled)
    return tier_of(found, their_date(as_of, move_date, custody_release_date), as_of)
