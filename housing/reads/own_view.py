"""What a young person's own pages read: their own record and the proposals shared with them, with
names resolved, and nothing else (contract v1.2, *The young person's own view*).

No audit, no notes, no costs or scores, no other person's data, no run: a shared proposal carries
its place, route, date and distances to their own links only. Every read is audited as a view of
their own record, in the same transaction as the read.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import (
    Adviser,
    Allocation,
    ChangeRequest,
    District,
    MoveStep,
    Option,
    Place,
    Proposal,
    User,
    YoungPerson,
)
from housing.reads import superseded
from housing.reads.young_people import due_of
from housing.services import audit
from housing.services.own_view import own_shared
from housing.vocabulary import ProposalStatus, WorkerKind


@dataclass(frozen=True)
class OwnLink:
    kind: str
    place: str
    importance: int
    distance_km: float | None = None


@dataclass(frozen=True)
class OwnStep:
    kind: str
    on: date
    answer: str | None
    words: str | None


@dataclass(frozen=True)
class SharedPlace:
    id: str
    name: str
    route: str
    place: str
    district: str | None  # the district's name, if the place is in West Sussex
    available_from: date
    links: tuple[OwnLink, ...]
    view: str | None
    view_words: str | None
    open: bool  # still to be decided: it can be answered
    accepted: bool  # the place their plan is agreed on


@dataclass(frozen=True)
class MapPlace:
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class OwnChange:
    """A "this is wrong" as the young person sees it: what they said, and what their worker did."""

    about: str
    words: str
    asked_on: date
    done_on: date | None
    done_note: str | None


@dataclass(frozen=True)
class OwnHome:
    given_name: str
    pathway_status: str
    pathway_route: str | None
    due: str | None
    due_date: date | None
    links: tuple[OwnLink, ...]
    wishes: str | None
    officer_email: str | None
    adviser_name: str | None
    steps: tuple[OwnStep, ...]
    shared: tuple[SharedPlace, ...]
    changes: tuple[OwnChange, ...]  # what they said is wrong, newest first


def home(session: Session, actor: Actor, today: date) -> OwnHome:
    """Their pathway, links, wishes, workers, the steps of their move and what is shared with them."""
    with transaction(session):
        person = session.get(YoungPerson, actor.young_person_id)
        due_of(session, [person], today)
        audit.record_views(session, actor, [person.id], "viewed their own pages")
        workers = _workers(session, person.id)
        steps = session.scalars(
            select(MoveStep)
            .where(MoveStep.young_person_id == person.id)
            .order_by(MoveStep.on, MoveStep.recorded_at)
        )
        return OwnHome(
            given_name=person.given_name,
            pathway_status=str(person.pathway_status),
            pathway_route=str(person.pathway_route) if person.pathway_route else None,
            due=str(person.due) if person.due else None,
            due_date=person.due_date,
            links=tuple(OwnLink(str(link.kind), link.place, link.importance) for link in person.local_links),
            wishes=person.wishes,
            officer_email=workers[0],
            adviser_name=workers[1],
            steps=tuple(
                OwnStep(str(s.kind), s.on, str(s.answer) if s.answer else None, s.words) for s in steps
            ),
            shared=tuple(shared(session, actor)),
            changes=tuple(_own_change(c) for c in asked_changes(session, person.id)),
        )


def _own_change(asked: "Asked") -> OwnChange:
    done_on = asked.done_at.date() if asked.done_at else None
    return OwnChange(asked.about, asked.words, asked.asked_at.date(), done_on, asked.done_note)


def shared(session: Session, actor: Actor) -> list[SharedPlace]:
    """The proposals shared with them, newest first: open ones, and decided ones for the record."""
    found = list(
        session.scalars(
            select(Proposal)
            .where(Proposal.young_person_id == actor.young_person_id, Proposal.shared_at.is_not(None))
            .order_by(Proposal.shared_at.desc())
        )
    )
    superseded.mark(session, found, Proposal.young_person_id == actor.young_person_id)
    return [_place(session, p) for p in found]


def one(session: Session, actor: Actor, proposal_id: str) -> tuple[SharedPlace, list[MapPlace]]:
    """One proposal shared with them (a 404 for any other), and the places to draw its map."""
    with transaction(session):
        proposal = own_shared(session, actor, proposal_id)
        superseded.mark(session, [proposal], Proposal.id == proposal.id)
        audit.record_views(
            session,
            actor,
            [proposal.young_person_id],
            f"viewed {audit.proposal(session, proposal)}, shared with them",
        )
        places = [
            MapPlace(p.name, p.lat, p.lon)
            for p in session.scalars(select(Place).where(Place.district.is_not(None)))
        ]
        return _place(session, proposal), places


def _place(session: Session, proposal: Proposal) -> SharedPlace:
    option = session.get(Option, proposal.option_id)
    district = session.get(District, option.district) if option.district else None
    links = proposal.explanation.get("links", [])
    return SharedPlace(
        id=proposal.id,
        name=option.name,
        route=str(proposal.route),
        place=proposal.place,
        district=district.name if district else None,
        available_from=option.available_from,
        links=tuple(OwnLink(k["kind"], k["place"], k["importance"], k.get("distance_km")) for k in links),
        view=str(proposal.view) if proposal.view else None,
        view_words=proposal.view_words,
        open=proposal.status is ProposalStatus.PROPOSED and not proposal.overtaken,
        accepted=proposal.status is ProposalStatus.ACCEPTED,
    )


def _workers(session: Session, young_person_id: str) -> tuple[str | None, str | None]:
    """Their housing support officer (by email: users have no other name) and personal adviser."""
    current = {
        a.kind: a
        for a in session.scalars(
            select(Allocation).where(
                Allocation.young_person_id == young_person_id, Allocation.ends_on.is_(None)
            )
        )
    }
    officer = current.get(WorkerKind.HOUSING_OFFICER)
    adviser = current.get(WorkerKind.PERSONAL_ADVISER)
    officer_user = session.get(User, officer.officer_id) if officer and officer.officer_id else None
    adviser_row = session.get(Adviser, adviser.adviser_id) if adviser and adviser.adviser_id else None
    return (officer_user.email if officer_user else None, adviser_row.name if adviser_row else None)


@dataclass(frozen=True)
class Asked:
    """One "this is wrong" of a young person's, and what an officer did about it."""

    id: str
    young_person_id: str
    about: str  # links | wishes | other
    words: str
    asked_at: datetime
    done_at: datetime | None
    done_by: str | None
    done_note: str | None

    @classmethod
    def of(cls, asked: ChangeRequest) -> "Asked":
        return cls(asked.id, asked.young_person_id, asked.about, asked.words, asked.asked_at,
                   asked.done_at, asked.done_by, asked.done_note)  # fmt: skip


@dataclass(frozen=True)
class ForOfficers:
    """What an officer sees of a young person's own view on their record."""

    account_email: str | None
    account_disabled: bool
    asked: tuple[Asked, ...]  # what they said is wrong, newest first, dealt with or not


def for_officers(session: Session, young_person_id: str) -> ForOfficers:
    """Their account (if invited) and what they said is wrong, newest first (the record's own view
    is audited by the record's page)."""
    user = session.scalar(select(User).where(User.young_person_id == young_person_id))
    return ForOfficers(
        account_email=user.email if user else None,
        account_disabled=bool(user and user.disabled_at),
        asked=tuple(asked_changes(session, young_person_id)),
    )


def change_of(session: Session, young_person_id: str, change_id: str) -> Asked:
    """One "this is wrong" of this young person's; a 404 for an unknown one or another's."""
    asked = session.get(ChangeRequest, change_id) if "\x00" not in change_id else None
    if asked is None or asked.young_person_id != young_person_id:
        raise NotFound(f"no change request with id {change_id}")
    return Asked.of(asked)


ASKED_SHOWN = 10  # the latest requests on a page; the API lists them all


def asked_changes(session: Session, young_person_id: str) -> list[Asked]:
    """What the young person said is wrong, newest first, with what was done about each."""
    return [
        Asked.of(asked)
        for asked in session.scalars(
            select(ChangeRequest)
            .where(ChangeRequest.young_person_id == young_person_id)
            .order_by(ChangeRequest.asked_at.desc(), ChangeRequest.id)
            .limit(ASKED_SHOWN)
        )
    ]
