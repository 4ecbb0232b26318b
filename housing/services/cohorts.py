"""House Project cohorts: create, enrol (directly or by accepting a proposal), move members on.

Both ways of enrolling share one rule set: the cohort's places (a conditional update on its
option, so the 16th of 15 is refused even when two coordinators enrol at once), one active
cohort per young person (a unique index), and the matcher's own AGE and IMMIGRATION rules.
"""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing import eligibility, lifedates
from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Conflict, Invalid, NotFound
from housing.models import Cohort, CohortMember, Option, Place, YoungPerson
from housing.reads import matching_input, reference
from housing.reads.cohorts import get
from housing.services import audit, placements, stage_moves
from housing.vocabulary import ACTIVE_STAGES, HOUSE_PROJECT_HUB, NEXT_STAGES, PathwayStatus, Route, Stage

# The matcher offers a cohort's places in its first three months, not to a cohort long begun;
# coordinators may still enrol by hand later.
ENROLMENT_WINDOW_MONTHS = 3


def create(session: Session, actor: Actor, data: dict[str, Any]) -> Cohort:
    with transaction(session):
        if session.scalar(select(Cohort.id).where(Cohort.name == data["name"])):
            raise Conflict(f"there is already a cohort called {data['name']!r}")
        if data.get("districts") is None:  # not said: the whole county, as the page offers
            data = {**data, "districts": matching_input.district_slugs(session)}
        unknown = sorted(set(data["districts"]) - set(matching_input.district_slugs(session)))
        if unknown:
            raise Invalid.field("districts", f"unknown districts {', '.join(unknown)}")
        option = Option(
            route=Route.HOUSE_PROJECT, name=f"House Project: {data['name']}", place=HOUSE_PROJECT_HUB,
            district=session.get(Place, HOUSE_PROJECT_HUB).district, capacity=data["capacity"], placed=0,
            available_from=data["starts_on"],
            available_until=lifedates.add_months(data["starts_on"], ENROLMENT_WINDOW_MONTHS),
            min_age=16, max_age=25,
            support_levels=["low", "medium", "high"],
        )  # fmt: skip
        cohort = Cohort(option=option, created_at=datetime.now(UTC), created_by=actor.email, **data)
        session.add(cohort)
        session.flush()
    return cohort


def enrol(session: Session, actor: Actor, cohort_id: str, young_person_id: str, today: date) -> CohortMember:
    """Enrol directly: the rules are judged on the need date as of today. A refusal is audited."""
    try:
        with transaction(session):
            cohort = get(session, cohort_id)
            person = found(session, YoungPerson, young_person_id, "young person")
            return enrol_in(session, actor, cohort, person, as_of=today, today=today)
    except eligibility.NotEligible as refused:
        with transaction(session):  # the enrolment wrote nothing; who was refused is kept
            named = session.get(Cohort, cohort_id)
            detail = f"enrolment in cohort {named.name} refused: not eligible on {words.day(refused.on)}"
            audit.record(session, actor, "refuse", young_person_id, detail)
        raise


def enrol_in(
    session: Session, actor: Actor, cohort: Cohort, person: YoungPerson, *, as_of: date, today: date
) -> CohortMember:
    """The one rule set for both ways in; runs inside the caller's transaction."""
    if cohort.closed_on is not None:
        raise Conflict(f"{cohort.name} is closed: no one can join it")
    if eligibility.breaks_rules(reference.places_by_name(session), cohort.option, person, as_of):
        raise eligibility.NotEligible(as_of)
    if person.pathway_status == PathwayStatus.AGREED:
        raise Conflict("the young person's pathway is already agreed")
    active = session.scalar(
        select(CohortMember.cohort_id).where(
            CohortMember.young_person_id == person.id, CohortMember.stage.in_(ACTIVE_STAGES)
        )
    )
    if active is not None:
        raise Conflict("the young person is an active member of a cohort already")
    taken = session.execute(
        update(Option).where(Option.id == cohort.option_id, Option.placed < Option.capacity)
        .values(placed=Option.placed + 1)
    )  # fmt: skip
    if taken.rowcount != 1:
        raise Conflict(f"the cohort is full: all {cohort.capacity} places are taken")
    member = CohortMember(
        cohort_id=cohort.id,
        young_person_id=person.id,
        stage=Stage.ENROLLED,
        stage_since=today,
        enrolled_on=today,
    )
    session.add(member)
    person.pathway_status = PathwayStatus.IN_PROGRESS
    person.pathway_route = Route.HOUSE_PROJECT
    person.pathway_option_id = cohort.option_id
    person.pathway_agreed_on = None
    try:
        session.flush()
    except IntegrityError as error:  # a simultaneous enrolment in another cohort won
        raise Conflict("the young person is an active member of a cohort already") from error
    audit.record(session, actor, "enrol", person.id, f"enrolled in cohort {cohort.name}")
    return member


def move(
    session: Session,
    actor: Actor,
    cohort_id: str,
    young_person_id: str,
    *,
    changes: dict[str, Any],
    today: date,
) -> CohortMember:
    with transaction(session):
        cohort = get(session, cohort_id)
        member = next((m for m in cohort.members if m.young_person_id == young_person_id), None)
        if member is None:
            raise NotFound(f"{young_person_id} is not a member of cohort {cohort_id}")
        stage = changes.get("stage", member.stage)
        if stage != member.stage and stage not in NEXT_STAGES[Stage(member.stage)]:
            allowed = ", ".join(NEXT_STAGES[Stage(member.stage)]) or "none: it is final"
            raise Invalid.field("stage", f"from {member.stage} the next stages are {allowed}")
        if "property" in changes:
            _record_property(session, member, changes["property"])
        if stage != member.stage:
            on, reason = changes.get("on", today), changes.get("reason")
            stage_moves.check(cohort, member, Stage(stage), on=on, today=today)
            stage_moves.remember(member, actor, reason)
            _enter(session, actor, cohort, member, Stage(stage), today=on)
        audit.record(
            session,
            actor,
            "update",
            young_person_id,
            f"cohort {cohort.name}: stage {member.stage.replace('_', ' ')}",
        )
    return member


def _record_property(session: Session, member: CohortMember, found: dict[str, Any]) -> None:
    place = session.get(Place, found["place"])
    if place is None:
        raise Invalid({"property": {"place": [f"unknown place {found['place']!r}"]}})
    if place.district is None:  # a House Project home is in the county (domain.md)
        raise Invalid(
            {"property": {"place": ["a House Project home is in West Sussex: choose a town there"]}}
        )
    option_id = found.get("option")
    if option_id is not None and session.get(Option, option_id) is None:
        raise Invalid({"property": {"option": [f"no option with id {option_id}"]}})
    member.property_place, member.property_option_id = found["place"], option_id
    member.property_description = found.get("description")


def _enter(
    session: Session, actor: Actor, cohort: Cohort, member: CohortMember, stage: Stage, *, today: date
) -> None:
    member.stage, member.stage_since = stage, today
    person = session.get(YoungPerson, member.young_person_id)
    if stage == Stage.MOVED_IN:
        member.moved_in_on = today
        person.pathway_status, person.pathway_agreed_on = PathwayStatus.AGREED, today
        person.pathway_route, person.pathway_option_id = Route.HOUSE_PROJECT, cohort.option_id
        placements.open_placement(
            session, actor, cohort.option_id, person.id, starts=today, now=datetime.now(UTC)
        )
    elif stage == Stage.WITHDRAWN:
        placements.close_for_cohort(session, actor, person.id, today)
        session.execute(
            update(Option)
            .where(Option.id == cohort.option_id, Option.placed > 0)
            .values(placed=Option.placed - 1)
        )
        person.pathway_status, person.pathway_agreed_on = PathwayStatus.IN_PROGRESS, None
        person.pathway_route, person.pathway_option_id = None, None
