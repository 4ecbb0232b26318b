"""Starting a cohort on a page, prefilled as `/cohorts/next` suggests: six months on, and who could join."""

from datetime import date

from flask import Response, flash, g, redirect, render_template, request, url_for

from housing import lifedates
from housing.clock import today
from housing.errors import Conflict, Invalid
from housing.permissions import COHORT_RUNNERS
from housing.reads import cohorts as cohort_reads
from housing.reads import reference
from housing.reads.names import district_names
from housing.services import cohorts
from housing.vocabulary import HOUSE_PROJECT_HUB
from httpkit.store import db
from jsonapi.schemas.cohorts import CohortRequestSchema
from web.sessions import page, page_blueprint

bp = page_blueprint("cohort_new", __name__)
SHOWN_ELIGIBLE = 20
MESSAGES = {
    "name": "Enter a name for the cohort, up to 100 characters",
    "starts_on": "Enter the date the cohort starts, as day, month and year",
    "capacity": "Enter how many places it has, from 1 to 50",
    "districts": "Choose the districts it draws homes from",
}


@bp.get("/cohorts/new")
@page(*COHORT_RUNNERS)
def new() -> tuple[str, int]:
    return _new_page()


def _new_page(
    form: dict | None = None, errors: dict[str, str] | None = None, status: int = 200
) -> tuple[str, int]:
    suggested = cohort_reads.next_cohort(db(), g.actor, today())
    starts_on: date = suggested["starts_on"]
    form = form or {
        "name": f"Cohort {len(cohort_reads.listed(db())) + 1}",
        "day": str(starts_on.day), "month": str(starts_on.month), "year": str(starts_on.year),
        "capacity": "15", "districts": [d.slug for d in reference.districts(db())],
    }  # fmt: skip
    return render_template(
        "cohort_new.html",
        form=form,
        starts_on=starts_on,
        eligible=suggested["eligible"][:SHOWN_ELIGIBLE],
        total_eligible=len(suggested["eligible"]),
        districts=reference.districts(db()),
        errors=errors or {},
    ), status


@bp.post("/cohorts/new")
@page(*COHORT_RUNNERS)
def create() -> Response | tuple[str, int]:
    form = {key: request.form.get(key, "").strip() for key in ("name", "day", "month", "year", "capacity")}
    form["districts"] = request.form.getlist("districts")
    sent = {
        "name": form["name"],
        "starts_on": _iso(form["day"], form["month"], form["year"]),
        "capacity": int(form["capacity"]) if form["capacity"].isdigit() else form["capacity"],
        "districts": form["districts"],
    }
    wrong = CohortRequestSchema().validate(sent)  # the API's own schema: the page cannot disagree with it
    if wrong:
        return _new_page(form, {_field(key): MESSAGES[key] for key in MESSAGES if key in wrong}, 400)
    if request.form.get("change") == "yes":
        return _new_page(form)
    if request.form.get("confirmed") != "yes":  # check first: what starting it will set going
        return _check(form, CohortRequestSchema().load(sent))
    try:
        cohort = cohorts.create(db(), g.actor, CohortRequestSchema().load(sent))
    except Invalid:
        return _new_page(form, {"districts": MESSAGES["districts"]}, 400)
    except Conflict as taken:
        return _new_page(form, {"name": taken.message.capitalize()}, 409)
    flash(f"{cohort.name} created: enrol young people below.")
    return redirect(url_for("cohort_pages.board", cohort_id=cohort.id))


def _check(form: dict, cohort: dict) -> tuple[str, int]:
    names = district_names(db())
    return render_template(
        "cohort_check.html",
        form=form,
        cohort=cohort,
        district_names=[names[slug] for slug in cohort["districts"]],
        offered_until=lifedates.add_months(cohort["starts_on"], cohorts.ENROLMENT_WINDOW_MONTHS),
        hub=HOUSE_PROJECT_HUB,
    ), 200


def _iso(day: str, month: str, year: str) -> str:
    if not (day.isdigit() and month.isdigit() and year.isdigit()):
        return ""
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _field(key: str) -> str:
    """The id of the input an error links to (a date's first box)."""
    return "starts_on-day" if key == "starts_on" else key
