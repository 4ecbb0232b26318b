"""A young person's applications to the district registers as the API reads them; each read is a view
of their record, audited in the same transaction."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import found, transaction
from housing.models import Application, YoungPerson
from housing.services import audit


def listed(session: Session, actor: Actor, young_person_id: str) -> list[Application]:
    """Every application of the young person, the listing audited as a view of their record."""
    with transaction(session):
        found(session, YoungPerson, young_person_id, "young person")
        query = select(Application).where(Application.young_person_id == young_person_id)
        made = list(session.scalars(query.order_by(Application.applied_on, Application.id)))
        audit.record_views(session, actor, [young_person_id], "viewed applications")
    return made


def view(session: Session, actor: Actor, application_id: str) -> Application:
    """One application, as a retried create shows it again: a view of the young person's record."""
    with transaction(session):
        application = found(session, Application, application_id, "application")
        audit.record_views(
            session,
            actor,
            [application.young_person_id],
            f"viewed their application to {audit.council(session, application.district)}",
        )
    return application
