"""A young person's lists on pages: local links, ranked preferences, applications to the registers.

Links and preferences change as the API's `PATCH` changes them (the whole list, through the same
schema and use case, audited as "changed local_links" or "changed preferences"); applications go
through the API's application schemas and use cases.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.clock import today
from housing.errors import Conflict, Invalid
from housing.permissions import OFFICERS
from housing.reads import records, reference
from housing.reads.record_values import Record
from housing.services import applications, young_people
from housing.vocabulary import LinkKind, Route
from httpkit.store import db
from jsonapi.schemas.young_people import (
    ApplicationChangeSchema,
    ApplicationSchema,
    YoungPersonPatchSchema,
)
from web.forms import Labels, date_boxes, date_from, load, refused
from web.sessions import page, page_blueprint

bp = page_blueprint("record_lists", __name__)

LINK_LABELS = Labels(
    {
        "kind": "the kind of link",
        "place": "the place",
        "importance": "how important it is",
        "note": "the note",
    },
    choices=("kind", "place", "importance"),
)
PREFERENCE_LABELS = Labels(
    {"rank": "the rank", "route": "a route", "place": "the place", "district": "the district"},
    choices=("route", "place", "district"),
)
APPLICATION_LABELS = Labels(
    {"register": "the council register and band", "applied_on": "the date they applied"},
    choices=("register",),
)


def _person(young_person_id: str) -> Record:
    return records.view(db(), g.actor, young_person_id, today())


def _back(person: Record, done: str) -> Response:
    return redirect(url_for("person_page.young_person", young_person_id=person.id, done=done))


def _page(template: str, person: Record, values: dict, errors: dict, **extra: Any) -> tuple[str, int]:
    districts = reference.districts(db())
    return render_template(
        template,
        person=person,
        values=values,
        errors=errors,
        districts=districts,
        district_names={d.slug: d.name for d in districts},
        places=reference.places(db()),
        **extra,
    ), (400 if errors else 200)


def _change_list(person: Record, field: str, items: list[dict], labels: dict, names=None) -> dict[str, str]:
    """Replace one of the record's lists as `PATCH {field: items}` would; the reasons if refused."""
    data, errors = load(YoungPersonPatchSchema(), {field: items}, labels, names)
    if not errors:
        try:
            young_people.update(db(), g.actor, person.id, data, today())
        except Invalid as invalid:
            errors = refused(invalid, labels, names)
    return errors


def _links(person: Record) -> list[dict]:
    return [
        {"kind": k.kind.value, "place": k.place, "importance": k.importance, "note": k.note}
        for k in person.local_links
    ]


def _preferences(person: Record) -> list[dict]:
    return [
        {"rank": p.rank, "route": p.route and p.route.value, "place": p.place, "district": p.district}
        for p in person.preferences
    ]


def _number(text: str) -> int | str:
    text = text.strip()
    return int(text) if text.isdigit() else text


def guarded(view: Callable) -> Callable:
    """The young person the path names, read once (an unknown one is web/errors.py's 404 page)."""

    @wraps(view)
    def run(young_person_id: str, **kwargs: Any) -> Any:
        return view(_person(young_person_id), **kwargs)

    return run


@bp.route("/young-people/<young_person_id>/links/new", methods=["GET", "POST"])
@page(*OFFICERS)
@guarded
def add_link(person: Record) -> Response | tuple[str, int]:
    kinds = [kind.value for kind in LinkKind]
    if request.method == "GET":
        return _page("link_form.html", person, {"importance": "2"}, {}, kinds=kinds)
    form = request.form
    new = {key: form[key] for key in ("kind", "place") if form.get(key)}  # blank: the schema says "missing"
    if form.get("importance"):
        new["importance"] = _number(form["importance"])
    new["note"] = form.get("note", "").strip() or None
    errors = _change_list(person, "local_links", [*_links(person), new], LINK_LABELS)
    if errors:
        return _page("link_form.html", person, form.to_dict(), errors, kinds=kinds)
    return _back(person, "link-added")


@bp.post("/young-people/<young_person_id>/links/<int:position>/remove")
@page(*OFFICERS)
@guarded
def remove_link(person: Record, position: int) -> Response:
    kept = [link for i, link in enumerate(_links(person)) if i != position]
    _change_list(person, "local_links", kept, LINK_LABELS)
    return _back(person, "link-removed")


@bp.route("/young-people/<young_person_id>/preferences/new", methods=["GET", "POST"])
@page(*OFFICERS)
@guarded
def add_preference(person: Record) -> Response | tuple[str, int]:
    routes = [route.value for route in Route]
    if request.method == "GET":
        return _page(
            "preference_form.html", person, {"rank": str(len(person.preferences) + 1)}, {}, routes=routes
        )
    form = request.form
    rank = _number(form.get("rank", ""))
    new = {"rank": rank} | {key: form[key] for key in ("route", "place", "district") if form.get(key)}
    # A new preference at a rank already held goes before it: the others move down one.
    others = [
        p | {"rank": p["rank"] + 1} if isinstance(rank, int) and p["rank"] >= rank else p
        for p in _preferences(person)
    ]
    errors = _change_list(person, "preferences", [*others, new], PREFERENCE_LABELS, {"preferences": "route"})
    if errors:
        return _page("preference_form.html", person, form.to_dict(), errors, routes=routes)
    return _back(person, "preference-added")


@bp.post("/young-people/<young_person_id>/preferences/<int:rank>/remove")
@page(*OFFICERS)
@guarded
def remove_preference(person: Record, rank: int) -> Response:
    """The ones after it move up, so the ranks stay 1, 2, 3."""
    kept = [
        p | {"rank": p["rank"] - 1} if p["rank"] > rank else p
        for p in _preferences(person)
        if p["rank"] != rank
    ]
    _change_list(person, "preferences", kept, PREFERENCE_LABELS)
    return _back(person, "preference-removed")


@bp.post("/young-people/<young_person_id>/preferences/<int:rank>/up")
@page(*OFFICERS)
@guarded
def move_preference_up(person: Record, rank: int) -> Response:
    """Swaps it with the one above, so an officer re-orders without removing and adding again."""
    if rank < 2 or rank > len(person.preferences):
        return _back(person, "")
    moved = {rank: rank - 1, rank - 1: rank}
    _change_list(
        person,
        "preferences",
        [p | {"rank": moved.get(p["rank"], p["rank"])} for p in _preferences(person)],
        PREFERENCE_LABELS,
    )
    return _back(person, "preference-moved")


@bp.route("/young-people/<young_person_id>/applications/new", methods=["GET", "POST"])
@page(*OFFICERS)
@guarded
def apply(person: Record) -> Response | tuple[str, int]:
    if request.method == "GET":
        return _page("application_form.html", person, {"applied_on": date_boxes(today())}, {})
    form = request.form
    district, _, band = form.get("register", "").partition("|")
    body = {"district": district, "band": band, "applied_on": date_from(form, "applied_on")}
    body = {key: value for key, value in body.items() if value}
    names = {"district": "register", "band": "register"}
    data, errors = load(ApplicationSchema(), body, APPLICATION_LABELS, names)
    if not errors:
        try:
            applications.apply(db(), g.actor, person.id, data, today())
        except Invalid as invalid:
            errors = refused(invalid, APPLICATION_LABELS, names)
        except Conflict as conflict:
            errors = {"register": conflict.message[:1].upper() + conflict.message[1:]}
    if errors:
        boxes = {part: form.get(f"applied_on-{part}", "") for part in ("day", "month", "year")}
        values = {"register": form.get("register", ""), "applied_on": boxes}
        return _page("application_form.html", person, values, errors)
    return _back(person, "applied")


@bp.post("/applications/<application_id>/close")
@page(*OFFICERS)
def close_application(application_id: str) -> Response | tuple[str, int]:
    changes = ApplicationChangeSchema().load({"status": "closed"})
    closed = applications.change(db(), g.actor, application_id, changes)  # unknown: web/errors.py's 404
    return redirect(
        url_for("person_page.young_person", young_person_id=closed.young_person_id, done="closed")
    )
