"""Recording a pathway review held, with its audit entry, in one transaction (`housing.reads.pathway_reviews`
reads them)."""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from housing import audit_words as words
from housing import reviews
from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Invalid
from housing.lifedates import birthday
from housing.models import PathwayReview, YoungPerson
from housing.services import audit


def record(
    session: Session, actor: Actor, young_person_id: str, data: dict[str, Any], today: date
) -> PathwayReview:
    """A review held on `reviewed_on` (today or before, and not before their 16th birthday)."""
    with transaction(session):
        person = found(session, YoungPerson, young_person_id, "young person")
        held = data["reviewed_on"]
        if held > today:
            raise Invalid.field("reviewed_on", "must not be in the future")
        if held < birthday(person.date_of_birth, reviews.PATHWAY_FROM_AGE):
            raise Invalid.field(
                "reviewed_on", "must not be before their 16th birthday, when a pathway plan begins"
            )
        review = PathwayReview(
            young_person_id=person.id,
            reviewed_on=held,
            recorded_by=actor.email,
            recorded_at=datetime.now(UTC),
        )
        session.add(review)
        session.flush()
        audit.record(
            session,
            actor,
            "review",
            person.id,
            f"recorded a pathway review held on {words.day(review.reviewed_on)}",
        )
    return review
