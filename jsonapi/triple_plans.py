"""UASC triple planning (issue 31): three housing plans side by side while a claim is open."""

from flask.views import MethodView

from housing.models import YoungPerson
from housing.permissions import CASE_READERS, OFFICERS
from housing.reads import triple_plans as read
from housing.services import triple_plans
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.store import db
from jsonapi.schemas.triple_plans import TriplePlanningSchema, TriplePlansSchema

blp = Blueprint("triple_plans", __name__, url_prefix="/api/v1", description="UASC triple planning")


@blp.route("/young-people/<young_person_id>/triple-plan")
class TriplePlan(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, TriplePlanningSchema)
    def get(self, young_person_id: str) -> read.TriplePlanning:
        """The three plans (leave granted, refused, appeal rights exhausted), and which became the plan
        when a decision was recorded (audited)."""
        return read.of(db(), actor(), young_person_id)

    @requires(*OFFICERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(TriplePlansSchema)
    @blp.response(200, TriplePlanningSchema)
    def put(self, body: dict, young_person_id: str) -> read.TriplePlanning:
        """Record the three plans, one per outcome, each with its route; only while their immigration is
        not settled (422 otherwise). Recording leave to remain later makes the leave-granted plan the plan."""
        triple_plans.record(db(), actor(), young_person_id, body["plans"])
        return read.of(db(), actor(), young_person_id)
