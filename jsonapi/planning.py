"""Planning places: sufficiency by district and route, and what-if (officers, admins, commissioners)."""

from dataclasses import asdict
from datetime import date

from flask import Response, current_app
from flask.views import MethodView

from housing import disclosure
from housing.clock import today
from housing.permissions import PLANNERS
from housing.reads import fairness, sufficiency, what_if
from housing.vocabulary import Role
from httpkit.auth import actor, requires
from httpkit.blueprint import Blueprint
from httpkit.store import db
from jsonapi.schemas.planning import (
    AsOfQuery,
    FairnessSchema,
    SufficiencySchema,
    WhatIfRequestSchema,
    WhatIfSchema,
)

blp = Blueprint("planning", __name__, url_prefix="/api/v1", description="Sufficiency and what-if")


def for_commissioner() -> bool:
    return actor().role is Role.COMMISSIONER


@blp.route("/sufficiency")
class Sufficiency(MethodView):
    @requires(*PLANNERS)
    @blp.arguments(AsOfQuery, location="query")
    @blp.response(200, SufficiencySchema)
    def get(self, query: dict) -> dict:
        """Per district and route: places, remaining, demand in reach, and what one more place is worth."""
        as_of = sufficiency.as_of_for(actor(), query.get("as_of") or today())
        groups = sufficiency.groups(db(), actor(), as_of, reach_km())
        filled = sufficiency.filled_shown(groups, for_commissioner())
        return {"as_of": as_of, "items": [group_body(g, f) for g, f in zip(groups, filled, strict=True)]}


@blp.route("/what-if")
class WhatIf(MethodView):
    @requires(*PLANNERS)
    @blp.arguments(WhatIfRequestSchema)
    @blp.response(200, WhatIfSchema)
    def post(self, body: dict) -> dict:
        """Change places or add hypothetical options; both sides solved afresh; nothing stored."""
        as_of: date = sufficiency.as_of_for(actor(), body.get("as_of") or today())
        answer = what_if.what_if(
            db(), actor(), as_of=as_of, changes=body["changes"], add=body["add"], reach_km=reach_km()
        )
        return what_if.presented(answer, for_commissioner())


@blp.route("/matching/runs/<run_id>/fairness")
class Fairness(MethodView):
    @requires(*PLANNERS)
    @blp.response(200, FairnessSchema)
    def get(self, run_id: str) -> dict:
        """Ranks, pass-overs (officers: the pairs, with why each was kept) and distance to links by group."""
        return fairness.presented(
            fairness.of_run(db(), actor(), run_id, with_list=not for_commissioner()), for_commissioner()
        )


@blp.route("/matching/runs/<run_id>/fairness.csv")
class FairnessCsv(MethodView):
    @requires(*PLANNERS)
    @blp.response(200, {"type": "string"}, content_type="text/csv")
    def get(self, run_id: str) -> Response:
        """The same figures as CSV, one row each, for a spreadsheet."""
        found = fairness.of_run(db(), actor(), run_id, with_list=not for_commissioner())
        body = fairness.presented(found, for_commissioner())
        return Response(
            fairness.as_csv(body),
            mimetype="text/csv",
            headers={"Content-Disposition": f'attachment; filename="fairness-{run_id}.csv"'},
        )


def reach_km() -> float:
    return current_app.config["REACH_KM"]


def group_body(group: sufficiency.Group, filled: int | str) -> dict:
    shown = disclosure.rounded if for_commissioner() else int
    body = asdict(group) | {
        "demand_in_reach": shown(group.demand_in_reach), "filled": filled, "gain": None,
    }  # fmt: skip
    if group.gain is not None:
        gain = group.gain
        body["gain"] = {
            "houses": gain.housed is not None,
            "urgent": gain.urgent,
            "moves": shown(gain.moves),
            "nearer_km": round(gain.nearer_km, 1),
        }
    return body
