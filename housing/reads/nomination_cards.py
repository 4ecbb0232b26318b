"""What a council weighs to decide a nomination: the property, and the applicant as the council may see them.

The applicant's part is `applicants.minimised`, so a card carries nothing the council's list may
not (no date of birth, immigration, custody date, wishes or links outside the district). Every
applicant on a card shown is an audited view.
"""

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from housing import lifedates
from housing.actors import Actor
from housing.db import transaction
from housing.models import Application, District, Nomination, Option, Placement, YoungPerson
from housing.reads.applicants import district_or_404, minimised
from housing.reads.reference import places_in
from housing.services import audit, nominations
from housing.vocabulary import ApplicationStatus, NominationStatus
from matching.rules import scheme_need

DECIDED = (NominationStatus.ACCEPTED, NominationStatus.DECLINED, NominationStatus.WITHDRAWN)


def cards(
    session: Session,
    actor: Actor,
    slug: str,
    *,
    today: date,
    statuses: tuple[str, ...] = (NominationStatus.PENDING,),
    page: int = 1,
    page_size: int = 50,
    only: str | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Nominations in `statuses`: pending oldest first (first come, first decided), decided newest first."""
    with transaction(session):
        district_or_404(session, slug)
        query = select(Nomination).where(Nomination.district == slug, Nomination.status.in_(statuses))
        if only is not None:
            query = query.where(Nomination.id == only)
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        if NominationStatus.PENDING in statuses:
            query = query.order_by(Nomination.created_at, Nomination.id)
        else:
            query = query.order_by(Nomination.decided_at.desc(), Nomination.id)
        shown = list(session.scalars(query.limit(page_size).offset((page - 1) * page_size)))
        people = _by_id(session, YoungPerson, {n.young_person_id for n in shown}, YoungPerson.local_links)
        options = _by_id(session, Option, {n.option_id for n in shown})
        placed = {
            placement_id: (created_by, starts_on)
            for placement_id, created_by, starts_on in session.execute(
                select(Placement.id, Placement.created_by, Placement.starts_on).where(
                    Placement.id.in_([n.placement_id for n in shown])
                )
            )
        }
        district = session.get(District, slug)
        standard = tuple(district.bedroom_standard or ())
        applications = {
            a.young_person_id: a
            for a in session.scalars(
                select(Application).where(
                    Application.district == slug,
                    Application.status == ApplicationStatus.ACTIVE,
                    Application.young_person_id.in_(people),
                )
            )
        }
        in_district = places_in(session, slug)
        rows = [
            {
                "id": n.id,
                "status": n.status,
                "reason": n.reason,
                "nominated_at": n.created_at,
                "nominated_by": placed[n.placement_id][0],  # the officer to contact
                "starts_on": placed[n.placement_id][1],  # when the tenancy would start
                "age_at_start": lifedates.age_on(
                    people[n.young_person_id].date_of_birth, placed[n.placement_id][1]
                ),
                "bedrooms_by_scheme": scheme_need(
                    standard, people[n.young_person_id].children, people[n.young_person_id].bedrooms_needed
                ),
                # The response time the county set for this council (none assumed), and the day it ends.
                "response_days": district.nomination_response_days,
                "answer_by": (
                    nominations.lapses_at(n, district.nomination_response_days)
                    if district.nomination_response_days
                    else None
                ),
                "decided_at": n.decided_at,
                "decided_by": n.decided_by,
                "property": _property(options[n.option_id]),
                "applicant": minimised(
                    people[n.young_person_id], applications.get(n.young_person_id), n, in_district, today
                ),
            }
            for n in shown
        ]
        audit.record_views(
            session,
            actor,
            [n.young_person_id for n in shown],
            f"{audit.council(session, slug)}'s nominations",
        )
        nominations.mark_seen(session, actor, shown)
    return rows, total


def card(session: Session, actor: Actor, nomination_id: str, *, today: date) -> dict[str, Any]:
    """One nomination's card (for the council's check before accepting); an audited view."""
    nomination = session.get(Nomination, nomination_id)
    [found], _ = cards(session, actor, nomination.district, today=today, statuses=tuple(NominationStatus),
                       only=nomination_id)  # fmt: skip
    return found


def _property(option: Option) -> dict[str, Any]:
    return {
        "name": option.name,
        "place": option.place,
        "bedrooms": option.bedrooms,
        "step_free": option.step_free,
        "wheelchair": option.wheelchair,
        "accepts_children": option.accepts_children,
        "available_from": option.available_from,
        "support_levels": option.support_levels,
    }


def _by_id(session: Session, model: type, ids: set[str], *loaded: Any) -> dict[str, Any]:
    query = select(model).where(model.id.in_(ids))
    if loaded:
        query = query.options(*(selectinload(relation) for relation in loaded))
    return {row.id: row for row in session.scalars(query)}
