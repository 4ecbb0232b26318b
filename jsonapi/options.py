"""Housing options of every route in one store; district officers keep their own register vacancies."""

from flask.views import MethodView

from housing.models import Option
from housing.permissions import EVERY_ROLE, OPTION_EDITORS
from housing.services import options
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.idempotency import idempotent
from httpkit.schemas import PageQuery, page_body, page_of
from httpkit.store import db
from jsonapi.schemas.options import OptionPatchSchema, OptionSchema, OptionsQuery

blp = Blueprint("options", __name__, url_prefix="/api/v1/options", description="Housing options")


class OptionsListQuery(PageQuery, OptionsQuery):
    pass


@blp.route("")
class Options(MethodView):
    @requires(*EVERY_ROLE)
    @blp.arguments(OptionsListQuery, location="query")
    @blp.response(200, page_of(OptionSchema))
    def get(self, query: dict) -> dict:
        """List the options the role may see (filters: route, district, place)."""
        found, total = options.search(db(), actor(), **query)
        return page_body(found, total, query)

    @requires(*OPTION_EDITORS)
    @blp.arguments(OptionSchema)
    @blp.response(201, OptionSchema)
    @idempotent(Option, lambda option_id: options.get(db(), actor(), option_id))
    def post(self, data: dict) -> Option:
        """Record an option; district officers record register vacancies in their own district."""
        return options.create(db(), actor(), data)


@blp.route("/<option_id>")
class OneOption(MethodView):
    @requires(*EVERY_ROLE)
    @blp.response(200, OptionSchema)
    def get(self, option_id: str) -> Option:
        """One option, if the role may see it."""
        return options.get(db(), actor(), option_id)

    @requires(*OPTION_EDITORS)
    @exists(Option, "option_id")
    @blp.arguments(OptionPatchSchema)
    @blp.response(200, OptionSchema)
    @blp.alt_response(409, response="CONFLICT")
    def patch(self, changes: dict, option_id: str) -> Option:
        """Change any fields but the route."""
        return options.update(db(), actor(), option_id, changes)
