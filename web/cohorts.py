"""The coordinators' pages: every cohort, and a cohort's board: members by stage, enrolling, moving on."""

from datetime import date
from urllib.parse import urlencode

from flask import Response, flash, g, redirect, render_template, request, url_for

from housing import eligibility
from housing.clock import today
from housing.errors import Conflict, Invalid, NotFound
from housing.models import Cohort, CohortMember
from housing.permissions import COHORT_READERS, COHORT_RUNNERS
from housing.reads import cohort_board, coordinator_needs, reference
from housing.reads import cohorts as cohort_reads
from housing.services import cohorts, stage_moves
from housing.vocabulary import NEXT_STAGES, Stage
from httpkit.schemas import window
from httpkit.store import db
from jsonapi.schemas.cohorts import PropertySchema
from web.forms import NOT_A_DATE, date_boxes, date_from
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("cohort_pages", __name__)
PAGE_SIZE = 20
SIDE_STEPS = (Stage.GRADUATED, Stage.WITHDRAWN)  # ways out, offered apart from the one next step


@bp.get("/cohorts")
@page(*COHORT_READERS)
def cohort_list() -> str:
    found = cohort_reads.listed(db())[::-1]  # the newest first
    number = page_asked()
    page_of = window(found, {"page": number, "page_size": PAGE_SIZE})
    shown = cohort_reads.present(db(), g.actor, page_of, today())
    pages = page_count(len(found), PAGE_SIZE)
    runs = g.actor.role in COHORT_RUNNERS
    return render_template("cohorts.html", cohorts=shown, page=number, pages=pages, runs=runs)


@bp.get("/cohorts/<cohort_id>")
@page(*COHORT_READERS)
def board(cohort_id: str) -> tuple[str, int]:
    return _board_page(cohort_id)


def _board_page(cohort_id: str, errors: dict[str, str] | None = None, status: int = 200) -> tuple[str, int]:
    cohort = cohort_reads.get(db(), cohort_id)
    [shown] = cohort_reads.present(db(), g.actor, [cohort], today())
    runs = g.actor.role in COHORT_RUNNERS
    number = page_asked("eligible_page")
    wanted = cohort_board.Wanted(*(request.args.get(key, "").strip() for key in ("q", "district", "support")))
    joinable, total_joinable = (
        cohort_board.joinable(db(), g.actor, cohort, today(), page=number, page_size=PAGE_SIZE, wanted=wanted)
        if runs and cohort.closed_on is None
        else ([], 0)  # officers read a cohort; only its coordinators enrol, while it is open
    )
    columns = {stage.value: [m for m in shown["members"] if m["stage"] == stage] for stage in Stage}
    busiest = next((stage for stage, members in columns.items() if members), Stage.ENROLLED.value)
    asked = request.args.get("stage", "")
    return render_template(
        "cohort.html",
        cohort=shown,
        runs=runs,
        columns=columns,
        # the stage asked for; else the first with anyone in it; every stage when a card holds an error
        shown_stage="all" if errors else asked if asked in (*columns, "all") else busiest,
        next_step={stage.value: _next_step(stage) for stage in Stage},
        side_steps={stage.value: [s.value for s in NEXT_STAGES[stage] if s in SIDE_STEPS] for stage in Stage},
        stuck_days=cohort_board.STUCK_DAYS,
        joinable=joinable,
        total_joinable=total_joinable,
        wanted=wanted,
        searched=urlencode({k: v for k, v in request.args.items() if k in ("q", "district", "support")}),
        districts=reference.districts(db()),
        eligible_page=number,
        eligible_pages=page_count(total_joinable, PAGE_SIZE),
        errors=errors or {},
    ), status


@bp.get("/cohorts/<cohort_id>/young-people/<young_person_id>")
@page(*COHORT_RUNNERS)
def needs(cohort_id: str, young_person_id: str) -> tuple[str, int]:
    """What a coordinator may know of a member, or of someone who could join, to find them a home."""
    cohort = cohort_reads.get(db(), cohort_id)
    found = coordinator_needs.needs(db(), g.actor, cohort, young_person_id, today())
    return render_template("cohort_needs.html", cohort=cohort, person=found), 200


def _next_step(stage: Stage) -> str | None:
    """The one forward step a member's card offers as its button (graduating only after moving in)."""
    forward = [s for s in NEXT_STAGES[stage] if s not in SIDE_STEPS]
    if forward:
        return forward[0].value
    return Stage.GRADUATED.value if Stage.GRADUATED in NEXT_STAGES[stage] else None


@bp.route("/cohorts/<cohort_id>/members/<young_person_id>/stage", methods=["GET", "POST"])
@page(*COHORT_RUNNERS)
def move(cohort_id: str, young_person_id: str) -> Response | tuple[str, int]:
    """Check a stage move first: what it will do, the day it happened, and why where it matters."""
    cohort = cohort_reads.get(db(), cohort_id)
    member = next((m for m in cohort.members if m.young_person_id == young_person_id), None)
    if member is None:
        raise NotFound("no such member")
    stage = request.values.get("stage", "")
    if (
        stage not in NEXT_STAGES[Stage(member.stage)]
    ):  # moved on meanwhile, or never a next step: say which are
        allowed = ", ".join(NEXT_STAGES[Stage(member.stage)]) or "none: it is final"
        message = f"from {member.stage} the next stages are {allowed}"
        return _board_page(cohort_id, {f"member-{young_person_id}": message}, 422)
    if request.method == "GET":
        return _check_move(cohort, member, stage, {"on": date_boxes(today())}, {})
    form = request.form
    typed = {"place": form.get("place", "").strip(), "reason": form.get("reason", "").strip(),
             "description": form.get("description", "").strip(),
             "on": {part: form.get(f"on-{part}", "") for part in ("day", "month", "year")}}  # fmt: skip
    errors = {}
    if typed["description"] and not typed["place"]:
        errors["place"] = "Choose the town the home is in"
    if typed["description"] and "description" in PropertySchema().validate(
        {"place": "-", **typed}, partial=True
    ):
        errors["description"] = "Describe the home in up to 200 characters, in plain text"
    on = date_from(form, "on") or today().isoformat()  # the form offers today; left blank, it is today
    if on == NOT_A_DATE:
        errors["on"] = "Enter the day it happened as a real date, for example 27 3 2027"
    if stage == Stage.WITHDRAWN and not typed["reason"]:
        errors["reason"] = "Enter why they are withdrawing"
    if errors:
        return _check_move(cohort, member, stage, typed, errors, status=400)
    return _save_move(cohort, member, stage, typed, date.fromisoformat(on))


def _save_move(
    cohort: Cohort, member: CohortMember, stage: str, typed: dict, on: date
) -> Response | tuple[str, int]:
    cohort_id, young_person_id = cohort.id, member.young_person_id
    changes: dict = {"stage": stage, "on": on}
    if typed["place"]:
        changes["property"] = {"place": typed["place"], "description": typed["description"] or None}
    if typed["reason"]:
        changes["reason"] = typed["reason"]
    try:
        moved = cohorts.move(db(), g.actor, cohort_id, young_person_id, changes=changes, today=today())
    except Invalid as invalid:
        if "property" in invalid.fields:
            return _check_move(
                cohort, member, stage, typed, {"place": "Choose a town from the list"}, status=422
            )
        field, reasons = next(iter(invalid.fields.items()))
        message = reasons[0] if isinstance(reasons, list) else invalid.message
        anchor = "on" if field == "on" else "stage"
        return _check_move(
            cohort, member, stage, typed, {anchor: message[:1].upper() + message[1:]}, status=422
        )
    except Conflict as refused:
        return _check_move(cohort, member, stage, typed, {"stage": refused.message}, status=409)
    person = moved.young_person
    flash(f"{person.given_name} {person.family_name} moved to {moved.stage.replace('_', ' ')}. "
          "You can undo this today from their card.")  # fmt: skip
    board_at = url_for("cohort_pages.board", cohort_id=cohort_id, stage=moved.stage)
    return redirect(f"{board_at}#member-{young_person_id}")  # their card, at its new stage


def _check_move(
    cohort: Cohort, member: CohortMember, stage: str, values: dict, errors: dict, *, status: int = 200
) -> tuple[str, int]:
    return render_template(
        "cohort_move.html",
        cohort=cohort,
        member=member,
        person=member.young_person,
        stage=stage,
        values=values,
        errors=errors,
        places=[place.name for place in reference.places(db()) if place.district],  # West Sussex only
    ), status


@bp.post("/cohorts/<cohort_id>/members/<young_person_id>/undo")
@page(*COHORT_RUNNERS)
def undo(cohort_id: str, young_person_id: str) -> Response | tuple[str, int]:
    field = f"member-{young_person_id}"
    try:
        member = stage_moves.undo(db(), g.actor, cohort_id, young_person_id, today())
    except Conflict as refused:
        return _board_page(cohort_id, {field: refused.message.capitalize()}, 409)
    person = member.young_person
    flash(
        f"Move undone: {person.given_name} {person.family_name} is back at {member.stage.replace('_', ' ')}."
    )
    return redirect(url_for("cohort_pages.board", cohort_id=cohort_id, stage=member.stage) + f"#{field}")


@bp.post("/cohorts/<cohort_id>/members")
@page(*COHORT_RUNNERS)
def enrol(cohort_id: str) -> Response | tuple[str, int]:
    young_person_id = request.form.get("young_person", "")
    try:
        member = cohorts.enrol(db(), g.actor, cohort_id, young_person_id, today())
    except eligibility.NotEligible as refused:
        message = f"Not eligible for the House Project on {refused.on.strftime('%-d %B %Y')}"
        return _board_page(cohort_id, {"enrol": message}, 422)
    except Conflict as refused:
        return _board_page(cohort_id, {"enrol": refused.message.capitalize()}, 409)
    person = member.young_person
    flash(f"{person.given_name} {person.family_name} enrolled.")
    return redirect(url_for("cohort_pages.board", cohort_id=cohort_id))
