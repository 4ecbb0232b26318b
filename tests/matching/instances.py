"""Small matching problems for tests: a valid default for everything, so a test names what matters."""

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from matching import Link, Option, Preference, Problem, YoungPerson

AS_OF = date(2026, 11, 23)
TOWNS = {  # real West Sussex towns and two out of county
    "Crawley": (51.109, -0.187, "crawley"),
    "Horsham": (51.063, -0.327, "horsham"),
    "Worthing": (50.817, -0.372, "worthing"),
    "Chichester": (50.837, -0.780, "chichester"),
    "Bognor Regis": (50.783, -0.676, "arun"),
    "Brighton": (50.822, -0.137, None),
    "London": (51.507, -0.128, None),
    "Portsmouth": (50.805, -1.087, None),
}


def link(place: str = "Crawley", importance: int = 2, kind: str = "family") -> Link:
    lat, lon, _ = TOWNS[place]
    return Link(kind, place, lat, lon, importance)


def person(id: str = "yp1", **fields: Any) -> YoungPerson:
    """An 18-year-old whose move fell due 120 days ago, unless the test says otherwise."""
    base = YoungPerson(
        id=id,
        age=18,
        need_date=AS_OF + timedelta(days=60),
        pathway_deadline=AS_OF - timedelta(days=120),
        due_date=AS_OF - timedelta(days=120),
        due="move",
        support_level="medium",
        links=(link(),),
        applied_districts=frozenset({"crawley", "horsham", "worthing", "chichester", "arun"}),
    )
    return replace(base, **fields)


def option(id: str = "o1", place: str = "Crawley", **fields: Any) -> Option:
    lat, lon, district = TOWNS[place]
    base = Option(
        id=id,
        route="supported_accommodation",
        place=place,
        lat=lat,
        lon=lon,
        district=district,
        remaining=1,
        available_from=AS_OF,
        available_until=None,
        min_age=16,
        max_age=25,
        support_levels=frozenset({"low", "medium", "high"}),
        registered_16_17=True,
        uasc_specialist=False,
    )
    return replace(base, **fields)


def problem(people=(), options=(), **fields: Any) -> Problem:
    return Problem(as_of=AS_OF, young_people=tuple(people), options=tuple(options), **fields)


def preference(rank: int, **fields: Any) -> Preference:
    return Preference(rank=rank, **fields)
