"""Two facts about a young person's situation, each on a small form of its own: that leave to remain
was granted (and when), and where they live now with the officer's dated judgement of it.

Each form is the API's `PATCH /young-people/{id}` of those fields alone: the same schema, the same
use case and its rules (no date in the future, no fixed abode never suitable, the three months'
notice that follows a grant), audited the same way. Neither is on the details form, so saving the
details leaves them as they are.
"""

from typing import Any

from flask import g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing import ssda903
from housing.clock import today
from housing.models import Placement, YoungPerson
from housing.permissions import OFFICERS
from housing.reads.names import district_names
from housing.services import leave_to_remain, young_people
from housing.vocabulary import EndReason, Immigration, PlacementStatus
from httpkit.store import db
from jsonapi.schemas.young_people import YoungPersonPatchSchema
from web import forms
from web.forms import Labels, date_boxes, date_from, load
from web.record_lists import guarded
from web.sessions import page, page_blueprint
from web.words import long_date, option_name

bp = page_blueprint("situation_forms", __name__)

LEAVE_LABELS = Labels({"leave_granted_on": "the date leave to remain was granted"})
ACCOMMODATION_LABELS = Labels(
    {"code": "the kind of accommodation", "suitable": "whether it is suitable",
     "judged_on": "the date you judged it"},
    choices=("code", "suitable"),
)  # fmt: skip
# The schema lets a PATCH clear the date (null); this form is for recording one, so a blank is missing.
MISSING = "Missing data for required field."
# The 903 names in alphabetical order, so an officer finds one by its first word.
ACCOMMODATION_CHOICES = sorted(ssda903.ACCOMMODATION.items(), key=lambda item: item[1])
YES_NO = {"yes": True, "no": False}


def _saved(person: YoungPerson, data: dict, errors: dict, labels: Labels, field: str) -> YoungPerson | None:
    def save(changes: dict) -> YoungPerson:
        return young_people.update(db(), g.actor, person.id, changes, today())

    return forms.saved(save, data, errors, labels, field)


def _back(person: YoungPerson, done: str) -> Response:
    return redirect(url_for("person_page.young_person", young_person_id=person.id, done=done))


def _current(person: YoungPerson) -> Placement | None:
    return next((p for p in person.placements if p.status == PlacementStatus.ACTIVE), None)


def _typed_date(name: str) -> dict[str, str]:
    return {part: request.form.get(f"{name}-{part}", "") for part in ("day", "month", "year")}


@bp.route("/young-people/<young_person_id>/leave-to-remain", methods=["GET", "POST"])
@page(*OFFICERS)
@guarded
def leave_granted(person: YoungPerson) -> Response | tuple[str, int]:
    """Recording the grant also records the status, as an officer would expect one to bring the other."""
    if request.method == "GET":
        return _leave_form(person, {"leave_granted_on": date_boxes(person.leave_granted_on)}, {})
    granted_on = date_from(request.form, "leave_granted_on")
    body = {"needs": {"immigration": Immigration.LEAVE_GRANTED.value, "leave_granted_on": granted_on}}
    data, errors = load(YoungPersonPatchSchema(), body, LEAVE_LABELS)
    if granted_on is None:
        errors = forms.messages({"leave_granted_on": [MISSING]}, LEAVE_LABELS)
    if _saved(person, data, errors, LEAVE_LABELS, "leave_granted_on") is None:
        return _leave_form(person, {"leave_granted_on": _typed_date("leave_granted_on")}, errors)
    return _back(person, "leave-granted")


def _leave_form(person: YoungPerson, values: dict, errors: dict) -> tuple[str, int]:
    """The form says, before it is sent, what the grant will do to where they live now."""
    current = _current(person)
    districts = district_names(db())
    return render_template(
        "leave_to_remain_form.html",
        person=person,
        district_names=districts,
        values=values,
        errors=errors,
        current=current and option_name(current.option, districts),
        block_contract=current is not None and current.option.route in leave_to_remain.BLOCK_CONTRACT_ROUTES,
        notice_months=leave_to_remain.NOTICE_MONTHS,
    ), (400 if errors else 200)


@bp.route("/young-people/<young_person_id>/accommodation", methods=["GET", "POST"])
@page(*OFFICERS)
@guarded
def accommodation(person: YoungPerson) -> Response | tuple[str, int]:
    if request.method == "GET":
        return _accommodation_form(person, _recorded(person), {})
    form = request.form
    found: dict[str, Any] = {
        "code": form.get("code") or None,
        "suitable": YES_NO.get(form.get("suitable", "")),
        "judged_on": date_from(form, "judged_on"),
    }
    body = {"current_accommodation": {key: value for key, value in found.items() if value is not None}}
    data, errors = load(YoungPersonPatchSchema(), body, ACCOMMODATION_LABELS)
    if _saved(person, data, errors, ACCOMMODATION_LABELS, "code") is None:
        typed = {"code": form.get("code", ""), "suitable": form.get("suitable", ""),
                 "judged_on": _typed_date("judged_on")}  # fmt: skip
        return _accommodation_form(person, typed, errors)
    return _back(person, "accommodation-judged")


def _recorded(person: YoungPerson) -> dict[str, Any]:
    """The kind and judgement on record, dated today: changing them is judging them again."""
    values: dict[str, Any] = {"judged_on": date_boxes(today())}
    if person.accommodation_code is not None:
        values |= {
            "code": person.accommodation_code,
            "suitable": "yes" if person.accommodation_suitable else "no",
        }
    return values


def _accommodation_form(person: YoungPerson, values: dict, errors: dict) -> tuple[str, int]:
    return render_template(
        "accommodation_form.html",
        person=person,
        district_names=district_names(db()),
        values=values,
        errors=errors,
        choices=ACCOMMODATION_CHOICES,
    ), (400 if errors else 200)


def leave_in_words(person: YoungPerson) -> str | None:
    """The grant on the record page: its date and, for a UASC young person, when the notice ends."""
    if person.leave_granted_on is None:
        return None
    granted = f"Granted on {long_date(person.leave_granted_on)}"
    if not person.uasc:
        return granted
    notice_ends = leave_to_remain.notice_ends_on(person.leave_granted_on)
    return f"{granted}; the {leave_to_remain.NOTICE_MONTHS} months’ notice ends on {long_date(notice_ends)}"


def what_the_grant_did(person: YoungPerson, districts: dict[str, str]) -> str:
    """The success banner's second line: what follows for where they live, as on_grant decided it."""
    if not person.uasc:
        return "The notice to leave applies only to UASC young people: nothing else changed."
    if (current := _current(person)) is not None:
        place = option_name(current.option, districts)
        return f"Their placement at {place}, continues; their move date has not changed."
    by_notice = next((p for p in person.placements if p.end_reason == EndReason.NOTICE_TO_LEAVE), None)
    if by_notice is not None and by_notice.ends_on == person.move_date:
        return (f"Their placement at {option_name(by_notice.option, districts)}, ends on "
                f"{long_date(by_notice.ends_on)}, and they are due a move then.")  # fmt: skip
    return f"They are due a move on {long_date(person.move_date)}, when the notice ends."
