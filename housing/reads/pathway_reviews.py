"""Pathway reviews as the faces read them: a young person's next review and history, who is due or
overdue a review, and who the notifications job tells.

The rule is `housing.reviews`; this reads its three inputs (date of birth, the last review held,
the latest placement's start) for one young person or for everyone aged 16 to 25, in two narrow
queries; a view of a record is audited in the same transaction.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing import reviews
from housing.actors import Actor
from housing.db import found, transaction
from housing.lifedates import age_on
from housing.models import PathwayReview, Placement, YoungPerson
from housing.reads import review_columns
from housing.reads.due_columns import ByteOrder
from housing.reads.names import Person
from housing.reviews import ReviewStatus
from housing.services import audit
from housing.services.workers import allocated_officers

OLDEST = 25  # pathway plans (and their reviews) run to 25


@dataclass(frozen=True)
class Held:
    """A review held, as recorded."""

    id: str
    young_person_id: str
    reviewed_on: date
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class Reviews:
    young_person: Person
    next_due: date | None  # None under 16 or over 25: no pathway plan to review
    status: ReviewStatus | None
    history: list[Held]  # newest first


@dataclass(frozen=True)
class DueReview:
    young_person: Person
    next_due: date
    status: ReviewStatus


HELD = (PathwayReview.id, PathwayReview.young_person_id, PathwayReview.reviewed_on, PathwayReview.recorded_by,
        PathwayReview.recorded_at)  # fmt: skip


def reviews_of(session: Session, actor: Actor, young_person_id: str, today: date) -> Reviews:
    with transaction(session):
        person = found(session, YoungPerson, young_person_id, "young person")
        history = [
            Held(*row)
            for row in session.execute(
                select(*HELD)
                .where(PathwayReview.young_person_id == person.id)
                .order_by(PathwayReview.reviewed_on.desc(), PathwayReview.recorded_at.desc())
            )
        ]
        started = session.scalar(
            select(func.max(Placement.starts_on)).where(Placement.young_person_id == person.id)
        )
        audit.record_views(session, actor, [person.id], "viewed pathway reviews")
    due = _due(person.date_of_birth, history[0].reviewed_on if history else None, started, today)
    return Reviews(Person.of(person), due, reviews.review_status(due, today) if due else None, history)


def due_reviews(
    session: Session,
    actor: Actor,
    today: date,
    statuses: tuple[ReviewStatus, ...],
    *,
    page: int,
    page_size: int,
) -> tuple[list[DueReview], int, dict[ReviewStatus, int]]:
    """Everyone 16 to 25 whose review is in `statuses`, soonest due first, with the counts of each status;
    only the page shown is read, loaded and audited (the dates are the database's:
    `housing.reads.review_columns`)."""
    with transaction(session):
        due = review_columns.reviews_due(today, OLDEST)
        counts = dict.fromkeys(ReviewStatus, 0)
        for rank, count in session.execute(
            select(due.c.status_rank, func.count()).group_by(due.c.status_rank)
        ):
            counts[review_columns.STATUS_ORDER[rank]] = count
        wanted = [review_columns.STATUS_ORDER.index(status) for status in statuses]
        window = session.execute(
            select(due.c.id, due.c.due, due.c.status_rank)
            .where(due.c.status_rank.in_(wanted))
            .order_by(due.c.due, ByteOrder(due.c.reference), due.c.id)
            .limit(page_size)
            .offset((page - 1) * page_size)
        ).all()
        people = {
            row.id: Person(*row)
            for row in session.execute(
                select(*Person.COLUMNS).where(YoungPerson.id.in_([w.id for w in window]))
            )
        }
        audit.record_views(session, actor, [w.id for w in window], "reviews due")
    shown = [DueReview(people[w.id], w.due, review_columns.STATUS_ORDER[w.status_rank]) for w in window]
    return shown, sum(counts[status] for status in set(statuses)), counts


def _due(born: date, last: date | None, started: date | None, today: date) -> date | None:
    if not reviews.PATHWAY_FROM_AGE <= age_on(born, today) <= OLDEST:
        return None
    return reviews.review_due_on(born, last, started)


def review_due_notices(session: Session, today: date) -> list[tuple[str, str | None, date, ReviewStatus]]:
    """For the `review_due` notification (contract v1.2), to be sent by the notifications job: each
    young person whose review is due or overdue, with their allocated officer's user id (None: no one
    allocated, so the daily digest), the date and the status. Reads only; nothing is shown or audited."""
    with transaction(session):
        last = dict(
            session.execute(
                select(PathwayReview.young_person_id, func.max(PathwayReview.reviewed_on)).group_by(
                    PathwayReview.young_person_id
                )
            ).all()
        )
        started = dict(
            session.execute(
                select(Placement.young_person_id, func.max(Placement.starts_on)).group_by(
                    Placement.young_person_id
                )
            ).all()
        )
        officers = allocated_officers(session)
        found = []
        for person_id, born in session.execute(select(YoungPerson.id, YoungPerson.date_of_birth)):
            due = _due(born, last.get(person_id), started.get(person_id), today)
            if due is not None and (status := reviews.review_status(due, today)) is not ReviewStatus.LATER:
                found.append((person_id, officers.get(person_id), due, status))
    return sorted(found, key=lambda item: (item[2], item[0]))
