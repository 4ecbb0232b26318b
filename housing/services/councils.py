"""The settings each council keeps: how long it has to answer a nomination, and its allocation scheme."""

from typing import Any

from sqlalchemy.orm import Session

from housing import audit_words as words
from housing.actors import Actor
from housing.db import transaction
from housing.errors import Forbidden, NotFound
from housing.models import District
from housing.services import audit
from housing.vocabulary import Role


def set_response_time(session: Session, actor: Actor, slug: str, days: int | None) -> District:
    """Set (or clear, with None) the days a council has to answer a nomination before it lapses."""
    with transaction(session):
        district = _district(session, slug)
        before, district.nomination_response_days = district.nomination_response_days, days
        audit.record(session, actor, "update", None,
                     f"{district.name} council: nomination response time "
                     f"from {_days(before)} to {_days(days)}")  # fmt: skip
    return district


def _district(session: Session, slug: str) -> District:
    district = session.get(District, slug)
    if district is None:
        raise NotFound(f"no district {slug}")
    return district


def _days(days: int | None) -> str:
    return "none set" if days is None else f"{days} day{'s' if days != 1 else ''}"


# A council's scheme as the trail names it: the bedrooms it allows by household, and larger homes.
SCHEME_WORDS = {"bedroom_standard": "bedroom standard", "larger_homes_allowed": "larger homes allowed"}


def set_scheme(session: Session, actor: Actor, slug: str, changes: dict[str, Any]) -> District:
    """A council sets its own bedroom standard and whether it lets larger homes (BEDROOMS); audited."""
    with transaction(session):
        if actor.role is Role.DISTRICT_OFFICER and actor.district != slug:
            raise Forbidden("district officers set their own council's scheme only")
        district = session.get(District, slug)
        if district is None:
            raise NotFound(f"no district {slug!r}")
        said = [
            f"{SCHEME_WORDS.get(field, field)} from {words.value(before)} to {words.value(value)}"
            for field, value in changes.items()
            if (before := getattr(district, field)) != value
        ]
        for field, value in changes.items():
            setattr(district, field, value)
        audit.record(
            session,
            actor,
            "update",
            None,
            f"{district.name} council's allocation scheme: {'; '.join(said) or 'unchanged'}",
        )
    return district
