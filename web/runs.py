"""Running the matcher and reviewing a run: each proposal with its reasons, accepted or rejected."""

from flask import current_app, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.clock import today
from housing.errors import Conflict
from housing.permissions import OFFICERS
from housing.services import decisions, runs
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("runs", __name__)
PAGE_SIZE = 50


@bp.post("/runs")
@page(*OFFICERS)
def run_matcher() -> Response:
    reach_km = current_app.config["REACH_KM"]
    record = runs.run(db(), g.actor, as_of=today(), young_people=None, reach_km=reach_km)
    return redirect(url_for("runs.review", run_id=record.id))


@bp.get("/runs/<run_id>")
@page(*OFFICERS)
def review(run_id: str, errors: dict[str, str] | None = None, status: int = 200) -> tuple[str, int]:
    number = page_asked()
    unmatched_page = page_asked("unmatched_page")
    found = runs.review(
        db(), g.actor, run_id, page=number, page_size=PAGE_SIZE, unmatched_page=unmatched_page
    )
    return render_template(
        "run.html",
        review=found,
        errors=errors or {},
        page=number,
        pages=page_count(found.total, PAGE_SIZE),
        unmatched=found.unmatched,
        unmatched_page=unmatched_page,
        unmatched_pages=page_count(len(found.run.unmatched), PAGE_SIZE),
    ), status


@bp.post("/proposals/<proposal_id>/accept")
@page(*OFFICERS)
def accept(proposal_id: str) -> Response | tuple[str, int]:
    run_id = request.form.get("run", "")
    try:
        decisions.accept(db(), g.actor, proposal_id, today())
    except Conflict as refused:
        return review.__wrapped__(run_id, {f"proposal-{proposal_id}": refused.message}, 409)
    return _back_to(run_id, proposal_id)


@bp.post("/proposals/<proposal_id>/reject")
@page(*OFFICERS)
def reject(proposal_id: str) -> Response | tuple[str, int]:
    run_id, reason = request.form.get("run", ""), request.form.get("reason", "").strip()
    if not reason:
        missing = {f"reason-{proposal_id}": "Enter why the proposal is rejected"}
        return review.__wrapped__(run_id, missing, 400)
    try:
        decisions.reject(db(), g.actor, proposal_id, reason)
    except Conflict as refused:
        return review.__wrapped__(run_id, {f"proposal-{proposal_id}": refused.message}, 409)
    return _back_to(run_id, proposal_id)


def _back_to(run_id: str, proposal_id: str) -> Response:
    """After a decision, back to the same page of the run, at the proposal decided."""
    return redirect(
        url_for("runs.review", run_id=run_id, page=request.form.get("page", 1)) + f"#{proposal_id}"
    )
