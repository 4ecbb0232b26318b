"""Recording a young person and changing their details on pages, through the API's schema and use cases."""

from typing import Any

from flask import g, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from housing.clock import today
from housing.errors import PossibleDuplicate
from housing.models import YoungPerson
from housing.permissions import OFFICERS
from housing.reads import records, reference
from housing.reads.record_values import Record
from housing.services import young_people
from housing.vocabulary import Immigration
from httpkit.store import db
from jsonapi.schemas.young_people import YoungPersonSchema
from web import forms
from web.forms import Labels, date_boxes, date_from, load
from web.sessions import page, page_blueprint

bp = page_blueprint("person_forms", __name__)
DUPLICATE = (
    "A young person with this name and date of birth is already recorded: check it is not them, "
    "then confirm below"
)

# Each field's name in words, in the order the form shows them (the error summary's order).
LABELS = Labels({
    "reference": "the case reference", "given_name": "their given name", "family_name": "their family name",
    "date_of_birth": "their date of birth", "home_district": "their home district",
    "current_place": "where they live now", "support_level": "the support they need",
    "access": "access needs", "children": "the number of children", "uasc": "whether they are UASC",
    "avoid_places": "places to avoid", "avoid_districts": "districts to avoid",
    "immigration": "their immigration status", "custody_release_date": "the custody release date",
    "move_date": "the move date", "wishes": "their wishes",
}, choices=("home_district", "current_place", "support_level", "immigration"))  # fmt: skip
# The details form sends every detail, so a blanked one is missing, as on a create; the links,
# preferences and current accommodation are not on it and stay as they are (they have their own forms).
DETAILS = YoungPersonSchema(exclude=("local_links", "preferences", "current_accommodation"))
TEXT = ("reference", "given_name", "family_name", "home_district", "current_place", "support_level")
DATES = ("date_of_birth", "custody_release_date", "move_date")


def body_from(form: MultiDict) -> dict[str, Any]:
    """The API's body from the form: blank text is left out, so the schema says what is missing."""
    body: dict[str, Any] = {name: form[name].strip() for name in TEXT if form.get(name, "").strip()}
    if (born := date_from(form, "date_of_birth")) is not None:
        body["date_of_birth"] = born
    children = form.get("children", "").strip() or "0"
    needs: dict[str, Any] = {
        "step_free": "step_free" in form.getlist("access"),
        "wheelchair": "wheelchair" in form.getlist("access"),
        "children": _whole(children),
        "uasc": form.get("uasc") == "yes",
        "custody_release_date": date_from(form, "custody_release_date"),
        "avoid_places": form.getlist("avoid_places"),
        "avoid_districts": form.getlist("avoid_districts"),
    }
    if form.get("immigration"):
        needs["immigration"] = form["immigration"]
    body["needs"] = needs
    body["move_date"] = date_from(form, "move_date")
    body["wishes"] = form.get("wishes", "").strip() or None
    return body


def kept_grant(body: dict[str, Any], person: Record) -> dict[str, Any]:
    """The date leave to remain was granted has its own form: it stays while the status stays "leave
    granted", and goes when the officer chooses another status (the date means nothing without it)."""
    if body["needs"].get("immigration") == Immigration.LEAVE_GRANTED and person.leave_granted_on:
        body["needs"]["leave_granted_on"] = person.leave_granted_on.isoformat()
    return body


def typed(form: MultiDict) -> dict[str, Any]:
    """What the officer typed, to show again beside the reasons."""
    values: dict[str, Any] = {name: form.get(name, "") for name in LABELS}
    values["access"] = form.getlist("access")
    values["avoid_places"] = form.getlist("avoid_places")
    values["avoid_districts"] = form.getlist("avoid_districts")
    for name in DATES:
        values[name] = {part: form.get(f"{name}-{part}", "") for part in ("day", "month", "year")}
    return values


def from_record(person: Record) -> dict[str, Any]:
    values: dict[str, Any] = {name: str(getattr(person, name) or "") for name in TEXT}
    values |= {"children": str(person.children), "uasc": "yes" if person.uasc else "no",
               "immigration": person.immigration.value, "wishes": person.wishes or ""}  # fmt: skip
    values["access"] = [need for need in ("step_free", "wheelchair") if getattr(person, need)]
    values["avoid_places"] = list(person.avoid_places)
    values["avoid_districts"] = list(person.avoid_districts)
    for name in DATES:
        values[name] = date_boxes(getattr(person, name))
    return values


def _form(
    title: str, values: dict, errors: dict, person: Record | None = None, duplicates: list | None = None
) -> tuple[str, int]:
    districts = reference.districts(db())
    return render_template(
        "young_person_form.html",
        title=title,
        values=values,
        errors=errors,
        person=person,
        districts=districts,
        district_names={d.slug: d.name for d in districts},
        places=reference.places(db()),
        immigration=list(Immigration),
        duplicates=duplicates or [],
    ), (400 if errors else 200)


@bp.route("/young-people/new", methods=["GET", "POST"])
@page(*OFFICERS)
def record() -> Response | tuple[str, int]:
    if request.method == "GET":
        return _form(
            "Record a young person", {"uasc": "no", "children": "0", "immigration": "not_applicable"}, {}
        )
    data, errors = load(YoungPersonSchema(), body_from(request.form), LABELS, {"step_free": "access"})
    confirmed = request.form.get("not_a_duplicate") == "yes"
    duplicates: list[tuple[str, str, str]] = []

    def create(body: dict) -> YoungPerson | None:
        """Warns, before anything is written, of a record with the same name and date of birth."""
        try:
            mode = young_people.RECORD if confirmed else young_people.REFUSE
            return young_people.create(db(), g.actor, body, today(), if_possible_duplicate=mode)
        except PossibleDuplicate as possible:
            duplicates.extend(possible.matches)
            errors["not_a_duplicate"] = DUPLICATE
            return None

    person = forms.saved(create, data, errors, LABELS, "reference")
    if person is None:
        return _form("Record a young person", typed(request.form), errors, duplicates=duplicates)
    return redirect(url_for("person_page.young_person", young_person_id=person.id, done="recorded"))


@bp.route("/young-people/<young_person_id>/edit", methods=["GET", "POST"])
@page(*OFFICERS)
def change(young_person_id: str) -> Response | tuple[str, int]:
    person = records.view(db(), g.actor, young_person_id, today())  # unknown: web/errors.py's 404
    if request.method == "GET":
        return _form("Change their details", from_record(person), {}, person)
    data, errors = load(DETAILS, kept_grant(body_from(request.form), person), LABELS, {"step_free": "access"})
    saved = forms.saved(
        lambda body: young_people.update(db(), g.actor, person.id, body, today()),
        data,
        errors,
        LABELS,
        "reference",
    )
    if saved is None:
        return _form("Change their details", typed(request.form), errors, person)
    return redirect(url_for("person_page.young_person", young_person_id=person.id, done="changed"))


def _whole(typed: str) -> int | str:
    """A whole number as typed ("-1" too, so the range check names it), else the text for the schema."""
    try:
        return int(typed)
    except ValueError:
        return typed
