"""Who is signed in to the pages, for how long, and the CSRF token every form carries.

The session cookie holds only a random session token and the CSRF token; it is signed with the
app's secret key and HTTP-only, SameSite=Lax, and Secure outside development. Whether the session
is live is the database's answer (`housing/services/page_sessions.py`), never the cookie's: a
copy of the cookie taken before a sign-out, a password change, a revocation or a disabling, or
replayed after 30 minutes idle or 12 hours, opens nothing on any worker.
"""

import hmac
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Blueprint, Flask, g, redirect, render_template, request, session, url_for

from housing.actors import Actor
from housing.services import page_sessions
from housing.vocabulary import Role
from httpkit.blueprint import holding_nul
from httpkit.store import db
from web import errors

View = TypeVar("View", bound=Callable[..., Any])
ROLES_ATTRIBUTE = "pathways_page_roles"


def sign_in_as(actor: Actor) -> None:
    """A fresh session (and CSRF token): nothing from before signing in carries over, and a session
    this browser held before is ended."""
    sign_out()
    session.permanent = True
    session["session_token"] = page_sessions.begin(db(), actor.user_id)


def sign_out() -> None:
    if isinstance(token := session.get("session_token"), str):
        page_sessions.end(db(), token)
    session.clear()


def signed_in() -> Actor | None:
    token = session.get("session_token")
    actor = page_sessions.resume(db(), token) if isinstance(token, str) else None
    if actor is None:
        session.pop("session_token", None)
    return actor


def page(*roles: Role) -> Callable[[View], View]:
    """A page for signed-in users with one of `roles`: others are sent to sign in, or refused (403)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            actor = signed_in()
            if actor is None:
                return redirect(url_for("auth.sign_in", next=request.path))
            g.actor = actor  # the error pages below carry the role's menu and sign-out too
            if actor.role not in roles:
                return render_template("error.html", title="You cannot see this page", code=403), 403
            if any(holding_nul(kwargs)):
                return render_template("error.html", title="Page not found", code=404), 404
            sent = {"form": request.form.to_dict(flat=False), "query": request.args.to_dict(flat=False)}
            if any(holding_nul(sent)):  # every value of every field, repeated ones too
                # PostgreSQL cannot store the NUL character, and no field means anything by it.
                title = "A field holds a character that cannot be kept"
                return render_template("error.html", title=title, code=400), 400
            return view(*args, **kwargs)

        setattr(guarded, ROLES_ATTRIBUTE, roles)
        return guarded  # type: ignore[return-value]

    return decorate


def page_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint of pages: errors are shown as pages, not as the API's JSON."""
    blueprint = Blueprint(name, import_name)
    errors.register(blueprint)
    return blueprint


def csrf_token() -> str:
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csrf_token"] = csrf_token

    @app.before_request
    def check_csrf() -> Any:
        """Every form POST to a page carries the session's token; the JSON API uses bearer tokens."""
        if request.method != "POST" or request.path.startswith("/api/"):
            return None
        sent, expected = request.form.get("csrf_token", ""), session.get("csrf_token", "")
        if not expected or not hmac.compare_digest(sent, expected):
            return render_template("error.html", title="This form has expired", code=400), 400
        return None
