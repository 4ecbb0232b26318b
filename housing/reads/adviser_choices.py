"""The "Allocate advisers" page: the county's proposals fifty at a time, each with a short choice.

At ten times the county 660 young people wait for an adviser and 219 advisers could take them; a
page listing them all with every adviser beside each took 27 seconds to draw and was no easier to
work. The proposals are still solved over everyone (a young person's proposal depends on everyone
else's), but a page shows fifty, found by district or name, and beside each the proposed adviser
and the nearest advisers with room under the cap; any other adviser with room is one link away
(`choices_for`). Only the young people shown are audited as seen.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import Adviser, District
from housing.services import audit
from housing.services.adviser_proposals import Proposed, Solved, solve
from matching import advisers as engine

NEARBY = 10  # advisers with room offered beside a proposal, nearest first


@dataclass(frozen=True)
class Named:
    """An adviser as a choice names them: who, and where they are based."""

    id: str
    name: str
    base: str

    @classmethod
    def of(cls, adviser: Adviser) -> "Named":
        return cls(adviser.id, adviser.name, adviser.base)


@dataclass(frozen=True)
class Nearby:
    adviser: Named
    carried: int  # caseload before any proposal is accepted
    distance_km: float  # from their base to the young person's links, weighted
    known: str | None  # "sibling", "previous", or None


@dataclass(frozen=True)
class Row:
    proposed: Proposed
    choices: list[Nearby]  # the proposed adviser first (if any), then the nearest with room


@dataclass(frozen=True)
class ProposalPage:
    as_of: date
    cap: int
    in_scope: int  # everyone awaiting an adviser, whatever the filters
    proposed: int  # of them, those given an adviser
    found: int  # those the filters find
    page: int  # the page asked for, or the last if it asked past it (the rows accepted leave it)
    rows: list[Row]  # this page of them, nearest 17½ first
    districts: list[tuple[str, str]]  # (slug, name) of the districts the young people in scope live in
    names: dict[str, str]  # every current adviser's name by id, for a choice kept from a refused accept


@dataclass(frozen=True)
class Choice:
    """Every adviser with room for one young person, nearest first, for "choose another adviser"."""

    proposed: Proposed
    choices: list[Nearby]
    full: int  # advisers at or over the cap, not offered


def page_of(
    session: Session,
    actor: Actor,
    as_of: date,
    cap: int,
    *,
    district: str = "",
    name: str = "",
    page: int = 1,
    page_size: int = 50,
) -> ProposalPage:
    """One page of proposals, filtered by home district and by a name or reference typed."""
    with transaction(session):
        solved = solve(session, as_of, cap)
        items = solved.proposals.items
        words = name.casefold().split()
        kept = [
            item
            for item in items
            if (not district or item.young_person.home_district == district)
            and all(word in _searchable(item) for word in words)
        ]
        page = min(page, max(-(-len(kept) // page_size), 1))
        shown = kept[(page - 1) * page_size : page * page_size]
        rows = [Row(item, _nearby(solved, item, NEARBY)) for item in shown]
        audit.record_views(session, actor, [item.young_person.id for item in shown], "adviser proposals")
        slugs = {item.young_person.home_district for item in items}
        districts = session.execute(
            select(District.slug, District.name).where(District.slug.in_(slugs)).order_by(District.name)
        ).all()
    return ProposalPage(
        as_of,
        cap,
        len(items),
        sum(1 for item in items if item.adviser),
        len(kept),
        page,
        rows,
        [tuple(row) for row in districts],
        {adviser.id: adviser.name for adviser, _n in solved.proposals.advisers},
    )


def choices_for(session: Session, actor: Actor, as_of: date, cap: int, young_person_id: str) -> Choice:
    """Every adviser with room for this young person, nearest first; a 404 once they have one."""
    with transaction(session):
        solved = solve(session, as_of, cap)
        item = next((i for i in solved.proposals.items if i.young_person.id == young_person_id), None)
        if item is None:
            raise NotFound("no young person awaiting an adviser with this id")
        every = _nearby(solved, item, len(solved.pool))
        audit.record_views(session, actor, [young_person_id], "adviser proposals")
    return Choice(item, every, sum(1 for a in solved.pool if a.room <= 0))


def _searchable(item: Proposed) -> str:
    person = item.young_person
    return f"{person.given_name} {person.family_name} {person.reference}".casefold()


def _nearby(solved: Solved, item: Proposed, limit: int) -> list[Nearby]:
    """The proposed adviser, then up to `limit` others with room, nearest first (then by name)."""
    client = solved.clients[item.young_person.id]
    km = engine.distances_km([client], solved.pool)[0]
    known = solved.known.get(client.id, {})
    staff = solved.proposals.advisers
    proposed = item.adviser_id
    order = sorted(
        (j for j, a in enumerate(solved.pool) if a.room > 0 and a.id != proposed),
        key=lambda j: (km[j], staff[j][0].name),
    )[:limit]
    if proposed:
        order.insert(0, next(j for j, a in enumerate(solved.pool) if a.id == proposed))
    return [
        Nearby(Named.of(staff[j][0]), staff[j][1], round(float(km[j]), 1), known.get(staff[j][0].id))
        for j in order
    ]
