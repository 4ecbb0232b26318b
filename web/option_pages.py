"""Housing options of every route on pages: listed, recorded, changed and withdrawn (housing officers).

Each form is loaded with the API's option schema and saved by the API's use case, so a page and the
API refuse the same things for the same reasons; a Staying Put change is audited on the young
person's record as the API's is.
"""

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from flask import current_app, flash, g, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from housing import money
from housing.clock import today
from housing.errors import NotFound
from housing.models import Option
from housing.money import RENTAL_MARKET_AREAS
from housing.permissions import OFFICERS, OPTION_EDITORS
from housing.reads import names, providers, records, reference
from housing.reads import options as option_reads
from housing.reads.names import district_names
from housing.reads.record_values import Record
from housing.services import options
from housing.services.options import OPTIONAL_ROUTE_FIELDS, ROUTE_FIELDS
from housing.services.providers import RATING_WORDS
from housing.vocabulary import SUPPORTED_ROUTES, Role, Route
from httpkit.store import db
from jsonapi.schemas.options import OptionPatchSchema, OptionSchema
from web import forms
from web.forms import Labels, date_boxes, date_from, in_form_order, load, pounds_from
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint
from web.words import long_date

bp = page_blueprint("option_pages", __name__)
PAGE_SIZE = 50
ROUTES = [route for route in Route if route != Route.HOUSE_PROJECT]  # the House Project's come with cohorts

LABELS = Labels({
    "young_person": "the young person's case reference", "carer_willing": "whether the carer is willing",
    "name": "the name", "place": "the place", "capacity": "the number of places",
    "available_from": "the date it is available from", "available_until": "the date it is available until",
    "min_age": "the youngest age", "max_age": "the oldest age", "support_levels": "the support levels",
    "access": "access", "bedrooms": "the number of bedrooms",
    "accepts_children": "whether children are accepted",
    "registered_16_17": "whether it is registered for 16 and 17 year olds",
    "uasc_specialist": "whether it specialises in UASC",
    "monthly_rent": "the monthly rent", "deposit": "the deposit", "rent_in_advance": "the rent in advance",
    "guarantor_needed": "whether a guarantor is needed", "rental_market_area": "the broad rental market area",
    "provider": "the provider", "weekly_cost": "the weekly cost of a place",
}, choices=("place", "support_levels", "carer_willing", "registered_16_17", "uasc_specialist",
            "accepts_children", "guarantor_needed", "rental_market_area", "provider"))  # fmt: skip
NUMBERS = ("capacity", "min_age", "max_age", "bedrooms")
POUNDS = ("monthly_rent", "deposit", "rent_in_advance")  # a private tenancy's, typed with or without £
YES_NO = ("accepts_children", "carer_willing", "registered_16_17", "uasc_specialist", "guarantor_needed")
ROUTE_OWN = ROUTE_FIELDS | OPTIONAL_ROUTE_FIELDS


def body_from(form: MultiDict, route: Route) -> dict[str, Any]:
    body: dict[str, Any] = {key: form[key].strip() for key in ("name", "place") if form.get(key, "").strip()}
    for key in NUMBERS:
        text = form.get(key, "").strip()
        if text:
            body[key] = int(text) if text.isdigit() else text
    if route in OPTIONAL_ROUTE_FIELDS["monthly_rent"]:  # left blank: not known yet, so none is recorded
        for key in POUNDS:
            body[key] = pounds_from(form, key)
        body["rental_market_area"] = form.get("rental_market_area") or None
    if route in SUPPORTED_ROUTES:  # who runs it, and a place's cost a week (blank: not known)
        body["weekly_cost"] = pounds_from(form, "weekly_cost")
        body["provider"] = form.get("provider") or None
    if (start := date_from(form, "available_from")) is not None:
        body["available_from"] = start
    body["available_until"] = date_from(form, "available_until")
    body["support_levels"] = form.getlist("support_levels")
    body["step_free"] = "step_free" in form.getlist("access")
    body["wheelchair"] = "wheelchair" in form.getlist("access")
    for key in YES_NO:  # a route's own questions only on that route; left blank, the schema or rule says so
        carried = key not in ROUTE_OWN or route in ROUTE_OWN[key]
        if carried and form.get(key) in ("yes", "no"):
            body[key] = form[key] == "yes"
    return body


def typed(form: MultiDict) -> dict[str, Any]:
    values: dict[str, Any] = form.to_dict()
    values["support_levels"] = form.getlist("support_levels")
    values["access"] = form.getlist("access")
    for name in ("available_from", "available_until"):
        values[name] = {part: form.get(f"{name}-{part}", "") for part in ("day", "month", "year")}
    return values


def from_option(option: Option) -> dict[str, Any]:
    values: dict[str, Any] = {key: str(getattr(option, key)) for key in (*NUMBERS, "name", "place")}
    values |= {key: str(getattr(option, key)) for key in POUNDS if getattr(option, key) is not None}
    values["rental_market_area"] = option.rental_market_area or ""
    values["provider"] = option.provider_id or ""
    values["weekly_cost"] = "" if option.weekly_cost is None else str(option.weekly_cost)
    values |= {
        key: ("yes" if getattr(option, key) else "no") for key in YES_NO if getattr(option, key) is not None
    }
    values["support_levels"] = list(option.support_levels)
    values["access"] = [need for need in ("step_free", "wheelchair") if getattr(option, need)]
    values["available_from"] = date_boxes(option.available_from)
    values["available_until"] = date_boxes(option.available_until)
    return values


def _form(route: Route, values: dict, errors: dict, option=None, person=None) -> tuple[str, int]:
    districts = reference.districts(db())
    return render_template(
        "option_form.html",
        route=route,
        values=values,
        errors=errors,
        option=option,
        person=person,
        places=reference.places(db()),
        area_choices=[(area, area) for area in RENTAL_MARKET_AREAS],
        provider_choices=list(providers.names(db()).items()),
        district_names={d.slug: d.name for d in districts},
    ), (400 if errors else 200)


def _young_person(form: MultiDict, body: dict, errors: dict) -> Record | None:
    """Staying Put names its young person: from their record (an id), or by their case reference.

    The one found is shown in a summary on the form, so it is read as an audited view.
    """
    wanted = form.get("young_person", "").strip()
    person_id = form.get("young_person_id") or (names.young_person_id(db(), wanted) if wanted else None)
    person = _viewed(person_id) if person_id else None
    if person is None:
        errors["young_person"] = (
            "No young person has this case reference" if wanted else "Enter the young person's case reference"
        )
        return None
    body["young_person"] = person.id
    return person


def _viewed(young_person_id: str) -> Record | None:
    try:
        return records.view(db(), g.actor, young_person_id, today())
    except NotFound:
        return None


@bp.get("/options")
@page(*OFFICERS)
def option_list() -> str:
    route = request.args.get("route") if request.args.get("route") in list(Route) else None
    districts = district_names(db())
    district = request.args.get("district") if request.args.get("district") in districts else None
    named = request.args.get("q", "").strip()
    places_left = request.args.get("places_left") == "yes"
    number = page_asked()
    found, total = option_reads.search(db(), g.actor, page=number, page_size=PAGE_SIZE, route=route,
                                  district=district, named=named, places_left=places_left)  # fmt: skip
    kept = {"route": route, "district": district, "q": named, "places_left": "yes" if places_left else None}
    until = current_app.config["SAR_EXEMPTION_UNTIL"]
    money_words = {o.id: _money_lines(o, until) for o in found if o.route == Route.PRIVATE_RENTED}
    run_by = providers.by_id(db(), {o.provider_id for o in found if o.provider_id})
    money_words |= {o.id: _provider_lines(o, run_by) for o in found if o.route in SUPPORTED_ROUTES}
    return render_template(
        "options.html",
        found=found,
        money_words=money_words,
        rates_note=any(o.route == Route.PRIVATE_RENTED for o in found)
        and f"{money.RATES_SOURCE}, as of {long_date(money.RATES_AS_OF)}; care leavers' exemption "
        f"from the shared rate until {until} is to be confirmed against current DWP rules.",
        total=total,
        route=route,
        district=district,
        named=named,
        places_left=places_left,
        query="&" + urlencode({key: value for key, value in kept.items() if value}),
        districts=districts,
        routes=ROUTES,
        done=request.args.get("done"),
        page=number,
        pages=page_count(total, PAGE_SIZE),
    )


def _money_lines(option: Option, until: int) -> list[str]:
    """A private tenancy's rent against the LHA rates, and what the landlord asks, in words."""
    rent = option.monthly_rent
    checked = money.option_words(rent, option.rental_market_area, until) if rent is not None else ""
    return [checked, money.terms_words(option.deposit, option.rent_in_advance, option.guarantor_needed)]


def _provider_lines(option: Option, run_by: dict[str, providers.Listed]) -> list[str]:
    """A supported option's provider with its Ofsted rating, and its weekly cost of a place, in words."""
    provider = run_by.get(option.provider_id or "")
    said = []
    if provider is not None:
        rating = RATING_WORDS[provider.rating]
        inspected = f", inspected {long_date(provider.inspected_on)}" if provider.inspected_on else ""
        said.append(f"Run by {provider.name} (Ofsted: {rating}{inspected})")
    if option.weekly_cost is not None:
        said.append(f"£{option.weekly_cost:,} a week a place")
    return said


@bp.route("/options/new", methods=["GET", "POST"])
@page(*OFFICERS)
def record_option() -> Response | tuple[str, int]:
    route = request.args.get("route")
    if route not in ROUTES:
        return render_template("option_routes.html", routes=ROUTES)
    route = Route(route)
    person = _viewed(request.args["young_person"]) if request.args.get("young_person") else None
    if request.args.get("young_person") and person is None:
        return render_template("error.html", title="Page not found", code=404), 404
    if request.method == "GET":
        youngest = str(options.ADULT) if route == Route.PRIVATE_RENTED else "16"  # a tenancy is for adults
        values = {"available_from": date_boxes(today()), "capacity": "1", "min_age": youngest,
                  "max_age": "25", "bedrooms": "1", "support_levels": ["low", "medium", "high"]}  # fmt: skip
        return _form(route, values, {}, person=person)
    body = {"route": route.value, **body_from(request.form, route)}
    errors: dict[str, str] = {}
    if route == Route.STAYING_PUT:
        person = _young_person(request.form, body, errors)
    data, schema_errors = load(OptionSchema(), body, LABELS, {"young_person_id": "young_person"})
    errors = in_form_order(schema_errors | errors, LABELS)
    option = forms.saved(
        lambda loaded: options.create(db(), g.actor, loaded), data, errors, LABELS, "capacity"
    )
    if option is None:
        return _form(route, typed(request.form), errors, person=person)
    if route == Route.STAYING_PUT:
        return redirect(
            url_for("person_page.young_person", young_person_id=option.young_person_id, done="staying-put")
        )
    return redirect(url_for("option_pages.option_list", route=route.value, done="recorded"))


def _changeable(option_id: str) -> Option:
    """An option an officer may change here: an unknown or unseen one is web/errors.py's page, and a
    House Project option is changed through its cohort."""
    option = options.get(db(), g.actor, option_id)
    if option.route == Route.HOUSE_PROJECT:
        raise NotFound("a House Project option is changed through its cohort")
    return option


@bp.route("/options/<option_id>/edit", methods=["GET", "POST"])
@page(*OPTION_EDITORS)  # a council changes the vacancies it keeps (options.may_change says which)
def change_option(option_id: str) -> Response | tuple[str, int]:
    option = _changeable(option_id)
    person = _viewed(option.young_person_id) if option.young_person_id else None
    if request.method == "GET":
        return _form(option.route, from_option(option), {}, option, person)
    data, errors = load(OptionPatchSchema(), body_from(request.form, option.route), LABELS)
    saved = forms.saved(
        lambda loaded: options.update(db(), g.actor, option.id, loaded), data, errors, LABELS, "capacity"
    )
    if saved is None:
        return _form(option.route, typed(request.form), errors, _changeable(option_id), person)
    return _listed(saved, "changed")


@bp.post("/options/<option_id>/withdraw")
@page(*OPTION_EDITORS)
def withdraw_option(option_id: str) -> Response | tuple[str, int]:
    """No longer offered from today: available until yesterday, so no later run proposes it.

    The contract has no withdrawal of its own; places already taken stay with their young people.
    """
    option = _changeable(option_id)
    yesterday = today() - timedelta(days=1)
    changes = {"available_until": yesterday.isoformat()}
    if option.available_from > yesterday:
        changes["available_from"] = yesterday.isoformat()
    options.update(db(), g.actor, option.id, OptionPatchSchema().load(changes))
    return _listed(option, "withdrawn")


def _listed(option: Option, done: str) -> Response:
    """Back to the list the officer came from: the county's options, or the council's vacancies."""
    if g.actor.role is Role.DISTRICT_OFFICER:
        flash(f"{option.name}: {'changed' if done == 'changed' else 'withdrawn from today'}.")
        return redirect(url_for("district_vacancies.vacancies_page"))
    return redirect(url_for("option_pages.option_list", route=option.route.value, done=done))
