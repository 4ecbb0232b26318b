"""The planning pages' words: routes as people say them, scarcity, and the what-if form read and checked.

A shadow price is a number in the matcher's cost units: a commissioner needs what it means, so
the pages say what one more place would do ("house one more young person due within 90 days",
"let a young person keep links about 14 km nearer") and keep the number behind a details element.
"""

from typing import Any

from housing import disclosure
from housing.reads.sufficiency import Gain, Group, filled_shown
from housing.vocabulary import SUPPORTED_ROUTES, Route
from web.words import ROUTE_WORDS

ADDABLE = (Route.REGISTER_VACANCY, Route.SUPPORTED_LODGINGS, Route.SUPPORTED_ACCOMMODATION)
OUT_OF_COUNTY = "Out of county"

# Scarcity, most pressing first: the tag's words and colour.
SCARCITY = {
    "urgent": ("Very scarce", "govuk-tag--red"),
    "houses": ("Scarce", "govuk-tag--orange"),
    "moves": ("Some gain", "govuk-tag--yellow"),
    "enough": ("Enough", "govuk-tag--green"),
}


def scarcity(group: Group) -> str:
    if group.gain is None:
        return "enough"
    if group.gain.housed is not None:
        return "urgent" if group.gain.urgent else "houses"
    return "moves"


def grid(groups: list[Group], districts: dict[str, str], commissioner: bool) -> dict[str, Any]:
    """Districts down, routes across; each cell a group (or None where the district has no such option)."""
    routes = [route for route in Route if any(g.route == route for g in groups)]
    filled = dict(zip(map(id, groups), filled_shown(groups, commissioner), strict=True))
    rows = []
    for slug, name in [*sorted(districts.items(), key=lambda item: item[1]), (None, OUT_OF_COUNTY)]:
        cells = {g.route: cell(g, filled[id(g)], commissioner) for g in groups if g.district == slug}
        if cells:
            rows.append({"name": name, "cells": [cells.get(route) for route in routes]})
    return {"routes": [ROUTE_WORDS[route] for route in routes], "rows": rows}


def cell(group: Group, filled: int | str, commissioner: bool) -> dict[str, Any]:
    words, colour = SCARCITY[scarcity(group)]
    shown = disclosure.rounded if commissioner else int
    fill = (  # withheld beside 1-4 places left (housing/disclosure.py), said in words
        "not shown how many matching would fill"
        if filled == disclosure.WITHHELD
        else f"matching would fill {filled}"
    )
    return {
        "places": group.places, "remaining": group.remaining, "filled": filled, "fill": fill,
        "demand": shown(group.demand_in_reach), "tag": words, "colour": colour, "cost": cost_words(group),
    }  # fmt: skip


def cost_words(group: Group) -> str:
    """A place's weekly cost here in words, where the route carries one (supported places)."""
    if group.weekly_cost is not None:
        return f"a place costs about {pounds(group.weekly_cost)} a week"
    return "no weekly cost recorded" if group.route in SUPPORTED_ROUTES else ""


def pounds(amount: int) -> str:
    return f"£{amount:,}" if amount >= 0 else f"-£{-amount:,}"


def cost_change(weekly: dict[str, int]) -> str:
    """What the what-if's places cost: "£2,900 a week more (about £150,800 a year)", and those uncosted."""
    change, uncosted = weekly["change"], weekly["uncosted_places"]
    said = ""
    if change:
        more = (
            "cost " + pounds(change) + " a week more" if change > 0 else "save " + pounds(-change) + " a week"
        )
        said = f"The places changed would {more} (about {pounds(abs(change) * 52)} a year)."
    elif not uncosted:
        said = "The places changed would cost nothing more a week."
    if uncosted == 1:
        said += " 1 place changed has no weekly cost recorded, so is not counted."
    elif uncosted:
        said += f" {uncosted} places changed have no weekly cost recorded, so are not counted."
    return said.strip()


def pounds_typed(text: str) -> int | None:
    """Whole pounds typed with or without £ and commas; None for anything else (or less than 0)."""
    number = whole(text.strip().removeprefix("£").replace(",", "")) if text.strip() else None
    return number if number is not None and number >= 0 else None


def sentences(groups: list[Group], districts: dict[str, str], commissioner: bool) -> list[str]:
    """What one more place would do, where it would do anything, the most valuable first."""
    out = []
    for group in sorted(groups, key=lambda g: -g.shadow_price):
        if group.gain is None:
            continue
        where = districts.get(group.district, OUT_OF_COUNTY) if group.district else "out of county"
        place = f"One more {ROUTE_WORDS[group.route]} place {'in ' + where if group.district else where}"
        cost = f"; a place there costs about {pounds(group.weekly_cost)} a week" if group.weekly_cost else ""
        out.append(f"{place} would {doing(group.gain, commissioner)}{cost}.")
    return out


def doing(gain: Gain, commissioner: bool) -> str:
    km = nearer(gain.nearer_km)
    if gain.housed is not None:
        housed = "house one more young person" + (" due within 90 days" if gain.urgent else "")
        if not gain.moves:
            return housed
        return f"{housed}, with {movers(gain.moves, commissioner)} moving to free the place"
    if gain.moves == 1 and not commissioner:
        return f"let a young person keep links {km}"
    return f"let {movers(gain.moves, commissioner)} move, keeping links {km} in all"


def movers(moves: int, commissioner: bool) -> str:
    if commissioner and disclosure.rounded(moves) == disclosure.SMALL:
        return "a few young people"
    return "one other young person" if moves == 1 else f"{moves} young people"


def nearer(km: float) -> str:
    return "less than 1 km nearer" if km < 0.5 else f"about {round(km)} km nearer"


def what_if_request(form: dict[str, str], rows: int, day: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The API's request body from the form, or the form's own mistakes, each beside its field."""
    errors: dict[str, str] = {}
    changes = []
    for n in range(rows):
        option, places = form.get(f"change-{n}-option", ""), form.get(f"change-{n}-places", "").strip()
        if not option and not places:
            continue
        if not option:
            errors[f"change-{n}-option"] = "Choose the option to change"
        number = whole(places)
        if number is None or number == 0:
            errors[f"change-{n}-places"] = "Enter the places to add or remove as a whole number, like 2 or -1"
        if option and number:
            changes.append({"option": option, "places": number})
    add = [_added(form, day, errors)] if form.get("add-route") else []
    if not changes and not add and not errors:
        errors["change-0-option"] = "Choose an option to change, or describe a new option"
    return {"changes": changes, "add": add}, errors


def _added(form: dict[str, str], day: str, errors: dict[str, str]) -> dict[str, Any]:
    """The new option the form describes, as the API's body; its mistakes added to `errors`."""
    capacity, min_age = whole(form.get("add-places", "")), whole(form.get("add-min-age", "") or "16")
    if capacity is None or capacity < 1:
        errors["add-places"] = "Enter the number of places in the new option, like 3"
    if min_age is None or not 16 <= min_age <= 25:
        errors["add-min-age"] = "Enter the youngest age the new option takes, from 16 to 25"
    if not form.get("add-place"):
        errors["add-place"] = "Choose the town of the new option"
    body = {
        "route": form["add-route"], "name": "A new option (what if)", "place": form.get("add-place", ""),
        "capacity": capacity, "available_from": day, "min_age": min_age,
        "step_free": "add-step-free" in form, "wheelchair": "add-wheelchair" in form,
    }  # fmt: skip
    if form["add-route"] in (Route.SUPPORTED_LODGINGS, Route.SUPPORTED_ACCOMMODATION):
        body["registered_16_17"] = "add-registered" in form
        if form.get("add-weekly-cost", "").strip():
            body["weekly_cost"] = pounds_typed(form["add-weekly-cost"])
            if body["weekly_cost"] is None:
                errors["add-weekly-cost"] = "Enter the weekly cost of a place in whole pounds, like 1450"
    return {key: value for key, value in body.items() if value is not None}


def whole(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None


FIELDS = {"option": "option", "places": "places", "place": "add-place", "capacity": "add-places",
          "min_age": "add-min-age", "route": "add-route", "weekly_cost": "add-weekly-cost"}  # fmt: skip


def form_errors(fields: dict[str, Any], rows: int) -> dict[str, str]:
    """The API's field errors ({"changes": {"0": {"option": [...]}}}) as the form's fields."""
    out: dict[str, str] = {}
    for n, problems in fields.get("changes", {}).items():
        for name in problems:
            if name == "option":  # the API's reason names the id: the page names no ids
                out[f"change-{n}-option"] = "Choose an option from the list"
            else:
                out[f"change-{n}-places"] = (
                    "Enter the places to add or remove as a whole number, like 2 or -1"
                )
    for problems in fields.get("add", {}).values():
        for name, reasons in problems.items():
            reason = (
                reasons[0] if isinstance(reasons, list) and isinstance(reasons[0], str) else "is not valid"
            )
            out[FIELDS.get(name, "add-route")] = f"New option: {reason}"
    return out or {"change-0-option": "Check the changes: one of them cannot be made"}


def scenario(form: dict[str, str], labels: dict[str, str], rows: int) -> list[str]:
    """The scenario entered, in words, to stand above its answer ("2 more places: Oak House, …")."""
    said = []
    for n in range(rows):
        number = whole(form.get(f"change-{n}-places", ""))
        option = labels.get(form.get(f"change-{n}-option", ""))
        if option and number:
            more = f"{number} more place{'s' if number != 1 else ''}" if number > 0 else f"{-number} fewer"
            said.append(f"{more}: {option}")
    if form.get("add-route") in ROUTE_WORDS and form.get("add-place"):
        size = whole(form.get("add-places", ""))
        cost = pounds_typed(form.get("add-weekly-cost", ""))
        said.append(f"A new {ROUTE_WORDS[form['add-route']]} option in {form['add-place']}"
                    + (f" with {size} place{'s' if size != 1 else ''}" if size else "")
                    + (f" at {pounds(cost)} a week a place" if cost is not None else ""))  # fmt: skip
    return said
