"""A young person's record as the faces show it: frozen values, read in one narrow query per part.

The page, the API (`YoungPersonSchema` dumps these as it dumps a model: the attribute names are the
model's) and the young person's own view read the same `Record`; what is due and the nomination
behind the current placement are worked out here, for the day asked about.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.due import Due
from housing.models import Application, LocalLink, Option, Placement, Preference, YoungPerson
from housing.models.people import RecordSays
from housing.reads import nominations
from housing.reads.young_people import standing
from housing.vocabulary import (
    ApplicationStatus,
    DueTier,
    EndReason,
    Immigration,
    LeaveType,
    LinkKind,
    PathwayStatus,
    PlacementStatus,
    Route,
    SupportLevel,
)


@dataclass(frozen=True)
class Link:
    kind: LinkKind
    place: str
    importance: int
    note: str | None


@dataclass(frozen=True)
class Wish:
    """One of their ranked preferences: a route, a place, a district, or a combination."""

    rank: int
    route: Route | None
    place: str | None
    district: str | None


@dataclass(frozen=True)
class Applied:
    """An application to a district register."""

    id: str
    district: str
    band: str
    applied_on: date
    status: ApplicationStatus


@dataclass(frozen=True)
class PlacedIn:
    """The option a placement is in, or a Staying Put carer's offer: what the record page names."""

    id: str
    name: str
    route: Route
    place: str
    available_until: date | None
    carer_willing: bool | None


@dataclass(frozen=True)
class Placed:
    id: str
    option_id: str
    option: PlacedIn
    status: PlacementStatus
    starts_on: date
    ends_on: date | None
    end_reason: EndReason | None


@dataclass(frozen=True)
class Record(RecordSays):
    """Their record, its lists in the record's own orders, and what is due as of the day read."""

    id: str
    reference: str
    given_name: str
    family_name: str
    date_of_birth: date
    home_district: str
    current_place: str
    support_level: SupportLevel
    step_free: bool
    wheelchair: bool
    children: int
    uasc: bool
    immigration: Immigration
    custody_release_date: date | None
    leave_granted_on: date | None
    leave_type: LeaveType | None
    leave_expires_on: date | None
    accommodation_code: str | None
    accommodation_suitable: bool | None
    accommodation_judged_on: date | None
    in_touch: str | None
    activity: str | None
    avoid_places: tuple[str, ...]
    avoid_districts: tuple[str, ...]
    wishes: str | None
    move_date: date | None
    pathway_status: PathwayStatus
    pathway_route: Route | None
    pathway_agreed_on: date | None
    pathway_option_id: str | None
    local_links: tuple[Link, ...]
    preferences: tuple[Wish, ...]
    applications: tuple[Applied, ...]
    placements: tuple[Placed, ...]  # current first, then latest start first
    staying_put_offers: tuple[PlacedIn, ...]  # former foster carers' offers, soonest first
    due_now: Due | None
    due_tier: DueTier
    nomination_now: dict[str, Any] | None  # the nomination behind the current placement


_OWN = ("id", "reference", "given_name", "family_name", "date_of_birth", "home_district", "current_place",
        "support_level", "step_free", "wheelchair", "children", "uasc", "immigration",
        "custody_release_date", "leave_granted_on", "leave_type", "leave_expires_on", "accommodation_code",
        "accommodation_suitable", "accommodation_judged_on", "in_touch", "activity", "avoid_places",
        "avoid_districts", "wishes", "move_date", "pathway_status", "pathway_route", "pathway_agreed_on",
        "pathway_option_id")  # fmt: skip
_OPTION = (Option.id, Option.name, Option.route, Option.place, Option.available_until, Option.carer_willing)
# Each list of a record: its shape, its columns (the young person's id first) and its order.
_LINKS = (Link, (LocalLink.young_person_id, LocalLink.kind, LocalLink.place, LocalLink.importance,
                 LocalLink.note), (LocalLink.position,))  # fmt: skip
_WISHES = (Wish, (Preference.young_person_id, Preference.rank, Preference.route, Preference.place,
                  Preference.district), (Preference.rank,))  # fmt: skip
# Applications by day alone, as the model orders them: two of one day stay in the store's order.
_APPLIED = (Applied, (Application.young_person_id, Application.id, Application.district, Application.band,
                      Application.applied_on, Application.status), (Application.applied_on,))  # fmt: skip
_OFFERS = (PlacedIn, (Option.young_person_id, *_OPTION), (Option.available_from,))


def records(session: Session, ids: list[str], today: date) -> dict[str, Record]:
    """The records with these ids (an unknown id is absent), each part in one query for them all."""
    if not ids:
        return {}
    rows = session.execute(
        select(*(getattr(YoungPerson, name) for name in _OWN)).where(YoungPerson.id.in_(ids))
    )
    own = {row.id: row for row in rows}
    if not own:
        return {}
    found = list(own)
    links, wishes, applied, offers = (
        _grouped(session, found, *part) for part in (_LINKS, _WISHES, _APPLIED, _OFFERS)
    )
    placed = _placements(session, found)
    dues = standing(session, list(own.values()), today)
    behind = nominations.behind(session, found)
    return {
        person_id: Record(
            **row._asdict()
            | {
                "avoid_places": tuple(row.avoid_places or ()),
                "avoid_districts": tuple(row.avoid_districts or ()),
            },
            local_links=links.get(person_id, ()),
            preferences=wishes.get(person_id, ()),
            applications=applied.get(person_id, ()),
            placements=placed.get(person_id, ()),
            staying_put_offers=offers.get(person_id, ()),
            due_now=dues[person_id][0],
            due_tier=dues[person_id][1],
            nomination_now=behind.get(person_id),
        )
        for person_id, row in own.items()
    }


def _grouped(session: Session, ids: list[str], shape: type, columns: tuple, order: tuple) -> dict[str, tuple]:
    """One list of each record, as `shape` values by young person, in the list's order."""
    query = select(*columns).where(columns[0].in_(ids)).order_by(*order)
    grouped: dict[str, list] = {}
    for person_id, *rest in session.execute(query):
        grouped.setdefault(person_id, []).append(shape(*rest))
    return {person_id: tuple(values) for person_id, values in grouped.items()}


def _placements(session: Session, ids: list[str]) -> dict[str, tuple[Placed, ...]]:
    query = (
        select(Placement.young_person_id, Placement.id, Placement.option_id, Placement.status,
               Placement.starts_on, Placement.ends_on, Placement.end_reason, *_OPTION)
        .join(Option, Option.id == Placement.option_id)
        .where(Placement.young_person_id.in_(ids))
        .order_by(Placement.status, Placement.starts_on.desc())
    )  # fmt: skip
    grouped: dict[str, list[Placed]] = {}
    for person_id, placement_id, option_id, status, starts, ends, reason, *option in session.execute(query):
        placed = Placed(placement_id, option_id, PlacedIn(*option), status, starts, ends, reason)
        grouped.setdefault(person_id, []).append(placed)
    return {person_id: tuple(values) for person_id, values in grouped.items()}
