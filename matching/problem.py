"""What the matcher is given: plain frozen dataclasses, no database and no web framework."""

from dataclasses import dataclass, field
from datetime import date

# Register vacancies and the House Project lead to a tenancy: a settled status is needed.
SETTLED = frozenset({"not_applicable", "leave_granted"})
SUPPORTED_ROUTES = frozenset({"supported_lodgings", "supported_accommodation"})
TENANCY_ROUTES = frozenset({"register_vacancy", "house_project", "private_rented"})
SUPPORT_LEVELS = ("low", "medium", "high")


@dataclass(frozen=True)
class Link:
    """A local link the move should keep: where it is and how much it matters (1-3)."""

    kind: str
    place: str
    lat: float
    lon: float
    importance: int


@dataclass(frozen=True)
class Preference:
    """The young person's own ranked wish; each field given must match the option."""

    rank: int
    route: str | None = None
    place: str | None = None
    district: str | None = None


@dataclass(frozen=True)
class YoungPerson:
    id: str
    age: int  # whole years on the need date
    need_date: date
    pathway_deadline: date
    support_level: str
    step_free: bool = False
    wheelchair: bool = False
    children: int = 0
    uasc: bool = False
    immigration: str = "not_applicable"
    avoid_places: frozenset[str] = frozenset()
    avoid_districts: frozenset[str] = frozenset()
    links: tuple[Link, ...] = ()
    preferences: tuple[Preference, ...] = ()
    applied_districts: frozenset[str] = frozenset()  # active applications to district registers
    lives_in: str | None = None  # the option (supported place) they live in now: continuity


@dataclass(frozen=True)
class Option:
    id: str
    route: str
    place: str
    lat: float
    lon: float
    district: str | None  # None outside West Sussex
    remaining: int  # capacity less accepted placements
    available_from: date
    available_until: date | None
    min_age: int
    max_age: int
    support_levels: frozenset[str]
    step_free: bool = False
    wheelchair: bool = False
    bedrooms: int = 1
    accepts_children: bool = False
    young_person: str | None = None  # staying_put: whose former carer offers
    carer_willing: bool | None = None  # staying_put
    registered_16_17: bool | None = None  # supported routes
    uasc_specialist: bool | None = None  # supported_accommodation


@dataclass(frozen=True)
class Problem:
    as_of: date
    young_people: tuple[YoungPerson, ...]
    options: tuple[Option, ...]
    rejected: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # (young person, option)
    reach_km: float = 80.0
    urgent_days: int = 90  # deadline within this many days of as_of (or passed): urgent

    def is_urgent(self, person: YoungPerson) -> bool:
        return (person.pathway_deadline - self.as_of).days <= self.urgent_days
