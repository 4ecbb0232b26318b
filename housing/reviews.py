"""The named rule of pathway reviews: when a young person's housing review is next due.

Pathway plans are reviewed at least every six months and on a change of placement (domain.md,
"Reviews and sign-off"; Children (Leaving Care) regulations). A pathway plan begins at 16, so with
no review recorded the first is due six months after the 16th birthday; a placement starting after
the last review makes a review due on the day it starts. "Review due" is within 28 days.
"""

from datetime import date, timedelta
from enum import StrEnum

from housing.lifedates import add_months, birthday

REVIEW_MONTHS = 6  # at least every six months
DUE_SOON_DAYS = 28  # "review due" this close to the date
PATHWAY_FROM_AGE = 16  # a pathway plan begins at 16


class ReviewStatus(StrEnum):
    OVERDUE = "overdue"  # the date has passed
    DUE = "due"  # within DUE_SOON_DAYS
    LATER = "later"


def review_due_on(date_of_birth: date, last_review: date | None, placement_started: date | None) -> date:
    """Six months after the last review (or after 16, with none); sooner if a placement began since."""
    due = add_months(last_review or birthday(date_of_birth, PATHWAY_FROM_AGE), REVIEW_MONTHS)
    if placement_started is not None and (last_review is None or placement_started > last_review):
        due = min(due, placement_started)
    return due


def review_status(due: date, today: date) -> ReviewStatus:
    if due < today:
        return ReviewStatus.OVERDUE
    return ReviewStatus.DUE if due <= today + timedelta(days=DUE_SOON_DAYS) else ReviewStatus.LATER
