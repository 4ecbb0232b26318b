"""A young person's proposals over time, each user's notifications, and councils' response times."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask.views import MethodView
from flask_smorest import abort

from housing.models import District, Notification, YoungPerson
from housing.permissions import EVERY_ROLE, OFFICERS
from housing.reads import notifications as notification_reads
from housing.reads import proposal_history, reference
from housing.services import councils, notifications
from housing.vocabulary import Role
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import PageQuery, page_body, page_of
from httpkit.store import db
from jsonapi.schemas.kept_current import (
    CouncilSettingsSchema,
    NotificationSchema,
    ProposalHistoryQuery,
    ProposalHistorySchema,
    ReadSchema,
)


def own_council(view: Callable[..., Any]) -> Callable[..., Any]:
    """A district officer reads their own council's settings only: 403 before 404, 422 or anything."""

    @wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if actor().role is Role.DISTRICT_OFFICER and actor().district != kwargs["slug"]:
            abort(403, message="district officers see their own district only")
        return view(*args, **kwargs)

    return checked


blp = Blueprint("kept_current", __name__, url_prefix="/api/v1", description="Proposals kept current")


@blp.route("/young-people/<young_person_id>/proposals")
class ProposalsOfOne(MethodView):
    @requires(*OFFICERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(ProposalHistoryQuery, location="query")
    @blp.response(200, page_of(ProposalHistorySchema))
    def get(self, query: dict, young_person_id: str) -> dict:
        """The young person's proposals from every run, newest first; `status` filters by the status
        as read now (a proposal a later run replaced reads `superseded`)."""
        items, total = proposal_history.of(
            db(),
            actor(),
            young_person_id,
            query.get("status"),
            page=query["page"],
            page_size=query["page_size"],
        )
        return page_body(items, total, query)


@blp.route("/notifications")
class Notifications(MethodView):
    @requires(*EVERY_ROLE)
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(NotificationSchema))
    def get(self, query: dict) -> dict:
        """Your own notifications, newest first."""
        items, total = notification_reads.mine(
            db(), actor().user_id, page=query["page"], page_size=query["page_size"]
        )
        return page_body(items, total, query)


@blp.route("/notifications/<notification_id>/read")
class ReadOne(MethodView):
    @requires(*EVERY_ROLE)
    @blp.arguments(ReadSchema, required=False)
    @blp.response(200, NotificationSchema)
    def post(self, _body: dict, notification_id: str) -> Notification:
        """Mark one of your notifications read (another user's is a 404, as if it did not exist)."""
        return notifications.mark_read(db(), actor().user_id, notification_id)


@blp.route("/districts/<slug>/settings")
class CouncilSettings(MethodView):
    @requires(*OFFICERS, Role.DISTRICT_OFFICER)
    @own_council
    @exists(District, "slug")
    @blp.response(200, CouncilSettingsSchema)
    def get(self, slug: str) -> District:
        """The council's response time to a nomination (the county sets it; the council reads its own)."""
        return reference.district(db(), slug)

    @requires(Role.ADMIN)
    @exists(District, "slug")
    @blp.arguments(CouncilSettingsSchema)
    @blp.response(200, CouncilSettingsSchema)
    def put(self, body: dict, slug: str) -> District:
        """Set the days a council has to answer a nomination (null: none). Halfway through, its
        officers are reminded; when it has passed, the nomination lapses and the place is freed."""
        return councils.set_response_time(db(), actor(), slug, body["nomination_response_days"])
