"""Use cases for housing options: one store for every route, each route with its own fields."""

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from housing import lifedates
from housing.actors import Actor
from housing.clock import today
from housing.db import transaction
from housing.errors import Conflict, FieldErrors, Forbidden, Invalid, NotFound
from housing.models import Option, YoungPerson
from housing.services import audit, placement_ends, placements
from housing.services.reference import Names
from housing.vocabulary import SUPPORTED_ROUTES, Role, Route

# Fields only some routes carry; any other route must leave them out.
ROUTE_FIELDS: dict[str, tuple[Route, ...]] = {
    "young_person_id": (Route.STAYING_PUT,),
    "carer_willing": (Route.STAYING_PUT,),
    "registered_16_17": SUPPORTED_ROUTES,
    "uasc_specialist": (Route.SUPPORTED_ACCOMMODATION,),
}
# Sensible defaults where a route's field may be left out.
ROUTE_DEFAULTS = {"uasc_specialist": False}
API_NAME = {"young_person_id": "young_person"}
STAYING_PUT_UNTIL = 21  # years: a Staying Put arrangement may last until the young person is 21
ADULT = 18  # a private tenancy (api-contract v1.1, *A sixth route*)


def may_see(actor: Actor, option: Option) -> bool:
    """District officers keep their own register; coordinators read the House Project's places."""
    if actor.role is Role.DISTRICT_OFFICER:
        return option.route == Route.REGISTER_VACANCY and option.district == actor.district
    if actor.role is Role.HOUSE_PROJECT_COORDINATOR:
        return option.route == Route.HOUSE_PROJECT
    return True


def may_change(actor: Actor, option: Option) -> bool:
    if actor.role is Role.HOUSE_PROJECT_COORDINATOR:
        return False
    return may_see(actor, option)


def create(session: Session, actor: Actor, data: dict[str, Any]) -> Option:
    route = Route(data["route"])
    if route == Route.HOUSE_PROJECT:
        raise Invalid.field("route", "house_project options come with their cohort: see /api/v1/cohorts")
    if actor.role is Role.DISTRICT_OFFICER and route != Route.REGISTER_VACANCY:
        raise Forbidden("district officers record register vacancies only")
    with transaction(session):
        for field, default in ROUTE_DEFAULTS.items():
            if route in ROUTE_FIELDS[field]:
                data.setdefault(field, default)
        option = Option(**data)
        _check(session, option, provided=set(data))
        _staying_put_to_21(session, option)
        if not may_change(actor, option):
            raise Forbidden("district officers record vacancies in their own district only")
        session.add(option)
        session.flush()
        if option.young_person_id:
            audit.record(session, actor, "create", option.young_person_id, f"staying_put option {option.id}")
    return option


def get(session: Session, actor: Actor, option_id: str) -> Option:
    option = session.get(Option, option_id)
    if option is None:
        raise NotFound(f"no option with id {option_id}")
    if not may_see(actor, option):
        raise Forbidden("this option is outside what your role may see")
    placements.judge_on(session, [option], today())
    return option


def search(
    session: Session,
    actor: Actor,
    *,
    page: int,
    page_size: int,
    route: str | None = None,
    district: str | None = None,
    place: str | None = None,
) -> tuple[list[Option], int]:
    query = _visible(select(Option), actor)
    for column, value in ((Option.route, route), (Option.district, district), (Option.place, place)):
        if value is not None:
            query = query.where(column == value)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    options = session.scalars(
        query.order_by(Option.route, Option.district, Option.name, Option.id)
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    found = list(options)
    placements.judge_on(session, found, today())
    return found, total


def update(session: Session, actor: Actor, option_id: str, changes: dict[str, Any]) -> Option:
    with transaction(session):
        option = get(session, actor, option_id)
        if not may_change(actor, option):
            raise Forbidden("your role may not change this option")
        if option.route == Route.HOUSE_PROJECT:
            raise Conflict("a House Project option changes with its cohort: see /api/v1/cohorts")
        with session.no_autoflush:  # nothing reaches the database before every rule has passed
            for field, value in changes.items():
                setattr(option, field, value)
            _check(session, option, provided=set(changes))
        if not may_change(actor, option):
            raise Forbidden("district officers keep vacancies in their own district only")
        if option.capacity < option.placed:
            raise Conflict(f"capacity {option.capacity} is below the {option.placed} places already accepted")
        if changes.get("carer_willing") is False:
            placement_ends.when_carer_unwilling(session, actor, option, today())
        if option.young_person_id:
            audit.record(session, actor, "update", option.young_person_id, f"staying_put option {option.id}")
    return option


def _staying_put_to_21(session: Session, option: Option) -> None:
    """Staying Put runs to 21 unless the offer gives its own end (the county's Staying Put promise)."""
    if option.route == Route.STAYING_PUT and option.available_until is None:
        person = session.get(YoungPerson, option.young_person_id)
        option.available_until = lifedates.birthday(person.date_of_birth, STAYING_PUT_UNTIL)


def _visible(query: Select[tuple[Option]], actor: Actor) -> Select[tuple[Option]]:
    if actor.role is Role.DISTRICT_OFFICER:
        return query.where(Option.route == Route.REGISTER_VACANCY, Option.district == actor.district)
    if actor.role is Role.HOUSE_PROJECT_COORDINATOR:
        return query.where(Option.route == Route.HOUSE_PROJECT)
    return query


def _check(session: Session, option: Option, provided: set[str]) -> None:
    """Every cross-field and cross-record rule an option must keep, after create or change."""
    errors = FieldErrors()
    names = Names(session)
    names.check_place(errors, ("place",), option.place)
    option.district = names.places.get(option.place)
    for field, routes in ROUTE_FIELDS.items():
        name = API_NAME.get(field, field)
        if option.route in routes and getattr(option, field) is None:
            errors.add((name,), f"required for a {option.route.value} option")
        elif option.route not in routes and field in provided:
            errors.add((name,), f"only for {' and '.join(r.value for r in routes)} options")
    if option.route == Route.PRIVATE_RENTED and option.min_age < ADULT:
        errors.add(("min_age",), f"must be at least {ADULT}: a private tenancy is for adults")
    if option.min_age > option.max_age:
        errors.add(("min_age",), f"must not be above max_age ({option.max_age})")
    if option.available_until is not None and option.available_until < option.available_from:
        errors.add(("available_until",), f"must not be before available_from ({option.available_from})")
    if option.young_person_id and session.get(YoungPerson, option.young_person_id) is None:
        errors.add(("young_person",), f"no young person with id {option.young_person_id}")
    errors.raise_any()
