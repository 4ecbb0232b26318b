"""Housing options of every route in one store; district officers keep their own register vacancies."""

from flask import jsonify
from flask.views import MethodView
from werkzeug.wrappers import Response

from housing.http.auth import EVERY_ROLE, OFFICERS, actor, exists, requires
from housing.http.blueprint import Blueprint
from housing.http.idempotency import idempotent
from housing.http.schemas.common import PageQuery, page_body, page_of
from housing.http.schemas.options import OptionPatchSchema, OptionSchema, OptionsQuery, PlanningOptionSchema
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
    def get(self, query: dict) -> dict | Response:
        """List the options the role may see (filters: route, district, place); commissioners: minimised."""
        found, total = options.search(db(), actor(), **query)
        if actor().role is Role.COMMISSIONER:
            return jsonify(page_body(PlanningOptionSchema(many=True).dump(found), total, query))
        return page_body(found, total, query)

    @requires(*EDITORS)
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
    def get(self, option_id: str) -> Option | Response:
        """One option, if the role may see it (minimised for commissioners)."""
        option = options.get(db(), actor(), option_id)
        if actor().role is Role.COMMISSIONER:
            return jsonify(PlanningOptionSchema().dump(option))
        return option

    @requires(*EDITORS)
    @exists(Option, "option_id")
    @blp.arguments(OptionPatchSchema)
    @blp.response(200, OptionSchema)
    @blp.alt_response(409, response="CONFLICT")
    def patch(self, changes: dict, option_id: str) -> Option:
        """Change any fields but the route."""
        return options.update(db(), actor(), option_id, changes)
