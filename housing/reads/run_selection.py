"""Whom a run from the pages covers: everyone in scope, or those matching the officer's filters."""

from datetime import date

from sqlalchemy.orm import Session

from housing.due import Due, due_on, is_urgent
from housing.reads import matching_input
from housing.reads.matching_input import InScope


def selected(
    session: Session, as_of: date, *, home_district: str | None, status: str | None, due_soon: bool
) -> list[str]:
    """The ids of the young people in scope on `as_of` matching every filter given."""
    return [
        person.id
        for person in matching_input.in_scope(session, as_of, None)
        if (home_district is None or person.home_district == home_district)
        and (status is None or person.pathway_status == status)
        and (not due_soon or is_urgent(_due(person, as_of), as_of))
    ]


def _due(person: InScope, as_of: date) -> Due | None:
    return due_on(as_of, person.date_of_birth, person.move_date, person.custody_release_date)
