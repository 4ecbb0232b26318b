"""Housing options of every route in one store; district officers keep their own register vacancies."""

from flask.views import MethodView

from housing.http.auth import EVERY_ROLE, OFFICERS, actor, exists, requires
from housing.http.blueprint import Blueprint
from housing.http.idempotency import idempotent
from housing.http.schemas.common import PageQuery, page_body, page_of
from housing.http.schemas.options import OptionPatchSchema, OptionSchema, OptionsQuery
from housing.http.store import db
from housing.models import Option
from housing.services import options
from housing.vocabulary import Role

blp = Blueprint("options", __name__, url_prefix="/api/v1/options", description="Housing options")

EDITORS = (*OFFICERS, Role.DISTRICT_OFFICER)


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

    @requires(*EDITORS)
    @blp.arguments(OptionSchema)
    @blp.response(201, OptionSchema)
    @idempotent(Option, lambda option_id: options.view(db(), actor(), option_id))
    def post(self, data: dict) -> Option:
        """Record an option; district officers record register vacancies in their own district."""
        return options.create(db(), actor(), data)


@blp.route("/<option_id>")
class OneOption(MethodView):
    @requires(*EVERY_ROLE)
    @blp.response(200, OptionSchema)
    def get(self, option_id: str) -> Option:
        """One option, if the role may see it (a Staying Put offer's view is audited)."""
        return options.view(db(), actor(), option_id)

    @requires(*EDITORS)
    @exists(Option, "option_id")
    @blp.arguments(OptionPatchSchema)
    @blp.response(200, OptionSchema)
    @blp.alt_response(409, response="CONFLICT")
    def patch(self, changes: dict, option_id: str) -> Option:
        """Change any fields but the route."""
        return options.update(db(), actor(), option_id, changes)
