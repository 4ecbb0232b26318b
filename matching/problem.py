"""What the matcher is given: plain frozen dataclasses, no database and no web framework."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType


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
    pathway_deadline: date  # the day they turn 17½
    support_level: str
    step_free: bool = False
    wheelchair: bool = False
    children: int = 0
    bedrooms_needed: int = 1  # for them and their children: the service's rule, given as data
    uasc: bool = False
    immigration: str = "not_applicable"
    avoid_places: frozenset[str] = frozenset()
    avoid_districts: frozenset[str] = frozenset()
    links: tuple[Link, ...] = ()
    preferences: tuple[Preference, ...] = ()
    applied_districts: frozenset[str] = frozenset()  # active applications to district registers
    due_date: date | None = None  # what is due and when (api-contract v1.1, "Due first"); None: nothing
    due: str | None = None  # "pathway" (by 17½) | "move" (a move, release or 18th-birthday date)
    lives_in: str | None = None  # the option (supported place) they live in now: continuity
    due_tier: str = "none"  # one of vocabulary.DUE_TIERS, computed by the service (contract v1.2)
    # The option the run's plan of the coming months agrees for them now (None: the plan has them
    # wait, or the run makes no plan): the run's last goal but one keeps as many of these as the
    # tiers allow (contract v1.2, "then the rest of the objective (the plan of the coming months)").
    planned: str | None = None


@dataclass(frozen=True)
class Site:
    """A place where an option's homes may be found (a House Project cohort's, in its districts)."""

    place: str
    lat: float
    lon: float


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
    # Where its homes may be, when they are not at `place`: a House Project cohort finds each
    # member's home in its districts, not at its hub. The links' part of an arc's cost (and the
    # distances an explanation gives) is then measured from the site that keeps them best; every
    # hard rule (REACH and AVOID included) still judges `place` and `district`.
    sites: tuple[Site, ...] = ()
    # register_vacancy: the district's bedroom standard (BEDROOMS), bedrooms for a household with
    # 0, 1, 2, 3 or more children; () keeps the young person's own `bedrooms_needed`. A larger home
    # only where the scheme allows it. The defaults leave a run stored before the rule unchanged.
    scheme_bedrooms: tuple[int, ...] = ()
    larger_homes_allowed: bool = True


@dataclass(frozen=True)
class Hold:
    """Places of an option's remaining that young people of tier `later` or `none` may not take in
    this run: the plan of the coming months keeps them for someone due sooner, from `from_month`."""

    places: int
    from_month: date


@dataclass(frozen=True)
class PenaltyScale:
    """The two figures a problem's penalties take from everyone in it (`penalties.py`): `floor`, one
    more than the dearest arc, under every penalty of someone with something due; and `premium`, v1.1's
    BIG for the urgent. A problem narrowed from a wider one keeps the wider one's, so its penalties,
    and so its objective over the young people it keeps, are the wider problem's."""

    floor: int
    premium: int


@dataclass(frozen=True)
class Problem:
    as_of: date
    young_people: tuple[YoungPerson, ...]
    options: tuple[Option, ...]
    rejected: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # (young person, option)
    reach_km: float = 80.0
    urgent_days: int = 90  # due within this many days of as_of (overdue included): urgent
    held_back: Mapping[str, Hold] = field(default_factory=lambda: MappingProxyType({}))  # option id → hold
    # The run made a plan of the coming months: each young person's `planned` is its agreement for
    # them now, and one with none is one the plan has wait (the run's last goal but one).
    plan_made: bool = False
    # District slug → the most of that district's register vacancies this run may assign: a council's
    # remaining yearly commitment of homes for care leavers, where the council asked for the limit.
    # A district not named has none.
    district_caps: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    # Proposals kept current solve only the components an event touches: their penalties are fixed
    # by the whole problem read (`matching.penalty_scale`), not by the part solved. None: its own.
    penalty_scale: PenaltyScale | None = None

    def is_urgent(self, person: YoungPerson) -> bool:
        return person.due_date is not None and (person.due_date - self.as_of).days <= self.urgent_days
