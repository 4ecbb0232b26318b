"""Reference data for any signed-in role: the seven districts and the places of placements."""

from flask.views import MethodView

from housing.permissions import EVERY_ROLE
from housing.services import reference
from httpkit.auth import requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import PageQuery, page_body, page_of, window
from httpkit.store import db
from jsonapi.schemas.reference import DistrictSchema, PlaceSchema

blp = Blueprint("reference", __name__, url_prefix="/api/v1", description="Districts and places")


@blp.route("/districts")
class Districts(MethodView):
    @requires(*EVERY_ROLE)
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(DistrictSchema))
    def get(self, query: dict) -> dict:
        """The seven district and borough councils of West Sussex, with their band schemes."""
        found = reference.districts(db())
        return page_body(window(found, query), len(found), query)


@blp.route("/places")
class Places(MethodView):
    @requires(*EVERY_ROLE)
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(PlaceSchema))
    def get(self, query: dict) -> dict:
        """Towns of West Sussex, and the out-of-county places used for placements."""
        found = reference.places(db())
        return page_body(window(found, query), len(found), query)
