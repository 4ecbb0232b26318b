"""The officers' side of the young person's own view: invite them to their pages, share a
proposal with them, and mark what they said is wrong as dealt with (issue 32). Their answers show
on the run page and at the accept check."""

from flask import flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.clock import today
from housing.errors import Conflict, Forbidden, Invalid
from housing.permissions import INVITERS, OFFICERS
from housing.reads import own_view as reads
from housing.reads import records
from housing.services import own_access, own_view
from httpkit.outgoing import send_emails
from httpkit.store import db
from web import runs
from web.sessions import page, page_blueprint

bp = page_blueprint("own_officer", __name__)


@bp.route("/young-people/<young_person_id>/invite", methods=["GET", "POST"])
@page(*INVITERS)
def invite(young_person_id: str) -> str | Response | tuple[str, int]:
    person = records.view(db(), g.actor, young_person_id, today())  # 404 for an unknown id
    account = reads.for_officers(db(), person.id)
    email = request.form.get("email", account.account_email or "").strip()
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        try:
            invited = own_access.invite(db(), g.actor, person.id, email)
        except Invalid:
            errors, status = {"email": "Enter their email address, like name@example.com"}, 400
        except Conflict as refused:
            errors, status = {"email": refused.message[:1].upper() + refused.message[1:]}, 409
        except Forbidden:
            errors, status = {"email": "Only their housing support officer can invite them"}, 403
        else:
            send_emails([invited.notification_id])
            return redirect(url_for("person_page.young_person", young_person_id=person.id, done="invited"))
    return render_template(
        "own/invite.html", person=person, account=account, email=email, errors=errors
    ), status


@bp.post("/proposals/<proposal_id>/share")
@page(*INVITERS)
def share(proposal_id: str) -> Response | tuple[str, int]:
    run_id = request.form.get("run", "")
    try:
        _, told = own_view.share(db(), g.actor, proposal_id)
    except Conflict:
        refused = {f"proposal-{proposal_id}": "This proposal is no longer open, so it was not shared"}
        return runs.review_page(run_id, refused, 409)
    send_emails(told)
    flash("Shared with the young person. They can see it on their own pages and answer it.", "success")
    return redirect(
        url_for("runs.review", run_id=run_id, page=request.form.get("page", 1)) + f"#{proposal_id}"
    )


ABOUT_WORDS = {"links": "Their local links", "wishes": "Their wishes", "other": "Something else"}


@bp.route("/young-people/<young_person_id>/changes/<change_id>/done", methods=["GET", "POST"])
@page(*OFFICERS)
def deal_with(young_person_id: str, change_id: str) -> str | Response | tuple[str, int]:
    """What they said is wrong, and a short note of what was done, which they read on their pages."""
    person = records.view(db(), g.actor, young_person_id, today())  # 404 for an unknown id
    asked = reads.change_of(db(), person.id, change_id)  # another's, or unknown: 404
    note = request.form.get("note", "")
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        status = 400
        if not note.strip():
            errors["note"] = "Enter what you did, for them to read"
        elif len(note.strip()) > own_view.NOTE_MAX:
            errors["note"] = f"What you did must be {own_view.NOTE_MAX} characters or fewer"
        else:
            try:
                own_view.deal_with(db(), g.actor, change_id, note)
            except Invalid:
                errors["note"] = "What you did must not contain hidden characters: type it again"
            except Conflict:
                errors["note"] = "This was marked as dealt with already: its first note stands"
                status = 409
            else:
                return redirect(
                    url_for("person_page.young_person", young_person_id=person.id, done="change-dealt-with")
                )
        asked = reads.change_of(db(), person.id, change_id)  # as it is now, after the refusal
    return render_template(
        "own/deal_with.html", person=person, asked=asked, about=ABOUT_WORDS[asked.about], note=note,
        errors=errors, note_max=own_view.NOTE_MAX,
    ), status  # fmt: skip
