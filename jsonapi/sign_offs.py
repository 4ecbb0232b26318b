"""A team manager signs off housing decisions, or sends them back with a reason (issue 31)."""

from flask.views import MethodView

from housing.models import SignOff
from housing.permissions import CASE_READERS, MANAGERS
from housing.reads import sign_offs as read
from housing.services import sign_offs
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import page_body, page_of
from httpkit.store import db
from jsonapi.schemas.sign_offs import SignOffDecisionSchema, SignOffQuery, SignOffRoutesSchema, SignOffSchema

blp = Blueprint("sign_offs", __name__, url_prefix="/api/v1", description="Sign-off of housing decisions")


@blp.route("/sign-offs")
class SignOffs(MethodView):
    @requires(*CASE_READERS)
    @blp.arguments(SignOffQuery, location="query")
    @blp.response(200, page_of(SignOffSchema))
    def get(self, query: dict) -> dict:
        """Decisions awaiting sign-off (oldest first), signed off or sent back; each shown is audited."""
        found, total = read.listed(
            db(), actor(), statuses=(query["status"],) if "status" in query else (),
            young_person_id=query.get("young_person"), page=query["page"], page_size=query["page_size"],
        )  # fmt: skip
        return page_body(found, total, query)


@blp.route("/sign-offs/<sign_off_id>")
class OneSignOff(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, SignOffSchema)
    def get(self, sign_off_id: str) -> read.SignOffView:
        return read.one(db(), actor(), sign_off_id)


@blp.route("/sign-offs/<sign_off_id>/decision")
class Decision(MethodView):
    @requires(*MANAGERS)
    @exists(SignOff, "sign_off_id")
    @blp.arguments(SignOffDecisionSchema)
    @blp.response(200, SignOffSchema)
    def post(self, body: dict, sign_off_id: str) -> read.SignOffView:
        """Sign off (a register vacancy's nomination then goes to the council) or send back with a
        reason (the accept is taken back, the proposal open again). Not by whoever agreed it (409)."""
        if body["decision"] == "signed_off":
            sign_offs.sign_off(db(), actor(), sign_off_id)
        else:
            sign_offs.send_back(db(), actor(), sign_off_id, body["reason"].strip())
        return read.one(db(), actor(), sign_off_id)


@blp.route("/sign-off/routes")
class Routes(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, SignOffRoutesSchema)
    def get(self) -> dict:
        """The routes whose decisions await a team manager's sign-off (none by default)."""
        return {"routes": sorted(read.routes_on(db()))}

    @requires(*MANAGERS)
    @blp.arguments(SignOffRoutesSchema)
    @blp.response(200, SignOffRoutesSchema)
    def put(self, body: dict) -> dict:
        """Switch sign-off on for exactly these routes (House Project is decided through its cohort: 422)."""
        return {"routes": sorted(sign_offs.switch(db(), actor(), body["routes"]))}
