"""Reference data for any signed-in role: the seven districts and the places of placements."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask.views import MethodView
from flask_smorest import abort

from housing.models import District
from housing.permissions import EVERY_ROLE
from housing.reads import reference
from housing.reads.names import district_names
from housing.services import councils
from housing.vocabulary import Role
from httpkit.auth import actor, requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import PageQuery, page_body, page_of, window
from httpkit.store import db
from jsonapi.schemas.reference import DistrictSchema, DistrictSchemeSchema, PlaceSchema

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


def own_council(view: Callable[..., Any]) -> Callable[..., Any]:
    """A district officer sets their own council's scheme only: 403 before the body is read (422)."""

    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if actor().role is Role.DISTRICT_OFFICER and actor().district != kwargs["slug"]:
            abort(403, message="district officers set their own council's scheme only")
        if kwargs["slug"] not in district_names(db()):  # 404 before the body is read (422)
            abort(404, message=f"no district {kwargs['slug']!r}")
        return view(*args, **kwargs)

    return guarded


@blp.route("/districts/<slug>/scheme")
class DistrictScheme(MethodView):
    @requires(Role.DISTRICT_OFFICER, Role.ADMIN)
    @own_council
    @blp.arguments(DistrictSchemeSchema)
    @blp.response(200, DistrictSchema)
    def patch(self, body: dict, slug: str) -> District:
        """A council's own bedroom standard, and whether it lets larger homes: what the BEDROOMS rule reads
        before a register vacancy is proposed. A district officer sets their own council's only (403)."""
        return councils.set_scheme(db(), actor(), slug, body)


@blp.route("/places")
class Places(MethodView):
    @requires(*EVERY_ROLE)
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(PlaceSchema))
    def get(self, query: dict) -> dict:
        """Towns of West Sussex, and the out-of-county places used for placements."""
        found = reference.places(db())
        return page_body(window(found, query), len(found), query)
