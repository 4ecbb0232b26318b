"""Reference data: the districts and places, and the checks that names in a request refer to real ones."""

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.errors import FieldErrors, NotFound
from housing.models import District, Place


def districts(session: Session) -> list[District]:
    return list(session.scalars(select(District).order_by(District.slug)))


def district(session: Session, slug: str) -> District:
    """One council, or a 404 naming its slug."""
    found = session.get(District, slug)
    if found is None:
        raise NotFound(f"no district {slug}")
    return found


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
