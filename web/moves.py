"""The county's pages for a nomination and a move: nominations awaiting councils, withdrawing one
(checked first, with a reason), and the steps of the move after agreement, each on the API's schema
and use case, so a page and the API refuse the same things."""

from flask import flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.clock import today
from housing.models import Nomination
from housing.permissions import OFFICERS
from housing.reads import moves as move_reads
from housing.reads import nominations as nomination_reads
from housing.reads import records
from housing.reads.names import district_names, option_by_id, options_by_id
from housing.reads.record_values import Record
from housing.services import moves, nominations
from httpkit.outgoing import send_emails
from httpkit.store import db
from jsonapi.schemas.moves import MoveStepSchema, WithdrawalSchema
from web import forms
from web.forms import Labels, date_boxes, date_from, load
from web.paging import page_asked, page_count
from web.record_lists import guarded
from web.sessions import page, page_blueprint
from web.words import option_name

bp = page_blueprint("move_pages", __name__)
PAGE_SIZE = 50
STEP_WORDS = {
    "offer_made": "Offer made",
    "viewing": "Viewing",
    "answer": "Their answer",
    "signed": "Tenancy or licence signed",
    "moved_in": "Moved in",
    "fell_through": "The move fell through",
}
ANSWER_WORDS = {"yes": "Yes", "no": "No", "not_sure": "Not sure"}
STEP_LABELS = Labels(
    {"kind": "what happened", "on": "the date it happened", "answer": "their answer",
     "words": "their words", "reason": "why the move fell through"},
    choices=("kind", "answer"),
)  # fmt: skip
WITHDRAW_LABELS = Labels({"reason": "why the nomination is withdrawn"})


@bp.app_context_processor
def words() -> dict[str, dict[str, str]]:
    return {"step_words": STEP_WORDS, "answer_words": ANSWER_WORDS}


@bp.get("/nominations")
@page(*OFFICERS)
def awaiting() -> str:
    """Nominations the councils have yet to decide, oldest first: whom to chase."""
    number = page_asked()
    found, total = nomination_reads.awaiting(db(), g.actor, district=None, page=number, page_size=PAGE_SIZE)
    districts = district_names(db())
    options = options_by_id(db(), [n.option_id for n in found])
    return render_template(
        "nominations_awaiting.html",
        found=found,
        total=total,
        names={n.id: option_name(options[n.option_id], districts) for n in found},
        districts=districts,
        today=today(),
        page=number,
        pages=page_count(total, PAGE_SIZE),
    )


@bp.route("/nominations/<nomination_id>/withdraw", methods=["GET", "POST"])
@page(*OFFICERS)
def withdraw(nomination_id: str) -> Response | tuple[str, int]:
    """What withdrawing will do, then the reason; the council can no longer decide it."""
    nomination = nomination_reads.get(db(), nomination_id)
    typed = {"reason": request.form.get("reason", "").strip()}
    if request.method == "GET":
        return _withdraw_form(nomination, typed, {})
    data, errors = load(WithdrawalSchema(), {"reason": typed["reason"] or None}, WITHDRAW_LABELS)
    if not typed["reason"]:
        errors = {"reason": "Enter why the nomination is withdrawn"}
    done = forms.saved(
        lambda body: nominations.withdraw(db(), g.actor, nomination_id, body["reason"]),
        data, errors, WITHDRAW_LABELS, "reason",
    )  # fmt: skip
    if done is None:
        return _withdraw_form(nomination, typed, errors)
    return redirect(
        url_for(
            "person_page.young_person",
            young_person_id=nomination.young_person_id,
            done="nomination-withdrawn",
        )
    )


def _withdraw_form(nomination: Nomination, typed: dict, errors: dict) -> tuple[str, int]:
    districts = district_names(db())
    person = records.view(db(), g.actor, nomination.young_person_id, today())
    return render_template(
        "nomination_withdraw.html",
        nomination=nomination,
        person=person,
        council=districts.get(nomination.district, "the council"),
        place=option_name(option_by_id(db(), nomination.option_id), districts),
        district_names=districts,
        values=typed,
        errors=errors,
    ), (400 if errors else 200)


@bp.route("/young-people/<young_person_id>/move", methods=["GET", "POST"])
@page(*OFFICERS)
@guarded
def move(person: Record) -> Response | tuple[str, int]:
    """The steps of their move so far, and the form for the next one."""
    if request.method == "GET":
        return _move_page(person, {"on": date_boxes(today())}, {})
    form = request.form
    typed = {name: form.get(name, "").strip() for name in ("kind", "answer", "words", "reason")}
    body = {name: value or None for name, value in typed.items()}
    body["on"] = date_from(form, "on")
    data, errors = load(MoveStepSchema(), body, STEP_LABELS)
    recorded = forms.saved(
        lambda loaded: moves.record(db(), g.actor, person.id, loaded, today()),
        data,
        errors,
        STEP_LABELS,
        "kind",
    )
    if recorded is None:
        boxes = {part: form.get(f"on-{part}", "") for part in ("day", "month", "year")}
        return _move_page(person, typed | {"on": boxes}, errors)
    step, told = recorded
    send_emails(told)
    said = " They have been told the day on their own pages." if told else ""
    flash(f"{STEP_WORDS[step.kind]} recorded, dated {step.on.strftime('%-d %B %Y')}.{said}", "success")
    return redirect(url_for("move_pages.move", young_person_id=person.id))


def _move_page(person: Record, values: dict, errors: dict) -> tuple[str, int]:
    districts = district_names(db())
    shown = records.view(db(), g.actor, person.id, today())
    placement = moves.movable(db(), person.id)
    return render_template(
        "move.html",
        person=shown,
        steps=move_reads.steps(db(), person.id),
        place=option_name(placement.option, districts) if placement else None,
        placement=placement,
        district_names=districts,
        values=values,
        errors=errors,
        kinds=list(STEP_WORDS.items()),
        answers=list(ANSWER_WORDS.items()),
        today=today(),
    ), (400 if errors else 200)
