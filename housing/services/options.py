"""Use cases for housing options: one store for every route, each route with its own fields
(`housing.reads.options` lists and shows them)."""

from collections.abc import Collection, Iterator, Mapping
from typing import Any

from sqlalchemy.orm import Session

from housing import lifedates
from housing.actors import Actor
from housing.clock import today
from housing.db import found, transaction
from housing.errors import Conflict, FieldErrors, Forbidden, Invalid
from housing.models import Option, Provider, YoungPerson
from housing.models.types import new_id
from housing.reads.reference import Names
from housing.services import audit, events, placement_ends, placements
from housing.vocabulary import SUPPORTED_ROUTES, EventKind, Role, Route

# Fields only some routes carry; any other route must leave them out.
ROUTE_FIELDS: dict[str, tuple[Route, ...]] = {
    "young_person_id": (Route.STAYING_PUT,),
    "carer_willing": (Route.STAYING_PUT,),
    "registered_16_17": SUPPORTED_ROUTES,
    "uasc_specialist": (Route.SUPPORTED_ACCOMMODATION,),
}
# A private tenancy's money: its own, and optional (housing/money.py checks the rent when there is one).
MONEY_FIELDS = ("monthly_rent", "deposit", "rent_in_advance", "guarantor_needed", "rental_market_area")
OPTIONAL_ROUTE_FIELDS: dict[str, tuple[Route, ...]] = dict.fromkeys(MONEY_FIELDS, (Route.PRIVATE_RENTED,))
# A supported route's provider and weekly cost of a place: optional, its own.
OPTIONAL_ROUTE_FIELDS |= {"provider_id": SUPPORTED_ROUTES, "weekly_cost": SUPPORTED_ROUTES}
# Sensible defaults where a route's field may be left out.
ROUTE_DEFAULTS = {"uasc_specialist": False}
API_NAME = {"young_person_id": "young_person", "provider_id": "provider"}
STAYING_PUT_UNTIL = 21  # years: a Staying Put arrangement may last until the young person is 21
ADULT = 18  # a private tenancy (api-contract v1.1, *A sixth route*)


def may_see(actor: Actor, option: Option) -> bool:
    """District officers keep their own register; coordinators read the House Project's places."""
    if actor.role is Role.DISTRICT_OFFICER:
        return option.route == Route.REGISTER_VACANCY and option.district == actor.district
    if actor.role is Role.HOUSE_PROJECT_COORDINATOR:
        return option.route == Route.HOUSE_PROJECT
    if actor.role is Role.COMMISSIONER:  # a Staying Put offer names its young person
        return option.route != Route.STAYING_PUT
    return True


def may_change(actor: Actor, option: Option) -> bool:
    if actor.role in (Role.HOUSE_PROJECT_COORDINATOR, Role.COMMISSIONER):
        return False
    return may_see(actor, option)


def check_may_record(session: Session, actor: Actor, route: Any, place: Any) -> None:
    """403 for a district officer recording anything but a register vacancy in their own district,
    read from the body as sent, before it is validated (the contract's order: 403 before 422)."""
    if actor.role is not Role.DISTRICT_OFFICER:
        return
    if isinstance(route, str) and route != Route.REGISTER_VACANCY:
        raise Forbidden("district officers record register vacancies only")
    if isinstance(place, str) and Names(session).places.get(place, actor.district) != actor.district:
        raise Forbidden("district officers record vacancies in their own district only")


def check_may_change(session: Session, actor: Actor, option_id: str) -> None:
    """404 for an unknown option, 403 for one the role may not change: before the changes are read."""
    if not may_change(actor, get(session, actor, option_id)):
        raise Forbidden("your role may not change this option")


def create(session: Session, actor: Actor, data: dict[str, Any]) -> Option:
    route = Route(data["route"])
    if route == Route.HOUSE_PROJECT:
        raise Invalid.field("route", "house_project options come with their cohort: see /api/v1/cohorts")
    if actor.role is Role.DISTRICT_OFFICER and route != Route.REGISTER_VACANCY:
        raise Forbidden("district officers record register vacancies only")
    with transaction(session):
        option = drafted(session, data)
        _staying_put_to_21(session, option)
        if not may_change(actor, option):
            raise Forbidden("district officers record vacancies in their own district only")
        session.add(option)
        session.flush()
        if option.young_person_id:
            audit.record(
                session,
                actor,
                "create",
                option.young_person_id,
                f"Staying Put offer {option.name}, {option.place}",
            )
        events.record(session, EventKind.NEW_OPTION, subject_id=option.id, options=[option.id], actor=actor)
    return option


def drafted(session: Session, data: dict[str, Any]) -> Option:
    """An option as `create` would record it, every rule checked, but not added to the store."""
    route = Route(data["route"])
    for field, default in ROUTE_DEFAULTS.items():
        if route in ROUTE_FIELDS[field]:
            data.setdefault(field, default)
    option = Option(placed=0, **data)
    _check(session, option, provided=set(data))
    return option


def get(session: Session, actor: Actor, option_id: str) -> Option:
    """The option, if this actor may see it (404, then 403), with its places judged for today.

    The update's own guard, so it stays with the update: the change form asks it for the option it
    fills in and then changes (`housing.reads.options` is what the faces read an option through)."""
    option = found(session, Option, option_id, "option")
    if not may_see(actor, option):
        raise Forbidden("this option is outside what your role may see")
    placements.judge_on(session, [option], today())
    return option


def update(session: Session, actor: Actor, option_id: str, changes: dict[str, Any]) -> Option:
    with transaction(session):
        option = get(session, actor, option_id)
        if not may_change(actor, option):
            raise Forbidden("your role may not change this option")
        if option.route == Route.HOUSE_PROJECT:
            raise Conflict("a House Project option changes with its cohort: see /api/v1/cohorts")
        places_before = option.capacity
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
            audit.record(
                session,
                actor,
                "update",
                option.young_person_id,
                f"Staying Put offer {option.name}, {option.place}",
            )
        if option.capacity > places_before:  # more places: propose again for whoever they could serve
            events.record(
                session, EventKind.NEW_OPTION, subject_id=option.id, options=[option.id], actor=actor,
                key=f"more_places:{option.id}:{new_id()}",
            )  # fmt: skip
    return option


def _staying_put_to_21(session: Session, option: Option) -> None:
    """Staying Put runs to 21 unless the offer gives its own end (the county's Staying Put promise)."""
    if option.route == Route.STAYING_PUT and option.available_until is None:
        person = session.get(YoungPerson, option.young_person_id)
        option.available_until = lifedates.birthday(person.date_of_birth, STAYING_PUT_UNTIL)


def _check(session: Session, option: Option, provided: set[str]) -> None:
    """Every cross-field and cross-record rule an option must keep, after create or change."""
    errors = FieldErrors()
    names = Names(session)
    for field, reason in rule_problems(_rule_fields(option), names.places):
        errors.add((field,), reason)
    option.district = names.places.get(option.place)
    values = {field: getattr(option, field) for field in (*ROUTE_FIELDS, *OPTIONAL_ROUTE_FIELDS, "min_age")}
    for field, reason in route_problems(option.route, values, provided):
        errors.add((field,), reason)
    # Looked up only where the route may name a young person: elsewhere the field is refused above
    # without saying whether the id exists (a council must not learn who is in the store).
    named = option.route in ROUTE_FIELDS["young_person_id"] and option.young_person_id
    if named and session.get(YoungPerson, option.young_person_id) is None:
        errors.add(("young_person",), f"no young person with id {option.young_person_id}")
    supplied = option.route in SUPPORTED_ROUTES and option.provider_id
    if supplied and session.get(Provider, option.provider_id) is None:
        errors.add(("provider",), f"no provider with id {option.provider_id}")
    errors.raise_any()


def route_problems(
    route: Route, values: Mapping[str, Any], provided: Collection[str]
) -> Iterator[tuple[str, str]]:
    """The fields a route must carry and those it must not, by their API names: judged on the fields
    there are, so a schema can name them beside every other problem in one answer (issue 30)."""
    for field, routes in ROUTE_FIELDS.items():
        name = API_NAME.get(field, field)
        if route in routes and values.get(field, ROUTE_DEFAULTS.get(field)) is None:
            yield name, f"required for a {route.value} option"
        elif route not in routes and field in provided:
            yield name, f"only for {' and '.join(r.value for r in routes)} options"
    for field, routes in OPTIONAL_ROUTE_FIELDS.items():
        if route not in routes and field in provided and values.get(field) is not None:
            yield API_NAME.get(field, field), f"only for {' and '.join(r.value for r in routes)} options"
    min_age = values.get("min_age")
    if route == Route.PRIVATE_RENTED and isinstance(min_age, int) and min_age < ADULT:
        yield "min_age", f"must be at least {ADULT}: a private tenancy is for adults"


RULE_FIELDS = ("place", "min_age", "max_age", "available_from", "available_until")


def rule_problems(
    option: Mapping[str, Any], places: Mapping[str, str | None], district: str | None = None
) -> Iterator[tuple[str, str]]:
    """The option rules every face keeps (the API, the pages, a council's file): (field, reason) pairs.

    A known place, in `district` when one is named (a council's upload fills its own register);
    ages from no more than to; an end not before the start.
    """
    yield from place_problems(option, places, district)
    yield from order_problems(option)


def place_problems(
    option: Mapping[str, Any], places: Mapping[str, str | None], district: str | None = None
) -> Iterator[tuple[str, str]]:
    place = option.get("place")
    if place is None:
        return
    if place not in places:
        yield "place", f"unknown place {place!r}: use a town from the list of places"
    elif district is not None and places[place] != district:
        yield "place", f"{place} is not in {district}"


def order_problems(option: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Pairs out of order, judged on whichever of the pair are there: a schema asks it beside its own
    field checks, so a form or a file names every problem at once (issue 30)."""
    low, high = option.get("min_age"), option.get("max_age")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        yield "min_age", f"must not be above max_age ({high})"
    until, start = option.get("available_until"), option.get("available_from")
    if until is not None and start is not None and until < start:
        yield "available_until", f"must not be before available_from ({start})"


def _rule_fields(option: Option) -> dict[str, Any]:
    return {field: getattr(option, field) for field in RULE_FIELDS}
