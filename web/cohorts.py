"""The coordinators' pages: every cohort, and a board of one cohort's members by stage."""

from flask import Response, g, redirect, render_template, request, url_for

from housing.clock import today
from housing.errors import Conflict, Invalid
from housing.permissions import COHORT_RUNNERS
from housing.services import cohorts
from housing.vocabulary import NEXT_STAGES, Stage
from httpkit.schemas import window
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("cohort_pages", __name__)
PAGE_SIZE = 20


@bp.get("/cohorts")
@page(*COHORT_RUNNERS)
def cohort_list() -> str:
    found = cohorts.listed(db())[::-1]  # the newest first
    number = page_asked()
    shown = cohorts.present(db(), g.actor, window(found, {"page": number, "page_size": PAGE_SIZE}), today())
    pages = page_count(len(found), PAGE_SIZE)
    return render_template("cohorts.html", cohorts=shown, page=number, pages=pages)


@bp.get("/cohorts/<cohort_id>")
@page(*COHORT_RUNNERS)
def board(cohort_id: str, errors: dict[str, str] | None = None, status: int = 200) -> tuple[str, int]:
    [shown] = cohorts.present(db(), g.actor, [cohorts.get(db(), cohort_id)], today())
    columns = {stage.value: [m for m in shown["members"] if m["stage"] == stage] for stage in Stage}
    return render_template(
        "cohort.html",
        cohort=shown,
        columns=columns,
        next_stages={stage.value: [s.value for s in after] for stage, after in NEXT_STAGES.items()},
        errors=errors or {},
    ), status


@bp.post("/cohorts/<cohort_id>/members/<young_person_id>/stage")
@page(*COHORT_RUNNERS)
def move(cohort_id: str, young_person_id: str) -> Response | tuple[str, int]:
    changes: dict = {"stage": request.form.get("stage", "")}
    place = request.form.get("place", "").strip()
    if place:
        changes["property"] = {"place": place}
    try:
        cohorts.move(db(), g.actor, cohort_id, young_person_id, changes=changes, today=today())
    except Invalid as invalid:
        reason = next(iter(invalid.fields.values()))
        message = reason[0] if isinstance(reason, list) else invalid.message
        return board.__wrapped__(cohort_id, {f"member-{young_person_id}": message}, 422)
    except Conflict as refused:
        return board.__wrapped__(cohort_id, {f"member-{young_person_id}": refused.message}, 409)
    return redirect(url_for("cohort_pages.board", cohort_id=cohort_id) + f"#member-{young_person_id}")
