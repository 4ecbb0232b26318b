"""Pages to end a placement and to record a Staying Put carer's withdrawal.

The forms sit on the young person's page (`_placements.html`); each posts here, is read by the same
schema as its API operation, and calls the same use case. A form with a problem comes back on a page
of its own, with the error summary, the message beside the field and what was typed.
"""

import re
from datetime import date
from typing import Any

from flask import Response, g, redirect, render_template, request, url_for
from marshmallow import ValidationError

from housing.clock import today
from housing.db import found
from housing.errors import Conflict, Invalid, NotFound
from housing.models import Option, Placement
from housing.permissions import OFFICERS
from housing.services import placement_ends
from housing.vocabulary import OFFICER_END_REASONS
from httpkit.store import db
from jsonapi.schemas.placements import CarerWithdrawalSchema, PlacementEndSchema
from web.sessions import page, page_blueprint

bp = page_blueprint("placement_pages", __name__)

REASONS = {
    "carer_withdrew": "The carer or host withdrew",
    "breakdown": "The placement broke down",
    "notice_to_leave": "Notice to leave (for example after leave to remain was granted)",
    "moved_on": "They moved on",
    "other": "Another reason",
}
assert set(REASONS) == set(OFFICER_END_REASONS)  # every reason the API takes, in words
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What the schema says, in the words an officer needs beside the field.
PLAIN = {
    "ends_on": "Enter the last day of the placement as a real date, for example 27 3 2027",
    "reason": "Select why the placement is ending",
    "note": "The note must be 2,000 characters or fewer",
}


@bp.app_context_processor
def end_reasons() -> dict[str, dict[str, str]]:
    return {"placement_end_reasons": REASONS}


@bp.get("/placements/<placement_id>/end")
@page(*OFFICERS)
def end_form(placement_id: str) -> tuple[str, int]:
    return _end_page(_placement(placement_id), {}, {}, 200)


def _end_page(placement: Placement, errors: dict, typed: dict, status: int) -> tuple[str, int]:
    return render_template("placement_end.html", placement=placement, errors=errors, typed=typed), status


@bp.post("/placements/<placement_id>/end")
@page(*OFFICERS)
def end(placement_id: str) -> Response | tuple[str, int]:
    placement = _placement(placement_id)
    typed = _typed("reason", "note")
    try:
        body = PlacementEndSchema().load(_body(typed, "reason", "note"))
        placement_ends.end(db(), g.actor, placement_id, body, today())
    except (ValidationError, Invalid, Conflict) as problem:
        return _end_page(placement, _errors(problem), typed, _status(problem))
    return redirect(
        url_for("person_page.young_person", young_person_id=placement.young_person_id, done="placement-ended")
    )


@bp.get("/options/<option_id>/carer-withdrawal")
@page(*OFFICERS)
def withdrawal_form(option_id: str) -> tuple[str, int]:
    return _withdrawal_page(_staying_put(option_id), {}, {}, 200)


def _withdrawal_page(option: Option, errors: dict, typed: dict, status: int) -> tuple[str, int]:
    return render_template("carer_withdrawal.html", option=option, errors=errors, typed=typed), status


@bp.post("/options/<option_id>/carer-withdrawal")
@page(*OFFICERS)
def withdraw(option_id: str) -> Response | tuple[str, int]:
    option = _staying_put(option_id)
    typed = _typed("note")
    try:
        body = CarerWithdrawalSchema().load(_body(typed, "note"))
        placement_ends.withdraw_carer(db(), g.actor, option_id, body, today())
    except (ValidationError, Invalid, Conflict) as problem:
        return _withdrawal_page(option, _errors(problem), typed, _status(problem))
    return redirect(
        url_for("person_page.young_person", young_person_id=option.young_person_id, done="carer-withdrew")
    )


def _placement(placement_id: str) -> Placement:
    return found(db(), Placement, placement_id, "placement")  # else web/errors.py's 404


def _staying_put(option_id: str) -> Option:
    option = found(db(), Option, option_id, "option")
    if option.young_person_id is None:
        raise NotFound(f"no staying put arrangement with id {option_id}")
    return option


def _typed(*fields: str) -> dict[str, str]:
    """What the officer typed, to put back in the form."""
    names = ("ends_on-day", "ends_on-month", "ends_on-year", *fields)
    return {name: request.form.get(name, "").strip() for name in names}


def _body(typed: dict[str, str], *fields: str) -> dict[str, Any]:
    day, month, year = (typed[f"ends_on-{part}"] for part in ("day", "month", "year"))
    ends_on = f"{year.zfill(4)}-{month.zfill(2)}-{day.zfill(2)}" if day and month and year else None
    body: dict[str, Any] = {"ends_on": ends_on, "note": typed.get("note") or None}
    if "reason" in fields and typed.get("reason"):
        body["reason"] = typed["reason"]
    return body


def _errors(problem: Exception) -> dict[str, str]:
    if isinstance(problem, Conflict):
        return {"ends_on-day": problem.message}
    fields = problem.messages if isinstance(problem, ValidationError) else problem.fields
    shown = {}
    for field, reasons in fields.items():
        anchor = "ends_on-day" if field == "ends_on" else field
        reason = reasons[0] if isinstance(reasons, list) else str(reasons)
        shown[anchor] = _plain(field, reason, problem)
    return shown


def _plain(field: str, reason: str, problem: Exception) -> str:
    """A rule's own message where it is already plain (Invalid), the page's words for a schema's."""
    if isinstance(problem, Invalid):
        words = ISO_DATE.sub(lambda day: date.fromisoformat(day.group()).strftime("%-d %B %Y"), reason)
        return f"The end date {words}" if field == "ends_on" else words
    return PLAIN.get(field, reason)


def _status(problem: Exception) -> int:
    return 409 if isinstance(problem, Conflict) else 422
