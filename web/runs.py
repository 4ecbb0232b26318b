"""Running the matcher and reviewing a run: each proposal with its reasons, accepted or rejected."""

from flask import current_app, flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing import placement_start
from housing.clock import today
from housing.errors import Conflict, Invalid
from housing.permissions import OFFICERS
from housing.reads import fairness, records, run_review, run_selection
from housing.reads import proposals as proposal_reads
from housing.reads.names import district_names, option_by_id
from housing.services import decisions, runs, undo
from housing.vocabulary import PathwayStatus, ProposalStatus
from httpkit.store import db
from web import banners, unmatched
from web.explain import said_of
from web.paging import page_asked, page_count
from web.run_list import runs_page
from web.sessions import page, page_blueprint
from web.words import option_name

bp = page_blueprint("runs", __name__)
PAGE_SIZE = 50
STATUSES = (PathwayStatus.NOT_STARTED, PathwayStatus.IN_PROGRESS)


@bp.post("/runs")
@page(*OFFICERS)
def run_matcher() -> Response | tuple[str, int]:
    """For one young person (from their record), a filtered selection, or everyone in scope."""
    form, day = request.form, today()
    scope = form.get("scope", "everyone")
    young_people: list[str] | None = None
    if scope == "one":
        young_people = [form.get("young_person", "")]
    elif scope == "selection":
        home_district = form.get("home_district") or None
        status = form.get("status") if form.get("status") in STATUSES else None
        young_people = run_selection.selected(
            db(), day, home_district=home_district, status=status, due_soon=form.get("due_soon") == "yes"
        )
        if not young_people:
            return runs_page(
                {"home_district": "No young person in scope matches these filters: widen them"}, 400
            )
    try:
        record = runs.run(
            db(), g.actor, as_of=day, young_people=young_people, reach_km=current_app.config["REACH_KM"]
        )
    except Invalid as refused:
        return runs_page({"scope": _out_of_scope(refused)}, 422)
    return redirect(url_for("runs.review", run_id=record.id))


def _out_of_scope(refused: Invalid) -> str:
    problems = [p for reasons in refused.fields.get("young_people", {}).values() for p in reasons]
    return f"This young person cannot be matched now: {problems[0] if problems else refused.message}"


@bp.get("/runs/<run_id>")
@page(*OFFICERS)
def review(run_id: str) -> tuple[str, int]:
    return review_page(run_id)


def review_page(run_id: str, errors: dict[str, str] | None = None, status: int = 200) -> tuple[str, int]:
    """A run's page; an action on it that was refused shows it again, the reason beside the proposal."""
    number = page_asked()
    unmatched_page = page_asked("unmatched_page")
    found = run_review.review(
        db(), g.actor, run_id, page=number, page_size=PAGE_SIZE, unmatched_page=unmatched_page
    )
    districts = district_names(db())
    names = {option_id: option_name(option, districts) for option_id, option in found.options.items()}
    day = today()
    explained = {
        p.id: said_of(p, found.people[p.young_person_id], found.options, names, day) for p in found.proposals
    }
    left_out = [
        {"entry": u, "person": found.people.get(u["young_person"]),
         "lead": unmatched.lead(u["reasons"], found.apply_to.get(u["young_person"], []), districts),
         "counts": unmatched.counts(u["reasons"], districts)}
        for u in found.unmatched
    ]  # fmt: skip
    return render_template(
        "run.html",
        review=found,
        names=names,
        explained=explained,
        errors=errors or {},
        page=number,
        pages=page_count(found.total, PAGE_SIZE),
        unmatched=left_out,
        unmatched_page=unmatched_page,
        unmatched_pages=page_count(found.unmatched_total, PAGE_SIZE),
        districts=districts,
        today=day,
        fair=fairness.section(db(), g.actor, run_id),
        undoable={
            p.id: banners.undo_window(p)
            for p in found.proposals
            if p.status == ProposalStatus.ACCEPTED and undo.why_not(db(), p, day) is None
        },
    ), status


@bp.get("/proposals/<proposal_id>/accept")
@page(*OFFICERS)
def check_accept(proposal_id: str) -> tuple[str, int]:
    return _check_accept_page(proposal_id)


def _check_accept_page(
    proposal_id: str, errors: dict[str, str] | None = None, status: int = 200
) -> tuple[str, int]:
    """Check before accepting: who, which place, from when, what the accept will set going, and the
    young person's own answer where they gave one (against their "no", a reason is asked for)."""
    proposal = proposal_reads.get(db(), proposal_id)
    person = records.view(db(), g.actor, proposal.young_person_id, today())
    districts = district_names(db())
    option = option_by_id(db(), proposal.option_id)
    return render_template(
        "check_accept.html",
        proposal=proposal,
        person=person,
        place=option_name(option, districts),
        starts=placement_start.starts_on(person, proposal.run.as_of, today()),
        next_steps=banners.what_will_happen(proposal),
        run_id=request.values.get("run", proposal.run_id),
        page=request.values.get("page", 1),
        errors=errors or {},
        reason=request.form.get("reason", ""),
    ), status


@bp.post("/proposals/<proposal_id>/accept")
@page(*OFFICERS)
def accept(proposal_id: str) -> Response | tuple[str, int]:
    run_id = request.form.get("run", "")
    try:
        proposal = decisions.accept(db(), g.actor, proposal_id, today(), request.form.get("reason"))
    except Invalid:
        missing = {"reason": "They said no to this place: enter why you accept it"}
        return _check_accept_page(proposal_id, missing, 400)
    except Conflict as refused:
        return review_page(run_id, {f"proposal-{proposal_id}": refused.message}, 409)
    flash(banners.accepted(proposal), "success")
    return _back_to(run_id, proposal_id)


@bp.post("/proposals/<proposal_id>/reject")
@page(*OFFICERS)
def reject(proposal_id: str) -> Response | tuple[str, int]:
    run_id, reason = request.form.get("run", ""), request.form.get("reason", "").strip()
    if not reason:
        missing = {f"reason-{proposal_id}": "Enter why the proposal is rejected"}
        return review_page(run_id, missing, 400)
    try:
        proposal = decisions.reject(db(), g.actor, proposal_id, reason)
    except Conflict as refused:
        return review_page(run_id, {f"proposal-{proposal_id}": refused.message}, 409)
    flash(banners.rejected(proposal), "success")
    return _back_to(run_id, proposal_id)


@bp.post("/proposals/<proposal_id>/undo")
@page(*OFFICERS)
def undo_accept(proposal_id: str) -> Response | tuple[str, int]:
    run_id = request.form.get("run", "")
    try:
        proposal = undo.undo_accept(db(), g.actor, proposal_id, today())
    except Conflict as refused:
        return review_page(run_id, {f"proposal-{proposal_id}": refused.message.capitalize()}, 409)
    flash(banners.undone(proposal), "success")
    return _back_to(run_id, proposal_id)


def _back_to(run_id: str, proposal_id: str) -> Response:
    """After a decision, back to the same page of the run, at the proposal decided."""
    return redirect(
        url_for("runs.review", run_id=run_id, page=request.form.get("page", 1)) + f"#{proposal_id}"
    )
