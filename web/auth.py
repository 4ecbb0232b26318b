"""Sign in and sign out of the pages with email and password."""

import re

from flask import redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.services import sign_ins
from httpkit.store import db
from web.home import HOME
from web.sessions import page_blueprint, sign_in_as
from web.sessions import sign_out as end_session

bp = page_blueprint("auth", __name__)


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
                actor = sign_ins.sign_in(db(), email, password, client=request.remote_addr or "")
            except sign_ins.SignInRefused as refused:
                errors["email"] = refused.message
            else:
                sign_in_as(actor)
                return redirect(_safe_next() or url_for(HOME[actor.role]))
    status = 200 if not errors else 400
    return render_template("sign_in.html", errors=errors, email=email), status


@bp.post("/sign-out")
def sign_out() -> Response:
    """Ends the session on the server: a copy of the cookie kept from before opens nothing."""
    end_session()
    return redirect(url_for("auth.sign_in"))


# A path of this site as the pages send it (`next=request.path`, ids of letters and digits): one
# leading slash, then plain ASCII path characters only. A tab, a backslash, a percent-escape (of
# anything, so escapes of escapes too), a scheme's colon or a second leading slash are refused, each
# of which a browser could read as another host (`/%09/evil.example` is `//evil.example` to it).
SITE_PATH = re.compile(r"/(?![/\\])[A-Za-z0-9\-._~/]*", re.ASCII)


def _safe_next() -> str | None:
    """Only a path on this site: an open redirect would let a link send officers elsewhere."""
    target = request.args.get("next", "")  # the query string's escapes already undone, once
    return target if SITE_PATH.fullmatch(target) else None
