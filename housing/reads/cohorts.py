"""House Project cohorts as coordinators read them: one or all, with their members, counts and
outcomes, and the next cohort's date and who would be eligible then; each member shown is an audited
view, and never shows immigration detail, custody dates or wishes."""

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from housing import eligibility, lifedates
from housing.actors import Actor
from housing.db import found, transaction
from housing.models import Cohort, CohortMember, YoungPerson
from housing.reads import reference
from housing.services import audit, stage_moves
from housing.vocabulary import Stage

SIX_MONTHS = 6  # the next cohort starts six months after the latest


# A cohort shown loads its option, members, their records and links in four queries, not one a member.
_SHOWN = (
    selectinload(Cohort.option),
    selectinload(Cohort.members)
    .selectinload(CohortMember.young_person)
    .selectinload(YoungPerson.local_links),
)


def get(session: Session, cohort_id: str) -> Cohort:
    return found(session, Cohort, cohort_id, "cohort", options=_SHOWN)


def listed(session: Session) -> list[Cohort]:
    return list(session.scalars(select(Cohort).options(*_SHOWN).order_by(Cohort.starts_on)))


def present(session: Session, actor: Actor, shown: list[Cohort], today: date) -> list[dict[str, Any]]:
    """Cohorts with their members as coordinators see them; each member shown is an audited view."""
    with transaction(session):
        places = reference.district_of_places(session)
        audit.record_views(
            session, actor, [m.young_person_id for c in shown for m in c.members], "in a cohort's members"
        )
        return [
            {
                "id": cohort.id,
                "name": cohort.name,
                "starts_on": cohort.starts_on,
                "starts_in_the_past": cohort.starts_on < today,
                "capacity": cohort.capacity,
                "remaining": cohort.option.remaining,
                "districts": cohort.districts,
                "closed_on": cohort.closed_on,
                "option": cohort.option_id,
                "counts": counts(cohort),
                "outcomes": outcomes(cohort),
                "members": [member_view(m, today, places) for m in cohort.members],
            }
            for cohort in shown
        ]


def next_cohort(session: Session, actor: Actor, today: date) -> dict[str, Any]:
    """Six months after the latest start, and who would be eligible then, soonest due first."""
    with transaction(session):
        starts_on, people = _next_cohort(session, today)
        places = reference.district_of_places(session)
        audit.record_views(session, actor, [p.id for p in people], "eligible for the next cohort")
        eligible = [{"young_person": p.id, **person_view(p, starts_on, places)} for p in people]
    return {"starts_on": starts_on, "eligible": eligible}


def _next_cohort(session: Session, today: date) -> tuple[date, list[YoungPerson]]:
    latest = session.scalar(select(func.max(Cohort.starts_on)))
    starts_on = lifedates.add_months(latest, SIX_MONTHS) if latest else today
    return starts_on, eligibility.candidates(session, eligibility.hub_offer(starts_on), starts_on)


def counts(cohort: Cohort) -> dict[str, int]:
    return {stage.value: sum(m.stage == stage for m in cohort.members) for stage in Stage}


def outcomes(cohort: Cohort) -> dict[str, int]:
    """The figures the county reports, e.g. "11 graduated, 8 in their own homes"."""
    members = cohort.members
    return {
        "enrolled": len(members),
        "withdrawn": sum(m.stage == Stage.WITHDRAWN for m in members),
        "graduated": sum(m.stage == Stage.GRADUATED for m in members),
        "in_own_home": sum(m.moved_in_on is not None and m.stage != Stage.WITHDRAWN for m in members),
    }


def member_view(member: CohortMember, today: date, districts_of: dict[str, str | None]) -> dict[str, Any]:
    """What a coordinator needs of a member: never immigration detail, custody dates or wishes."""
    person = member.young_person
    return {
        "young_person": person.id,
        **person_view(person, today, districts_of),
        "stage": member.stage,
        "stage_since": member.stage_since,
        "days_in_stage": (today - member.stage_since).days,
        "enrolled_on": member.enrolled_on,
        "moved_in_on": member.moved_in_on,
        "stage_reason": member.stage_reason,
        "undoable": stage_moves.undoable(member, today),
        "property": (
            {
                "place": member.property_place,
                "option": member.property_option_id,
                "description": member.property_description,
            }
            if member.property_place
            else None
        ),
    }


def person_view(person: YoungPerson, today: date, districts_of: dict[str, str | None]) -> dict[str, Any]:
    return {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "age": lifedates.age_on(person.date_of_birth, today),
        "support_level": person.support_level,
        "links": [
            {"kind": link.kind, "place": link.place, "district": districts_of.get(link.place)}
            for link in person.local_links
        ],
    }
