"""A young person's applications to the district registers as the API reads them; each read is a view
of their record, audited in the same transaction."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import Application, YoungPerson
from housing.reads.record_values import Applied
from housing.services import audit

_COLUMNS = (
    Application.id,
    Application.district,
    Application.band,
    Application.applied_on,
    Application.status,
)


def listed(session: Session, actor: Actor, young_person_id: str) -> list[Applied]:
    """Every application of the young person, the listing audited as a view of their record."""
    with transaction(session):
        if session.scalar(select(YoungPerson.id).where(YoungPerson.id == young_person_id)) is None:
            raise NotFound(f"no young person with id {young_person_id}")
        query = select(*_COLUMNS).where(Application.young_person_id == young_person_id)
        made = [
            Applied(*row) for row in session.execute(query.order_by(Application.applied_on, Application.id))
        ]
        audit.record_views(session, actor, [young_person_id], "viewed applications")
    return made


def view(session: Session, actor: Actor, application_id: str) -> Applied:
    """One application, as a retried create shows it again: a view of the young person's record."""
    with transaction(session):
        row = session.execute(
            select(*_COLUMNS, Application.young_person_id).where(Application.id == application_id)
        ).first()
        if row is None:
            raise NotFound(f"no application with id {application_id}")
        audit.record_views(
            session,
            actor,
            [row.young_person_id],
            f"viewed their application to {audit.council(session, row.district)}",
        )
    return Applied(*row[: len(_COLUMNS)])
