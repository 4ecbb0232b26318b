"""Personal advisers proposed for everyone reaching 16½ (and anyone without one), by the exact engine.

The store's young people and advisers become plain data for `matching.advisers`: each young
person's local links (or where they live) with their coordinates, days to 17½, and the advisers
the family already knows (a brother's or sister's current adviser, one who worked with them
before); each adviser's base and room under the cap. Nothing is written: a manager accepts or
changes each proposal (`workers.allocate_advisers`). The figures the county reports (an adviser by
16½, by 17; caseloads) are here too. The store is read in narrow rows (at ten times the county,
660 young people in scope and 219 advisers), since the whole county is solved at once even when a
page shows fifty of them (`housing.reads.adviser_choices`).
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import advising
from housing.actors import Actor
from housing.db import transaction
from housing.lifedates import add_months, age_on, pathway_deadline
from housing.models import Adviser, Allocation, LocalLink, Place, Sibling, YoungPerson
from housing.reads.team import advisers as current_advisers
from housing.services import audit
from housing.vocabulary import WorkerKind
from matching import advisers as engine


@dataclass(frozen=True)
class Waiting:
    """A young person in scope, as narrow as the page and the API show them."""

    id: str
    reference: str
    given_name: str
    family_name: str
    date_of_birth: date
    home_district: str

    @property
    def pathway_deadline(self) -> date:
        return pathway_deadline(self.date_of_birth)


@dataclass(frozen=True)
class Proposed:
    young_person: Waiting
    adviser_due_on: date  # their 16½ date
    adviser: Adviser | None  # None: no adviser has room under the cap
    distance_km: float | None
    continuity: str | None  # "sibling", "previous", or None

    @property
    def adviser_id(self) -> str | None:
        return self.adviser.id if self.adviser else None

    @property
    def adviser_name(self) -> str | None:
        return self.adviser.name if self.adviser else None


@dataclass(frozen=True)
class Proposals:
    as_of: date
    cap: int
    items: list[Proposed]  # nearest 17½ first
    advisers: list[tuple[Adviser, int]]  # with caseloads before any proposal is accepted

    @property
    def waiting(self) -> int:
        return sum(1 for item in self.items if item.adviser is None)


@dataclass(frozen=True)
class Solved:
    """The county's proposals with what was read to make them, for a page to choose from."""

    proposals: Proposals
    clients: dict[str, engine.Client]  # by young person's id
    pool: list[engine.Adviser]  # in the order of `proposals.advisers`
    known: dict[str, dict[str, str]]  # young person's id → adviser id → "sibling" or "previous"


def propose(session: Session, actor: Actor, as_of: date, cap: int) -> Proposals:
    """Every proposal (the API's answer); each young person listed is an audited view."""
    with transaction(session):
        found = solve(session, as_of, cap)
        audit.record_views(
            session, actor, [p.young_person.id for p in found.proposals.items], "adviser proposals"
        )
    return found.proposals


def solve(session: Session, as_of: date, cap: int) -> Solved:
    """The optimum over everyone in scope; reads only, so the caller audits what it shows."""
    staff = current_advisers(session)
    people = _in_scope(session, as_of)
    known = _known_advisers(session, [p.id for p in people])
    links = _links(session, people)
    clients = [
        _client(person, links.get(person.id, ()), known.get(person.id, {}), as_of) for person in people
    ]
    bases = _coordinates(session, {a.base for a, _n in staff})
    pool = [engine.Adviser(a.id, *bases[a.base], advising.room(n, cap)) for a, n in staff]
    found = engine.propose(clients, pool)
    by_id = {a.id: a for a, _n in staff}
    items = [
        Proposed(
            person,
            advising.adviser_due_on(person.date_of_birth),
            by_id.get(p.adviser) if p.adviser else None,
            p.distance_km,
            known.get(person.id, {}).get(p.adviser) if p.continuity else None,
        )
        for person, p in zip(people, found.proposals, strict=True)
    ]
    return Solved(Proposals(as_of, cap, items, staff), {c.id: c for c in clients}, pool, known)


def _in_scope(session: Session, as_of: date) -> list[Waiting]:
    """`advising.needs_adviser`, the rule, run on the rows a month either side of its dates could
    pass (the database's cut, by the indexed date of birth, only spares reading the county)."""
    current = select(Allocation.young_person_id).where(
        Allocation.kind == WorkerKind.PERSONAL_ADVISER, Allocation.ends_on.is_(None)
    )
    rows = session.execute(
        select(
            YoungPerson.id,
            YoungPerson.reference,
            YoungPerson.given_name,
            YoungPerson.family_name,
            YoungPerson.date_of_birth,
            YoungPerson.home_district,
        ).where(
            YoungPerson.date_of_birth
            <= add_months(advising.end_of_month(as_of), -advising.ADVISER_FROM_MONTHS + 1),
            YoungPerson.date_of_birth >= add_months(as_of, -12 * (advising.OLDEST + 1) - 1),
            YoungPerson.id.not_in(current),
        )
    )
    people = [Waiting(*row) for row in rows if advising.needs_adviser(row.date_of_birth, as_of, False)]
    return sorted(people, key=lambda p: (p.pathway_deadline, p.reference))


def _links(session: Session, people: list[Waiting]) -> dict[str, tuple[tuple[float, float, int], ...]]:
    """Each young person's local links as (lat, lon, importance), or where they live without any."""
    ids = [p.id for p in people]
    found: dict[str, list[tuple[float, float, int]]] = {}
    for person_id, lat, lon, importance in session.execute(
        select(LocalLink.young_person_id, Place.lat, Place.lon, LocalLink.importance)
        .join(Place, Place.name == LocalLink.place)
        .where(LocalLink.young_person_id.in_(ids))
        .order_by(LocalLink.young_person_id, LocalLink.position)
    ):
        found.setdefault(person_id, []).append((lat, lon, importance))
    homeless = [p.id for p in people if p.id not in found]
    for person_id, lat, lon in session.execute(
        select(YoungPerson.id, Place.lat, Place.lon)
        .join(Place, Place.name == YoungPerson.current_place)
        .where(YoungPerson.id.in_(homeless))
    ):
        found[person_id] = [(lat, lon, 1)]
    return {person_id: tuple(links) for person_id, links in found.items()}


def _coordinates(session: Session, names: set[str]) -> dict[str, tuple[float, float]]:
    return {
        name: (lat, lon)
        for name, lat, lon in session.execute(
            select(Place.name, Place.lat, Place.lon).where(Place.name.in_(names))
        )
    }


def _known_advisers(session: Session, ids: list[str]) -> dict[str, dict[str, str]]:
    """For each young person: adviser id → why the family knows them ("sibling" wins over "previous")."""
    known: dict[str, dict[str, str]] = {}
    previous = session.execute(
        select(Allocation.young_person_id, Allocation.adviser_id).where(
            Allocation.young_person_id.in_(ids), Allocation.kind == WorkerKind.PERSONAL_ADVISER
        )
    )
    for person_id, adviser_id in previous:
        known.setdefault(person_id, {})[adviser_id] = "previous"
    siblings = session.execute(
        select(Sibling.young_person_id, Allocation.adviser_id)
        .join(Allocation, Allocation.young_person_id == Sibling.sibling_id)
        .where(
            Sibling.young_person_id.in_(ids),
            Allocation.kind == WorkerKind.PERSONAL_ADVISER,
            Allocation.ends_on.is_(None),
        )
    )
    for person_id, adviser_id in siblings:
        known.setdefault(person_id, {})[adviser_id] = "sibling"
    return known


def _client(
    person: Waiting, links: tuple[tuple[float, float, int], ...], known: dict[str, str], as_of: date
) -> engine.Client:
    days = (person.pathway_deadline - as_of).days
    return engine.Client(person.id, links, days, frozenset(known))


@dataclass(frozen=True)
class Share:
    reached: int  # young people under 18 who have reached the age
    with_adviser: int  # of them, those whose first adviser started by that age

    @property
    def percent(self) -> int | None:
        return round(100 * self.with_adviser / self.reached) if self.reached else None


@dataclass(frozen=True)
class Figures:
    as_of: date
    cap: int
    by_16_and_a_half: Share
    by_17: Share
    caseloads: list[tuple[Adviser, int]]


def figures(session: Session, as_of: date, cap: int) -> Figures:
    """The county's measures over today's 16- and 17-year-olds: an adviser by 16½ and by 17; caseloads.

    Counts only, no record shown: nothing to audit.
    """
    with transaction(session):
        first: dict[str, date] = {}
        for person_id, starts_on in session.execute(
            select(Allocation.young_person_id, Allocation.starts_on).where(
                Allocation.kind == WorkerKind.PERSONAL_ADVISER
            )
        ):
            first[person_id] = min(starts_on, first.get(person_id, starts_on))
        born = [
            (pid, dob)
            for pid, dob in session.execute(select(YoungPerson.id, YoungPerson.date_of_birth))
            if age_on(dob, as_of) < 18
        ]
        staff = current_advisers(session)
    return Figures(
        as_of,
        cap,
        _share_by(born, first, as_of, advising.ADVISER_FROM_MONTHS),
        _share_by(born, first, as_of, advising.BY_17_MONTHS),
        staff,
    )


def _share_by(born: list[tuple[str, date]], first: dict[str, date], as_of: date, months: int) -> Share:
    reached = [(pid, add_months(dob, months)) for pid, dob in born if add_months(dob, months) <= as_of]
    return Share(len(reached), sum(1 for pid, by in reached if pid in first and first[pid] <= by))
