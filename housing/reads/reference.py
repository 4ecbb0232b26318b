"""Reference data: the districts and places as plain values, and the checks that names in a request refer
to real ones."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.errors import FieldErrors, NotFound
from housing.models import District, Place


@dataclass(frozen=True)
class Council:
    """A district or borough council and its own settings, as the pages and the API show them."""

    slug: str
    gss_code: str
    name: str
    bands: tuple[str, ...]  # highest priority first
    bedroom_standard: tuple[int, ...] | None
    larger_homes_allowed: bool
    yearly_commitment: int | None
    commitment_limits_matching: bool
    nomination_response_days: int | None

    @classmethod
    def of(cls, district: District) -> "Council":
        standard = district.bedroom_standard
        return cls(district.slug, district.gss_code, district.name, tuple(district.bands),
                   None if standard is None else tuple(standard), district.larger_homes_allowed,
                   district.yearly_commitment, district.commitment_limits_matching,
                   district.nomination_response_days)  # fmt: skip


@dataclass(frozen=True)
class Town:
    """A place options and links stand in; `district` is None outside West Sussex."""

    name: str
    district: str | None
    lat: float
    lon: float


def districts(session: Session) -> list[Council]:
    return [Council.of(d) for d in session.scalars(select(District).order_by(District.slug))]


def district(session: Session, slug: str) -> Council:
    """One council, or a 404 naming its slug."""
    found = session.get(District, slug)
    if found is None:
        raise NotFound(f"no district {slug}")
    return Council.of(found)


def places(session: Session) -> list[Town]:
    return [
        Town(*row)
        for row in session.execute(
            select(Place.name, Place.district, Place.lat, Place.lon).order_by(Place.name)
        )
    ]


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
