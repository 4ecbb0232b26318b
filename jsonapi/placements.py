"""Placements end (api-contract v1.1, *Placements and their end*), and Staying Put carers withdraw."""

from flask.views import MethodView

from housing.clock import today
from housing.models import Option, Placement
from housing.permissions import OFFICERS
from housing.services import placement_ends
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.store import db
from jsonapi.schemas.options import OptionSchema
from jsonapi.schemas.placements import CarerWithdrawalSchema, PlacementEndSchema, PlacementSchema

blp = Blueprint("placements", __name__, url_prefix="/api/v1", description="Placements and their end")


@blp.route("/placements/<placement_id>/end")
class EndPlacement(MethodView):
    @requires(*OFFICERS)
    @exists(Placement, "placement_id")
    @blp.arguments(PlacementEndSchema)
    @blp.response(200, PlacementSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, placement_id: str) -> Placement:
        """End a placement: the pathway returns to in progress, due on the end date; a supported place
        is free again from then; a breakdown, a carer's withdrawal or a notice to leave excludes the pair."""
        return placement_ends.end(db(), actor(), placement_id, body, today())


@blp.route("/options/<option_id>/carer-withdrawal")
class CarerWithdrawal(MethodView):
    @requires(*OFFICERS)
    @exists(Option, "option_id")
    @blp.arguments(CarerWithdrawalSchema)
    @blp.response(200, OptionSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, option_id: str) -> Option:
        """A Staying Put carer is no longer willing: the offer closes and its placement ends on `ends_on`."""
        return placement_ends.withdraw_carer(db(), actor(), option_id, body, today())
