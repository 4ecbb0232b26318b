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

from housing import leave_rules, lifedates, ssda903
from housing.clock import today
from housing.models import YoungPerson
from housing.permissions import OFFICERS
from housing.reads.names import district_names
from housing.reads.record_values import Placed, Record
from housing.services import young_people
from housing.vocabulary import EndReason, Immigration, PlacementStatus
from httpkit.store import db
from jsonapi.schemas.young_people import YoungPersonPatchSchema
from web import forms
from web.forms import Labels, date_boxes, date_from, load
from web.record_lists import guarded
from web.sessions import page, page_blueprint
from web.words import LEAVE_TYPE_WORDS, long_date, option_name

bp = page_blueprint("situation_forms", __name__)

LEAVE_LABELS = Labels(
    {"leave_granted_on": "the date leave to remain was granted", "leave_type": "the type of leave",
     "leave_expires_on": "the date the leave expires", "immigration": "their immigration status"},
    choices=("leave_type",),
)  # fmt: skip
LEAVE_TYPES = [(kind.value, words) for kind, words in LEAVE_TYPE_WORDS.items()]
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


def _saved(person: Record, data: dict, errors: dict, labels: Labels, field: str) -> YoungPerson | None:
    def save(changes: dict) -> YoungPerson:
        return young_people.update(db(), g.actor, person.id, changes, today())

    return forms.saved(save, data, errors, labels, field)


def _back(person: Record, done: str) -> Response:
    return redirect(url_for("person_page.young_person", young_person_id=person.id, done=done))


def _current(person: Record) -> Placed | None:
    return next((p for p in person.placements if p.status == PlacementStatus.ACTIVE), None)


def _typed_date(name: str) -> dict[str, str]:
    return {part: request.form.get(f"{name}-{part}", "") for part in ("day", "month", "year")}


@bp.route("/young-people/<young_person_id>/leave-to-remain", methods=["GET", "POST"])
@page(*OFFICERS)
@guarded
def leave_granted(person: Record) -> Response | tuple[str, int]:
    """Recording the grant also records the status, as an officer would expect one to bring the other."""
    if request.method == "GET":
        return _leave_form(person, _leave_recorded(person), {})
    form = request.form
    granted_on = date_from(form, "leave_granted_on")
    needs = {"immigration": Immigration.LEAVE_GRANTED.value, "leave_granted_on": granted_on,
             "leave_type": form.get("leave_type") or None,
             "leave_expires_on": date_from(form, "leave_expires_on")}  # fmt: skip
    data, errors = load(YoungPersonPatchSchema(), {"needs": needs}, LEAVE_LABELS)
    if granted_on is None:
        errors = forms.in_form_order(
            errors | forms.messages({"leave_granted_on": [MISSING]}, LEAVE_LABELS), LEAVE_LABELS
        )
    if _saved(person, data, errors, LEAVE_LABELS, "leave_granted_on") is None:
        typed = {"leave_granted_on": _typed_date("leave_granted_on"),
                 "leave_type": form.get("leave_type", ""),
                 "leave_expires_on": _typed_date("leave_expires_on")}  # fmt: skip
        return _leave_form(person, typed, errors)
    return _back(person, "leave-granted")


def _leave_recorded(person: Record) -> dict[str, Any]:
    return {
        "leave_granted_on": date_boxes(person.leave_granted_on),
        "leave_type": person.leave_type.value if person.leave_type else "",
        "leave_expires_on": date_boxes(person.leave_expires_on),
    }


def _leave_form(person: Record, values: dict, errors: dict) -> tuple[str, int]:
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
        block_contract=current is not None and current.option.route in leave_rules.BLOCK_CONTRACT_ROUTES,
        notice_months=leave_rules.NOTICE_MONTHS,
        leave_types=LEAVE_TYPES,
        adult_on=lifedates.birthday(person.date_of_birth, 18),
        in_care=lifedates.birthday(person.date_of_birth, 18) > today(),
    ), (400 if errors else 200)


@bp.route("/young-people/<young_person_id>/accommodation", methods=["GET", "POST"])
@page(*OFFICERS)
@guarded
def accommodation(person: Record) -> Response | tuple[str, int]:
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


def _recorded(person: Record) -> dict[str, Any]:
    """The kind and judgement on record, dated today: changing them is judging them again."""
    values: dict[str, Any] = {"judged_on": date_boxes(today())}
    if person.accommodation_code is not None:
        values |= {
            "code": person.accommodation_code,
            "suitable": "yes" if person.accommodation_suitable else "no",
        }
    return values


def _accommodation_form(person: Record, values: dict, errors: dict) -> tuple[str, int]:
    return render_template(
        "accommodation_form.html",
        person=person,
        district_names=district_names(db()),
        values=values,
        errors=errors,
        choices=ACCOMMODATION_CHOICES,
    ), (400 if errors else 200)


def leave_in_words(person: Record) -> str | None:
    """The grant on the record page: its type, dates and, for a UASC young person, when the notice ends."""
    if person.leave_granted_on is None:
        return None
    kind = LEAVE_TYPE_WORDS[person.leave_type] if person.leave_type else "Leave to remain"
    granted = f"{kind}, granted on {long_date(person.leave_granted_on)}"
    if person.leave_expires_on:
        granted += f", expires on {long_date(person.leave_expires_on)}"
    if not person.uasc:
        return granted
    notice_ends = leave_rules.notice_ends_on(person.leave_granted_on, person.date_of_birth)
    return f"{granted}; the notice to leave block-contract housing ends on {long_date(notice_ends)}"


def what_the_grant_did(person: Record, districts: dict[str, str]) -> str:
    """The success banner's second line: what follows for where they live, as on_grant decided it."""
    if not person.uasc:
        return "The notice to leave applies only to UASC young people: nothing else changed."
    if (current := _current(person)) is not None:
        place = option_name(current.option, districts)
        return f"Their placement at {place}, continues; their move date has not changed."
    notice_ends = leave_rules.notice_ends_on(person.leave_granted_on, person.date_of_birth)
    in_care = (
        " (they are still in care, so it runs to their 18th birthday)"
        if notice_ends > (lifedates.add_months(person.leave_granted_on, leave_rules.NOTICE_MONTHS))
        else ""
    )
    by_notice = next((p for p in person.placements if p.end_reason == EndReason.NOTICE_TO_LEAVE), None)
    if by_notice is not None and by_notice.ends_on == person.move_date:
        return (f"Their placement at {option_name(by_notice.option, districts)}, ends on "
                f"{long_date(by_notice.ends_on)}{in_care}, and they are due a move then.")  # fmt: skip
    if person.move_date is not None and person.move_date < notice_ends:
        return f"Their move date, {long_date(person.move_date)}, comes before the notice ends, so it is kept."
    return f"They are due a move on {long_date(person.move_date)}, when the notice ends{in_care}."
