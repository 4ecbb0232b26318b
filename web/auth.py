"""Sign in and sign out of the pages with email and password."""

from flask import redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from housing.http.store import db
from housing.services import accounts
from housing.vocabulary import Role
from web.sessions import page_blueprint, sign_in_as

bp = page_blueprint("auth", __name__)

HOME = {
    Role.HOUSING_OFFICER: "deadlines.home",
    Role.ADMIN: "deadlines.home",
    Role.DISTRICT_OFFICER: "district_pages.district",
    Role.HOUSE_PROJECT_COORDINATOR: "cohort_pages.cohort_list",
}


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in() -> str | Response | tuple[str, int]:
    errors: dict[str, str] = {}
    email = request.form.get("email", "").strip()
    if request.method == "POST":
        password = request.form.get("password", "")
        if not email:
            errors["email"] = "Enter your email address"
        if not password:
            errors["password"] = "Enter your password"  # noqa: S105 - a message, not a password
        if not errors:
            try:
                actor = accounts.sign_in(db(), email, password)
            except accounts.SignInRefused as refused:
                errors["email"] = refused.message
            else:
                sign_in_as(actor)
                return redirect(_safe_next() or url_for(HOME[actor.role]))
    status = 200 if not errors else 400
    return render_template("sign_in.html", errors=errors, email=email), status


@bp.post("/sign-out")
def sign_out() -> Response:
    session.clear()
    return redirect(url_for("auth.sign_in"))


def _safe_next() -> str | None:
    """Only a path on this site: an open redirect would let a link send officers elsewhere."""
    target = request.args.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else None
