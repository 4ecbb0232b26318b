"""Personal advisers proposed for everyone reaching 16½ (and anyone without one), by the exact engine.

The store's young people and advisers become plain data for `matching.advisers`: each young
person's local links (or where they live) with their coordinates, days to 17½, and the advisers
the family already knows (a brother's or sister's current adviser, one who worked with them
before); each adviser's base and room under the cap. Nothing is written: a manager accepts or
changes each proposal (`workers.allocate_advisers`). The figures the county reports (an adviser by
16½, by 17; caseloads) are here too.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from housing import advising
from housing.actors import Actor
from housing.db import transaction
from housing.lifedates import add_months, age_on, pathway_deadline
from housing.models import Adviser, Allocation, Sibling, YoungPerson
from housing.reads.reference import places_by_name
from housing.reads.team import advisers as current_advisers
from housing.services import audit
from housing.vocabulary import WorkerKind
from matching import advisers as engine


@dataclass(frozen=True)
class Proposed:
    young_person: YoungPerson
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


def propose(session: Session, actor: Actor, as_of: date, cap: int) -> Proposals:
    with transaction(session):
        staff = current_advisers(session)
        people = _in_scope(session, as_of)
        known = _known_advisers(session, [p.id for p in people])
        places = places_by_name(session)
        clients = [_client(person, places, known.get(person.id, {}), as_of) for person in people]
        pool = [
            engine.Adviser(a.id, places[a.base].lat, places[a.base].lon, advising.room(n, cap))
            for a, n in staff
        ]
        found = engine.propose(clients, pool)
        audit.record_views(session, actor, [p.id for p in people], "adviser proposals")
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
    return Proposals(as_of, cap, items, staff)


def _in_scope(session: Session, as_of: date) -> list[YoungPerson]:
    with_adviser = set(
        session.scalars(
            select(Allocation.young_person_id).where(
                Allocation.kind == WorkerKind.PERSONAL_ADVISER, Allocation.ends_on.is_(None)
            )
        )
    )
    born = session.execute(
        select(YoungPerson.id, YoungPerson.date_of_birth)
    )  # narrow: only those in scope load
    ids = [pid for pid, dob in born if advising.needs_adviser(dob, as_of, pid in with_adviser)]
    people = list(
        session.scalars(
            select(YoungPerson).where(YoungPerson.id.in_(ids)).options(selectinload(YoungPerson.local_links))
        )
    )
    return sorted(people, key=lambda p: (pathway_deadline(p.date_of_birth), p.reference))


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


def _client(person: YoungPerson, places: dict, known: dict[str, str], as_of: date) -> engine.Client:
    links = tuple((places[k.place].lat, places[k.place].lon, k.importance) for k in person.local_links)
    if not links:
        home = places[person.current_place]
        links = ((home.lat, home.lon, 1),)
    days = (pathway_deadline(person.date_of_birth) - as_of).days
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
