"""When each young person's pathway review is next due, and its status, as SQL columns.

`housing.reviews` is the rule (six months after the last review, or after 16 with none; sooner if
a placement began since; "due" within 28 days). Lists of reviews due, and the counts on the home
page, need it for everyone aged 16 to 25: as columns the database counts, sorts and returns one
page, where Python read every young person and ran the rule for each;
`tests/test_review_and_suitability_columns.py` proves both agree on each backend.
"""

from datetime import date, timedelta

from sqlalchemy import ColumnElement, Date, Subquery, and_, case, func, or_, select, type_coerce

from housing.lifedates import latest_born_aged
from housing.models import PathwayReview, Placement, YoungPerson
from housing.reads.due_columns import AddMonths
from housing.reviews import DUE_SOON_DAYS, PATHWAY_FROM_AGE, REVIEW_MONTHS, ReviewStatus

STATUS_ORDER = list(ReviewStatus)


def reviews_due(today: date, oldest: int) -> Subquery:
    """Everyone aged `PATHWAY_FROM_AGE` to `oldest` today: id, reference, next review date, status rank."""
    last = (
        select(PathwayReview.young_person_id.label("id"), func.max(PathwayReview.reviewed_on).label("on"))
        .group_by(PathwayReview.young_person_id)
        .subquery()
    )
    started = (
        select(Placement.young_person_id.label("id"), func.max(Placement.starts_on).label("on"))
        .group_by(Placement.young_person_id)
        .subquery()
    )
    from_16 = AddMonths(AddMonths(YoungPerson.date_of_birth, 12 * PATHWAY_FROM_AGE), REVIEW_MONTHS)
    regular = type_coerce(
        case((last.c.on.is_not(None), AddMonths(last.c.on, REVIEW_MONTHS)), else_=from_16), Date
    )
    placement_since = and_(started.c.on.is_not(None), or_(last.c.on.is_(None), started.c.on > last.c.on))
    due: ColumnElement = type_coerce(
        case((and_(placement_since, started.c.on < regular), started.c.on), else_=regular), Date
    )
    return (
        select(
            YoungPerson.id,
            YoungPerson.reference,
            due.label("due"),
            status_rank(due, today).label("status_rank"),
        )
        .outerjoin(last, last.c.id == YoungPerson.id)
        .outerjoin(started, started.c.id == YoungPerson.id)
        .where(
            YoungPerson.date_of_birth <= latest_born_aged(PATHWAY_FROM_AGE, today),
            YoungPerson.date_of_birth > latest_born_aged(oldest + 1, today),
        )
        .subquery()
    )


def status_rank(due: ColumnElement, today: date) -> ColumnElement[int]:
    """`housing.reviews.review_status` as a rank in `STATUS_ORDER`."""
    return case(
        (due < today, STATUS_ORDER.index(ReviewStatus.OVERDUE)),
        (due <= today + timedelta(days=DUE_SOON_DAYS), STATUS_ORDER.index(ReviewStatus.DUE)),
        else_=STATUS_ORDER.index(ReviewStatus.LATER),
    )
