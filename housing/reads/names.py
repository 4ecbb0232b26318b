"""The names a page puts beside an id: councils by slug, options by id, young people by reference.

Every face shows "Crawley" for `crawley` and "Flat 2, Horsham" for an option's id; reading them here
once keeps the pages free of queries and the names the same on every page.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import lifedates
from housing.db import found
from housing.errors import NotFound
from housing.models import District, Option, Place, YoungPerson
from housing.vocabulary import Route


@dataclass(frozen=True)
class Person:
    """A young person as a list or a heading names them, with a link to their record."""

    id: str
    reference: str
    given_name: str
    family_name: str
    date_of_birth: date

    # The columns to select for one, in order: `Person(*row)`.
    COLUMNS: ClassVar = (YoungPerson.id, YoungPerson.reference, YoungPerson.given_name,
                         YoungPerson.family_name, YoungPerson.date_of_birth)  # fmt: skip

    @classmethod
    def of(cls, person: YoungPerson) -> "Person":
        return cls(person.id, person.reference, person.given_name, person.family_name, person.date_of_birth)


def district_names(session: Session) -> dict[str, str]:
    """Each council's name by its slug (`crawley` → `Crawley`)."""
    return dict(session.execute(select(District.slug, District.name).order_by(District.slug)).all())


def district_bands(session: Session, slug: str) -> list[str]:
    """The priority bands a council's register uses, for its applicants' filters."""
    district = session.get(District, slug)
    if district is None:
        raise NotFound(f"no district {slug}")
    return list(district.bands)


@dataclass(frozen=True)
class NamedOption:
    """An option as a page names it beside a proposal, a nomination or a move (`web.words.option_name`),
    with the rent a proposal's explanation states: read, never changed through it."""

    id: str
    route: Route
    name: str
    place: str
    district: str | None
    available_from: date
    monthly_rent: int | None
    rental_market_area: str | None

    # The columns to select for one, in order: `NamedOption(*row)`.
    COLUMNS: ClassVar = (Option.id, Option.route, Option.name, Option.place, Option.district,
                         Option.available_from, Option.monthly_rent, Option.rental_market_area)  # fmt: skip


def options_by_id(session: Session, ids: Iterable[str | None]) -> dict[str, NamedOption]:
    """The options with these ids, by id (unknown and missing ids left out), in one narrow query."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(*NamedOption.COLUMNS).where(Option.id.in_(wanted)))
    return {row[0]: NamedOption(*row) for row in rows}


def option_by_id(session: Session, option_id: str) -> Option:
    return found(session, Option, option_id, "option")


def young_person_id(session: Session, reference: str) -> str | None:
    """The id of the young person with this case reference, if any (not a view: nothing is shown)."""
    return session.scalar(select(YoungPerson.id).where(YoungPerson.reference == reference))


def references(session: Session, ids: Iterable[str]) -> dict[str, str]:
    """Case references by young person id: what a page names them by where names are not shown."""
    named = select(YoungPerson.id, YoungPerson.reference).where(YoungPerson.id.in_(set(ids)))
    return dict(session.execute(named).all())


def first_town(session: Session, slug: str) -> str:
    """A council's first town by name (the example row of its vacancy file), or "" if it has none."""
    return session.scalar(select(Place.name).where(Place.district == slug).order_by(Place.name)) or ""


def named_person(person: YoungPerson, today: date) -> dict[str, Any]:
    """A young person as a list row names them: reference, given and family name, age, support level."""
    return {
        "reference": person.reference,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "age": lifedates.age_on(person.date_of_birth, today),
        "support_level": person.support_level,
    }
