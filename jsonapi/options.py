"""Housing options of every route in one store; district officers keep their own register vacancies."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import jsonify, request
from flask.views import MethodView
from werkzeug.wrappers import Response

from housing.models import Option
from housing.permissions import OPTION_EDITORS, STAFF
from housing.reads import options as option_reads
from housing.services import options
from housing.vocabulary import Role
from httpkit.auth import actor, requires
from httpkit.blueprint import Blueprint
from httpkit.idempotency import idempotent
from httpkit.schemas import PageQuery, page_body, page_of
from httpkit.store import db
from jsonapi.schemas.options import OptionPatchSchema, OptionSchema, OptionsQuery, PlanningOptionSchema

blp = Blueprint("options", __name__, url_prefix="/api/v1/options", description="Housing options")

View = TypeVar("View", bound=Callable[..., Any])


class OptionsListQuery(PageQuery, OptionsQuery):
    pass


def answered_as(officers: type, commissioners: type) -> dict:
    """The document's 200 for a read a commissioner gets minimised (api-contract, *Sufficiency and
    what-if*): either schema, since `make fuzz` checks every role's answers against it. anyOf, not
    oneOf: an empty page fits both."""
    either = {"anyOf": [officers, commissioners], "description": "a commissioner gets the second"}
    return {"responses": {200: {"content": {"application/json": {"schema": either}}}}}


def recorded_where_allowed(view: View) -> View:
    """A district officer's create outside their register is 403 before the body is validated: the
    route and place are read from the body as sent (a body that is no JSON object is left to the parser)."""

    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            sent = request.get_json(silent=True)
        except RecursionError:  # nested too deep: the parser answers 400
            sent = None
        if isinstance(sent, dict):
            options.check_may_record(db(), actor(), sent.get("route"), sent.get("place"))
        return view(*args, **kwargs)

    return guarded  # type: ignore[return-value]


def changed_where_allowed(view: View) -> View:
    """404 for an unknown option, then 403 for one the role may not change, before the changes are read."""

    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        options.check_may_change(db(), actor(), kwargs["option_id"])
        return view(*args, **kwargs)

    return guarded  # type: ignore[return-value]


@blp.route("")
class Options(MethodView):
    @requires(*STAFF)
    @blp.arguments(OptionsListQuery, location="query")
    @blp.response(200, page_of(OptionSchema))
    @blp.doc(**answered_as(page_of(OptionSchema), page_of(PlanningOptionSchema)))
    def get(self, query: dict) -> dict | Response:
        """List the options the role may see (filters: route, district, place); commissioners: minimised."""
        found, total = option_reads.search(db(), actor(), **query)
        if actor().role is Role.COMMISSIONER:
            return jsonify(page_body(PlanningOptionSchema(many=True).dump(found), total, query))
        return page_body(found, total, query)

    @requires(*OPTION_EDITORS)
    @recorded_where_allowed
    @blp.arguments(OptionSchema)
    @blp.response(201, OptionSchema)
    @idempotent(Option, lambda option_id: option_reads.view(db(), actor(), option_id))
    def post(self, data: dict) -> Option:
        """Record an option; district officers record register vacancies in their own district."""
        return options.create(db(), actor(), data)


@blp.route("/<option_id>")
class OneOption(MethodView):
    @requires(*STAFF)
    @blp.response(200, OptionSchema)
    @blp.doc(**answered_as(OptionSchema, PlanningOptionSchema))
    def get(self, option_id: str) -> Option | Response:
        """One option, if the role may see it (minimised for commissioners; a Staying Put offer's view
        is audited)."""
        option = option_reads.view(db(), actor(), option_id)
        if actor().role is Role.COMMISSIONER:
            return jsonify(PlanningOptionSchema().dump(option))
        return option

    @requires(*OPTION_EDITORS)
    @changed_where_allowed
    @blp.arguments(OptionPatchSchema)
    @blp.response(200, OptionSchema)
    @blp.alt_response(409, response="CONFLICT")
    def patch(self, changes: dict, option_id: str) -> Option:
        """Change any fields but the route."""
        return options.update(db(), actor(), option_id, changes)
