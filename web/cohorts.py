"""The coordinators' pages: every cohort, and a cohort's board: members by stage, enrolling, moving on."""

from flask import Response, flash, g, redirect, render_template, request, url_for

from housing.clock import today
from housing.errors import Conflict, Invalid
from housing.permissions import COHORT_RUNNERS
from housing.services import cohort_board, cohorts, eligibility, reference
from housing.vocabulary import NEXT_STAGES, Stage
from httpkit.schemas import window
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("cohort_pages", __name__)
PAGE_SIZE = 20
SIDE_STEPS = (Stage.GRADUATED, Stage.WITHDRAWN)  # ways out, offered apart from the one next step


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
    cohort = cohorts.get(db(), cohort_id)
    [shown] = cohorts.present(db(), g.actor, [cohort], today())
    number = page_asked("eligible_page")
    joinable, total_joinable = cohort_board.joinable(
        db(), g.actor, cohort, today(), page=number, page_size=PAGE_SIZE
    )
    return render_template(
        "cohort.html",
        cohort=shown,
        columns={stage.value: [m for m in shown["members"] if m["stage"] == stage] for stage in Stage},
        next_step={stage.value: _next_step(stage) for stage in Stage},
        side_steps={stage.value: [s.value for s in NEXT_STAGES[stage] if s in SIDE_STEPS] for stage in Stage},
        stuck_days=cohort_board.STUCK_DAYS,
        places=[place.name for place in reference.places(db())],
        joinable=joinable,
        total_joinable=total_joinable,
        eligible_page=number,
        eligible_pages=page_count(total_joinable, PAGE_SIZE),
        errors=errors or {},
    ), status


def _next_step(stage: Stage) -> str | None:
    """The one forward step a member's card offers as its button (graduating only after moving in)."""
    forward = [s for s in NEXT_STAGES[stage] if s not in SIDE_STEPS]
    if forward:
        return forward[0].value
    return Stage.GRADUATED.value if Stage.GRADUATED in NEXT_STAGES[stage] else None


@bp.post("/cohorts/<cohort_id>/members/<young_person_id>/stage")
@page(*COHORT_RUNNERS)
def move(cohort_id: str, young_person_id: str) -> Response | tuple[str, int]:
    field = f"member-{young_person_id}"
    changes: dict = {"stage": request.form.get("stage", "")}
    place = request.form.get("place", "").strip()
    if place:
        changes["property"] = {"place": place}
    try:
        member = cohorts.move(db(), g.actor, cohort_id, young_person_id, changes=changes, today=today())
    except Invalid as invalid:
        if "property" in invalid.fields:
            return board.__wrapped__(cohort_id, {f"{field}-place": "Choose a town from the list"}, 422)
        reason = next(iter(invalid.fields.values()))
        message = reason[0] if isinstance(reason, list) else invalid.message
        return board.__wrapped__(cohort_id, {field: message}, 422)
    except Conflict as refused:
        return board.__wrapped__(cohort_id, {field: refused.message}, 409)
    person = member.young_person
    stage = member.stage.replace("_", " ")
    flash(f"{person.given_name} {person.family_name} moved to {stage}.")
    return redirect(url_for("cohort_pages.board", cohort_id=cohort_id) + f"#{field}")


@bp.post("/cohorts/<cohort_id>/members")
@page(*COHORT_RUNNERS)
def enrol(cohort_id: str) -> Response | tuple[str, int]:
    young_person_id = request.form.get("young_person", "")
    try:
        member = cohorts.enrol(db(), g.actor, cohort_id, young_person_id, today())
    except eligibility.NotEligible as refused:
        message = f"Not eligible for the House Project on {refused.on.strftime('%-d %B %Y')}"
        return board.__wrapped__(cohort_id, {"enrol": message}, 422)
    except Conflict as refused:
        return board.__wrapped__(cohort_id, {"enrol": refused.message.capitalize()}, 409)
    person = member.young_person
    flash(f"{person.given_name} {person.family_name} enrolled.")
    return redirect(url_for("cohort_pages.board", cohort_id=cohort_id))
