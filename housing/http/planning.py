"""Planning places: sufficiency by district and route, and what-if (officers, admins, commissioners)."""

from dataclasses import asdict
from datetime import date

from flask import current_app
from flask.views import MethodView

from housing import disclosure
from housing.clock import today
from housing.http.auth import OFFICERS, actor, requires
from housing.http.blueprint import Blueprint
from housing.http.schemas.planning import AsOfQuery, SufficiencySchema, WhatIfRequestSchema, WhatIfSchema
from housing.http.store import db
from housing.services import sufficiency, what_if
from housing.vocabulary import Role

blp = Blueprint("planning", __name__, url_prefix="/api/v1", description="Sufficiency and what-if")

PLANNERS = (*OFFICERS, Role.COMMISSIONER)


def for_commissioner() -> bool:
    return actor().role is Role.COMMISSIONER


@blp.route("/sufficiency")
class Sufficiency(MethodView):
    @requires(*PLANNERS)
    @blp.arguments(AsOfQuery, location="query")
    @blp.response(200, SufficiencySchema)
    def get(self, query: dict) -> dict:
        """Per district and route: places, remaining, demand in reach, and what one more place is worth."""
        as_of = query.get("as_of") or today()
        return {"as_of": as_of, "items": [group_body(g) for g in sufficiency.groups(db(), as_of, reach_km())]}


@blp.route("/what-if")
class WhatIf(MethodView):
    @requires(*PLANNERS)
    @blp.arguments(WhatIfRequestSchema)
    @blp.response(200, WhatIfSchema)
    def post(self, body: dict) -> dict:
        """Change places or add hypothetical options; both sides solved afresh; nothing stored."""
        as_of: date = body.get("as_of") or today()
        answer = what_if.what_if(
            db(), actor(), as_of=as_of, changes=body["changes"], add=body["add"], reach_km=reach_km()
        )
        return what_if_body(answer, for_commissioner())


def reach_km() -> float:
    return current_app.config["REACH_KM"]


def group_body(group: sufficiency.Group) -> dict:
    shown = disclosure.count if for_commissioner() else int
    body = asdict(group) | {"demand_in_reach": shown(group.demand_in_reach), "gain": None}
    if group.gain is not None:
        gain = group.gain
        body["gain"] = {
            "houses": gain.housed is not None,
            "urgent": gain.urgent,
            "moves": shown(gain.moves),
            "nearer_km": round(gain.nearer_km, 1),
        }
    return body


def what_if_body(answer: what_if.WhatIf, commissioner: bool) -> dict:
    def summary(side: what_if.Side) -> dict:
        counts = ("in_scope", "matched", "urgent", "urgent_matched")
        if not commissioner:
            return side.summary
        return side.summary | {name: disclosure.count(side.summary[name]) for name in counts}

    def table(attribute: str) -> list[dict]:
        rows, total = what_if.rows(
            getattr(answer.before, attribute), getattr(answer.after, attribute), commissioner
        )
        return [asdict(row) for row in [*rows, total]]

    return {
        "as_of": answer.as_of,
        "before": summary(answer.before),
        "after": summary(answer.after),
        "by_home_district": table("by_home_district"),
        "by_route": table("by_route"),
    }
