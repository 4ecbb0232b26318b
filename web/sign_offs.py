"""A team manager's sign-off on pages: decisions awaiting it, one to sign off or send back with a
reason, and the routes it is switched on for. Loaded by the API's schemas, saved by the same use cases."""

from flask import abort, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.errors import Conflict, Invalid
from housing.permissions import CASE_READERS, MANAGERS
from housing.reads import sign_offs as read
from housing.services import sign_offs
from housing.vocabulary import SignOffStatus
from httpkit.store import db
from jsonapi.schemas.sign_offs import SignOffDecisionSchema, SignOffRoutesSchema
from web import forms
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("sign_off_pages", __name__)
PAGE_SIZE = 50
DECIDED = (SignOffStatus.SIGNED_OFF, SignOffStatus.SENT_BACK)
LABELS = forms.Labels(
    {"decision": "whether to sign it off", "reason": "why you are sending it back"}, ("decision",)
)


@bp.get("/sign-offs")
@page(*CASE_READERS)
def awaiting() -> str:
    shown = "decided" if request.args.get("show") == "decided" else "awaiting"
    statuses = DECIDED if shown == "decided" else (SignOffStatus.AWAITING,)
    number = page_asked()
    found, total = read.listed(db(), g.actor, statuses=statuses, young_person_id=None, page=number,
                               page_size=PAGE_SIZE)  # fmt: skip
    pages = page_count(total, PAGE_SIZE)
    return render_template("sign_offs.html", found=found, total=total, shown=shown, page=number, pages=pages,
                           done=request.args.get("done"))  # fmt: skip


@bp.route("/sign-offs/<sign_off_id>", methods=["GET", "POST"])
@page(*CASE_READERS)
def decide(sign_off_id: str) -> str | Response | tuple[str, int]:
    found = read.one(db(), g.actor, sign_off_id)
    values, errors = dict(request.form), {}
    if request.method == "POST":
        if g.actor.role not in MANAGERS:
            abort(403)
        body, errors = forms.load(SignOffDecisionSchema(), _body(request.form), LABELS)
        if not errors:
            try:
                if body["decision"] == "signed_off":
                    sign_offs.sign_off(db(), g.actor, sign_off_id)
                else:
                    sign_offs.send_back(db(), g.actor, sign_off_id, body["reason"].strip())
            except Conflict as conflict:
                errors = {"decision": conflict.message[:1].upper() + conflict.message[1:]}
            else:
                return redirect(url_for("sign_off_pages.awaiting", done=body["decision"]))
    return render_template("sign_off.html", found=found, values=values, errors=errors), 400 if errors else 200


@bp.route("/sign-offs/routes", methods=["GET", "POST"])
@page(*MANAGERS)
def routes() -> str | Response | tuple[str, int]:
    values, errors = {"routes": sorted(read.routes_on(db()))}, {}
    if request.method == "POST":
        values = {"routes": request.form.getlist("routes")}
        body, errors = forms.load(SignOffRoutesSchema(), values, {"routes": "the routes"})
        if not errors:
            try:
                sign_offs.switch(db(), g.actor, body["routes"])
            except Invalid as invalid:
                errors = forms.refused(invalid, {"routes": "the routes"})
            else:
                return redirect(url_for("sign_off_pages.routes", done="saved"))
    return render_template("sign_off_routes.html", values=values, errors=errors,
                           routes=sign_offs.SIGNABLE_ROUTES), 400 if errors else 200  # fmt: skip


def _body(form) -> dict:
    body = {"decision": form.get("decision") or None}
    if form.get("reason", "").strip():
        body["reason"] = form["reason"]
    return {key: value for key, value in body.items() if value is not None}


def awaiting_count() -> int:
    """For the line on a team manager's pages (counts only: nothing shown, nothing audited)."""
    return read.count_awaiting(db())


bp.add_app_template_global(awaiting_count, "sign_offs_awaiting")
