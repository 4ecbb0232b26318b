"""Why the service made each automatic run, as the runs list says it ("After Crawley declined the
nomination for …"): the event behind it and who it was about. Names shown are audited as views."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.models import District, Event, Nomination, Option, Placement, Proposal, YoungPerson
from housing.services import audit
from housing.vocabulary import EventKind


@dataclass(frozen=True)
class Cause:
    kind: str
    actor_email: str | None = None
    young_person: YoungPerson | None = None
    district: str | None = None  # the council's name
    place: str | None = None  # where a new place is
    how_many: int = 0  # young people a scheduled run was for


def of_runs(session: Session, actor: Actor, runs: list[dict[str, Any]]) -> dict[str, Cause]:
    """Run id → its cause, for the automatic runs among `runs` (summaries from `run_listing`)."""
    event_ids = {r["id"]: r["event_id"] for r in runs if r.get("event_id")}
    found = {e.id: e for e in session.scalars(select(Event).where(Event.id.in_(list(event_ids.values()))))}
    causes = {
        run_id: _cause(session, found[event_id])
        for run_id, event_id in event_ids.items()
        if event_id in found
    }
    named = sorted({c.young_person.id for c in causes.values() if c.young_person is not None})
    audit.record_views(session, actor, named, "the runs list: whom an automatic run followed")
    session.commit()
    return causes


def _cause(session: Session, event: Event) -> Cause:
    kind, who = event.kind, event.actor_email
    if kind is EventKind.REJECTED:
        proposal = session.get(Proposal, event.subject_id)
        return Cause(kind, who, young_person=proposal and session.get(YoungPerson, proposal.young_person_id))
    if kind in (EventKind.DECLINED, EventKind.LAPSED, EventKind.WITHDRAWN):
        nomination = session.get(Nomination, event.subject_id)
        district = nomination and session.get(District, nomination.district)
        return Cause(kind, who, young_person=nomination and nomination.young_person,
                     district=district.name if district else None)  # fmt: skip
    if kind is EventKind.PLACE_FREED:
        placement = session.get(Placement, event.subject_id)
        return Cause(
            kind, who, young_person=placement and session.get(YoungPerson, placement.young_person_id)
        )
    if kind is EventKind.NEW_OPTION:
        option = session.get(Option, event.subject_id)
        return Cause(kind, who, place=option.place if option else None, how_many=len(event.options))
    return Cause(kind, who, how_many=len(event.young_people))
