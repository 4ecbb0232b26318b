"""The young person's own pages (issue 32): their plan, the places shared with them and their
answer, their links and wishes with "this is wrong", and signing in by a one-time link.

Thin: the reads are housing.reads.own_view, the changes housing.services.own_view and own_access.
Mobile first (320–390 px), GOV.UK Frontend, and light: no autocomplete, one stylesheet, one script.
"""

from flask import flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.clock import today
from housing.errors import Conflict, Invalid
from housing.reads import own_view as reads
from housing.services import own_access, own_view
from housing.services.own_view import WORDS_MAX
from housing.vocabulary import Role
from httpkit.outgoing import send_emails
from httpkit.store import db
from web import maps, own_words
from web.sessions import page, page_blueprint, sign_in_as

bp = page_blueprint("own_pages", __name__)
YOUNG_PERSON = Role.YOUNG_PERSON
LABELLED_MARGIN = 70  # room on the map for a town's name under its mark


@bp.get("/me")
@page(YOUNG_PERSON)
def home() -> str:
    found = reads.home(db(), g.actor, today())
    return render_template(
        "own/home.html",
        home=found,
        pathway=own_words.pathway(found),
        next_steps=own_words.next_steps(found, today()),
        steps=[own_words.step(s, today()) for s in found.steps],
    )


@bp.get("/me/about-you")
@page(YOUNG_PERSON)
def about_you() -> str:
    return render_template("own/about_you.html", home=reads.home(db(), g.actor, today()))


@bp.route("/me/this-is-wrong", methods=["GET", "POST"])
@page(YOUNG_PERSON)
def this_is_wrong() -> str | Response | tuple[str, int]:
    about = request.values.get("about", "")
    words = request.form.get("words", "")
    errors: dict[str, str] = {}
    if request.method == "POST":
        if about not in own_view.ABOUT:
            errors["about"] = "Choose what is wrong"
        if not words.strip():
            errors["words"] = "Tell your worker what is wrong"
        elif len(words.strip()) > WORDS_MAX:
            errors["words"] = f"Use {WORDS_MAX} characters or fewer"
        if not errors:
            try:
                _, told = own_view.ask_change(db(), g.actor, about, words)
            except Invalid:
                errors["words"] = "Type your words again without any hidden characters"
            else:
                send_emails(told)
                flash("Thank you. We have told your worker. They will put it right.", "success")
                return redirect(url_for("own_pages.about_you"))
    status = 400 if errors else 200
    return render_template("own/this_is_wrong.html", about=about, words=words, errors=errors), status


@bp.route("/me/proposals/<proposal_id>", methods=["GET", "POST"])
@page(YOUNG_PERSON)
def proposal(proposal_id: str) -> str | Response | tuple[str, int]:
    place, places = reads.one(db(), g.actor, proposal_id)  # another's, or unshared: 404
    view, words = request.form.get("view", ""), request.form.get("words", "")
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        status = 400
        if view not in own_words.ANSWER:
            errors["view"] = "Choose yes, no or not sure"
        if len(words.strip()) > WORDS_MAX:
            errors["words"] = f"Use {WORDS_MAX} characters or fewer"
        if not errors:
            try:
                _, told = own_view.give_view(db(), g.actor, proposal_id, view, words)
            except Invalid:
                errors["words"] = "Type your words again without any hidden characters"
            except Conflict:
                errors["view"] = "This place has been decided. Your worker will talk to you about it."
                status = 409
            else:
                send_emails(told)
                flash("Thank you. Your worker can see your answer.", "success")
                return redirect(url_for("own_pages.proposal", proposal_id=proposal_id))
    around = maps.around(places, {place.place} | {link.place for link in place.links})
    points = maps.project(around, margin=LABELLED_MARGIN)
    return render_template(
        "own/proposal.html", place=place, points=points, size=(maps.WIDTH, maps.HEIGHT),
        view=view or place.view or "", words=words if request.method == "POST" else (place.view_words or ""),
        errors=errors,
    ), status  # fmt: skip


@bp.route("/me/sign-in", methods=["GET", "POST"])
def ask_for_link() -> str | tuple[str, int]:
    """A new link by email. The answer is the same whether or not the email has an account."""
    email = request.form.get("email", "").strip()
    if request.method == "POST":
        if "@" not in email or len(email) > 254:
            error = {"email": "Enter your email address, like name@example.com"}
            return render_template("own/ask_for_link.html", email=email, errors=error), 400
        notification = own_access.ask_for_link(db(), email)
        send_emails([notification] if notification else [])
        return render_template("own/link_sent.html", email=email)
    return render_template("own/ask_for_link.html", email="", errors={})


@bp.route("/me/sign-in/<token>", methods=["GET", "POST"])
def sign_in_by_link(token: str) -> str | Response | tuple[str, int]:
    """GET asks them to press a button; only the POST uses the link, so an email scanner that opens
    links does not spend it."""
    if request.method == "POST":
        try:
            actor = own_access.sign_in(db(), token)
        except own_access.LinkRefused as refused:
            return render_template("own/link_refused.html", message=refused.message), 400
        sign_in_as(actor)
        return redirect(url_for("own_pages.home"))
    return render_template("own/use_link.html")
