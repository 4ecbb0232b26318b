"""The county's settings for each council: how long it has to answer a nomination."""

from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import District
from housing.services import audit


def get(session: Session, slug: str) -> District:
    district = session.get(District, slug)
    if district is None:
        raise NotFound(f"no district {slug}")
    return district


def set_response_time(session: Session, actor: Actor, slug: str, days: int | None) -> District:
    """Set (or clear, with None) the days a council has to answer a nomination before it lapses."""
    with transaction(session):
        district = get(session, slug)
        before, district.nomination_response_days = district.nomination_response_days, days
        audit.record(session, actor, "update", None,
                     f"{district.name} council: nomination response time "
                     f"from {_days(before)} to {_days(days)}")  # fmt: skip
    return district


def _days(days: int | None) -> str:
    return "none set" if days is None else f"{days} day{'s' if days != 1 else ''}"
