"""Reference data reads, and the checks that names in a request refer to real places and districts."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing.actors import Actor
from housing.db import transaction
from housing.errors import FieldErrors, Forbidden, NotFound
from housing.models import District, Place
from housing.services import audit
from housing.vocabulary import Role


def districts(session: Session) -> list[District]:
    return list(session.scalars(select(District).order_by(District.slug)))


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


def places(session: Session) -> list[Place]:
    return list(session.scalars(select(Place).order_by(Place.name)))


def places_by_name(session: Session) -> dict[str, Place]:
    return {p.name: p for p in session.scalars(select(Place))}


def places_in(session: Session, slug: str) -> set[str]:
    """The names of the places in one district."""
    return set(session.scalars(select(Place.name).where(Place.district == slug)))


def district_of_places(session: Session) -> dict[str, str | None]:
    """Each known place's district slug (None out of county): the one place-to-district lookup."""
    return dict(session.execute(select(Place.name, Place.district)).all())


class Names:
    """The known place names and district slugs, loaded once per use case."""

    def __init__(self, session: Session) -> None:
        self.places = district_of_places(session)
        self.districts = {d.slug: d for d in session.scalars(select(District))}

    def check_place(self, errors: FieldErrors, path: tuple[str | int, ...], name: str | None) -> None:
        if name is not None and name not in self.places:
            errors.add(path, f"unknown place {name!r}; see GET /api/v1/places")

    def check_district(self, errors: FieldErrors, path: tuple[str | int, ...], slug: str | None) -> None:
        if slug is not None and slug not in self.districts:
            errors.add(path, f"unknown district {slug!r}; see GET /api/v1/districts")

    def check_places(self, errors: FieldErrors, path: tuple[str | int, ...], names: Iterable[str]) -> None:
        for i, name in enumerate(names):
            self.check_place(errors, (*path, i), name)

    def check_districts(self, errors: FieldErrors, path: tuple[str | int, ...], slugs: Iterable[str]) -> None:
        for i, slug in enumerate(slugs):
            self.check_district(errors, (*path, i), slug)
