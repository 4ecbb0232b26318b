"""The notification centre for every role (the count in the header, the list, mark read, email or
not), and the admin's view of the queue: failed jobs with their reason, the emails sent, and each
council's response time."""

from flask import Flask, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.permissions import EVERY_ROLE
from housing.reads import failed_jobs, reference
from housing.reads import notifications as notification_reads
from housing.services import councils, notifications
from housing.vocabulary import Role
from httpkit.store import db
from web.sessions import page, page_blueprint

bp = page_blueprint("notification_pages", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)

    @app.context_processor
    def unread_count() -> dict[str, int]:
        actor = g.get("actor")
        return {"unread_notifications": notification_reads.unread(db(), actor.user_id) if actor else 0}


def _centre_template() -> str:
    """A young person reads their messages on their own pages, in their words (issue 32)."""
    return "own/messages.html" if g.actor.role is Role.YOUNG_PERSON else "notifications.html"


@bp.get("/notifications")
@page(*EVERY_ROLE)
def centre() -> str:
    items, total = notification_reads.mine(db(), g.actor.user_id, page=1, page_size=100)
    return render_template(_centre_template(), title="Notifications", items=items, total=total,
                           wants_email=notification_reads.wants_email(db(), g.actor.user_id),
                           done=request.args.get("done"), errors={})  # fmt: skip


@bp.post("/notifications/<notification_id>/read")
@page(*EVERY_ROLE)
def read(notification_id: str) -> Response:
    notifications.mark_read(db(), g.actor.user_id, notification_id)
    return redirect(url_for("notification_pages.centre", done="read"))


@bp.post("/notifications/email")
@page(*EVERY_ROLE)
def choose_email() -> Response | tuple[str, int]:
    choice = request.form.get("email")
    if choice not in ("yes", "no"):
        items, total = notification_reads.mine(db(), g.actor.user_id, page=1, page_size=100)
        errors = {"email": "Choose whether to get emails"}
        return render_template(
            _centre_template(),
            title="Notifications",
            items=items,
            total=total,
            wants_email=None,
            errors=errors,
        ), 400
    notifications.choose_email(db(), g.actor.user_id, wanted=choice == "yes")
    return redirect(url_for("notification_pages.centre", done="email"))


@bp.get("/jobs")
@page(Role.ADMIN)
def jobs() -> str:
    """What the background jobs could not do, and why, with the emails waiting or sent."""
    return render_template("jobs.html", title="Background jobs", failing=failed_jobs.failing(db()),
                           emails=notification_reads.outbox(db()))  # fmt: skip


@bp.get("/councils")
@page(Role.ADMIN)
def council_settings() -> tuple[str, int]:
    return _council_settings_page()


def _council_settings_page(
    errors: dict | None = None, typed: dict | None = None, status: int = 200
) -> tuple[str, int]:
    return render_template(
        "councils.html", title="Councils' response times", districts=reference.districts(db()),
        errors=errors or {}, typed=typed or {}, done=request.args.get("done"),
    ), status  # fmt: skip


@bp.post("/councils/<slug>")
@page(Role.ADMIN)
def set_response_time(slug: str) -> Response | tuple[str, int]:
    typed = request.form.get("days", "").strip()
    days = int(typed) if typed.isdigit() else None
    if typed and (days is None or not 1 <= days <= 365):
        message = "Enter a number of days from 1 to 365, or leave it empty for no time limit"
        return _council_settings_page({f"days-{slug}": message}, {slug: typed}, 400)
    district = councils.set_response_time(db(), g.actor, slug, days)
    return redirect(url_for("notification_pages.council_settings", done=district.name))
