"""Changing a cohort (its name, places and districts) and closing it to new members, on pages."""

from flask import Response, flash, g, redirect, render_template, request, url_for

from housing.clock import today
from housing.errors import Conflict, Invalid
from housing.permissions import COHORT_RUNNERS
from housing.reads import cohorts, reference
from housing.services import cohort_changes
from httpkit.store import db
from web.sessions import page, page_blueprint

bp = page_blueprint("cohort_changes", __name__)
MESSAGES = {
    "name": "Enter a name for the cohort, up to 100 characters",
    "capacity": "Enter how many places it has, from 1 to 50",
    "districts": "Choose at least one district it draws homes from",
}


@bp.route("/cohorts/<cohort_id>/change", methods=["GET", "POST"])
@page(*COHORT_RUNNERS)
def change(cohort_id: str) -> Response | tuple[str, int]:
    cohort = cohorts.get(db(), cohort_id)
    if request.method == "GET":
        values = {"name": cohort.name, "capacity": str(cohort.capacity), "districts": cohort.districts}
        return _form(cohort, values, {})
    typed = {key: request.form.get(key, "").strip() for key in ("name", "capacity")}
    values = {**typed, "districts": request.form.getlist("districts")}
    errors = {}
    if not 1 <= len(values["name"]) <= 100:
        errors["name"] = MESSAGES["name"]
    if not (values["capacity"].isdigit() and 1 <= int(values["capacity"]) <= 50):
        errors["capacity"] = MESSAGES["capacity"]
    if not values["districts"]:
        errors["districts"] = MESSAGES["districts"]
    readable = {key: value for key, value in values.items() if key not in errors and value}
    if "capacity" in readable:
        readable["capacity"] = int(values["capacity"])
    for key, reasons in cohort_changes.would_break(db(), cohort, readable).items():
        errors.setdefault(key, reasons[0][:1].upper() + reasons[0][1:])  # every problem in one pass
    if not errors:
        changes = {**values, "capacity": int(values["capacity"])}
        try:
            cohort_changes.change(db(), g.actor, cohort_id, changes)
        except (Invalid, Conflict):  # changed meanwhile by someone else: say what now stands in the way
            now = cohort_changes.would_break(db(), cohorts.get(db(), cohort_id), changes)
            errors = {key: reasons[0][:1].upper() + reasons[0][1:] for key, reasons in now.items()} or {
                "name": "The cohort changed while you were changing it: check it and try again"
            }
    if errors:
        return _form(cohorts.get(db(), cohort_id), values, errors, status=400)
    flash(f"{values['name']} changed.")
    return redirect(url_for("cohort_pages.board", cohort_id=cohort_id))


@bp.route("/cohorts/<cohort_id>/close", methods=["GET", "POST"])
@page(*COHORT_RUNNERS)
def close(cohort_id: str) -> Response | tuple[str, int]:
    """Check first: closing cannot be undone on a page."""
    cohort = cohorts.get(db(), cohort_id)
    if request.method == "GET":
        return render_template("cohort_close.html", cohort=cohort, errors={}), 200
    try:
        cohort_changes.close(db(), g.actor, cohort_id, today())
    except Conflict as refused:
        return render_template("cohort_close.html", cohort=cohort, errors={"close": refused.message}), 409
    flash(f"{cohort.name} is closed to new members. Its members carry on to their homes.")
    return redirect(url_for("cohort_pages.board", cohort_id=cohort_id))


def _form(cohort, values: dict, errors: dict, *, status: int = 200) -> tuple[str, int]:
    districts = [(d.slug, d.name) for d in reference.districts(db())]
    return render_template(
        "cohort_change.html", cohort=cohort, values=values, errors=errors, districts=districts
    ), status
