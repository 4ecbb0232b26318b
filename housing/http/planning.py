"""Planning places: sufficiency by district and route, and what-if (officers, admins, commissioners)."""

import csv
import io
from dataclasses import asdict
from datetime import date

from flask import Response, current_app
from flask.views import MethodView

from housing import disclosure
from housing.clock import today
from housing.http.auth import OFFICERS, actor, requires
from housing.http.blueprint import Blueprint
from housing.http.schemas.planning import (
    AsOfQuery,
    FairnessSchema,
    SufficiencySchema,
    WhatIfRequestSchema,
    WhatIfSchema,
)
from housing.http.store import db
from housing.services import fairness, sufficiency, what_if
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


@blp.route("/matching/runs/<run_id>/fairness")
class Fairness(MethodView):
    @requires(*PLANNERS)
    @blp.response(200, FairnessSchema)
    def get(self, run_id: str) -> dict:
        """Ranks, justified envy (officers: the pairs) and distance to links by group, beside the county."""
        return fairness_body(fairness.of_run(db(), actor(), run_id, with_list=not for_commissioner()))


@blp.route("/matching/runs/<run_id>/fairness.csv")
class FairnessCsv(MethodView):
    @requires(*PLANNERS)
    @blp.response(200, {"type": "string"}, content_type="text/csv")
    def get(self, run_id: str) -> Response:
        """The same figures as CSV, one row each, for a spreadsheet."""
        body = fairness_body(fairness.of_run(db(), actor(), run_id, with_list=not for_commissioner()))
        return Response(
            fairness_csv(body),
            mimetype="text/csv",
            headers={"Content-Disposition": f'attachment; filename="fairness-{run_id}.csv"'},
        )


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


def fairness_body(found: fairness.Fairness) -> dict:
    body = asdict(found)
    if not for_commissioner():
        return body
    ranks = list(found.ranks)
    cells, _ = disclosure.column([found.ranks[name] for name in ranks], sum(found.ranks.values()))
    body["ranks"] = dict(zip(ranks, cells, strict=True))
    body["envy_count"] = disclosure.count(found.envy_count)
    shown = []
    for by in dict.fromkeys(row["by"] for row in found.distances):
        rows = [row for row in found.distances if row["by"] == by]
        cells, _ = disclosure.column([row["placed"] for row in rows], found.county["placed"])
        shown += [
            row
            | {
                "placed": cell,
                "mean_link_km": row["mean_link_km"] if isinstance(cell, int) else disclosure.WITHHELD,
            }
            for row, cell in zip(rows, cells, strict=True)
        ]
    body["distances"] = shown
    body["county"] = found.county | {"placed": disclosure.count(found.county["placed"])}
    return body


def fairness_csv(body: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "by", "group", "young_people", "mean_link_km"])
    for name, value in body["ranks"].items():
        writer.writerow(["preference", "", name, value, ""])
    writer.writerow(["justified_envy", "", "pairs", body["envy_count"], ""])
    writer.writerow(
        ["distance_to_links", "county", "", body["county"]["placed"], body["county"]["mean_link_km"]]
    )
    for row in body["distances"]:
        writer.writerow(["distance_to_links", row["by"], row["group"], row["placed"], row["mean_link_km"]])
    for pair in body["envy"]:
        writer.writerow(
            ["envy_pair", pair["young_person"], pair["option"], pair["holder"] or "empty place", ""]
        )
    return out.getvalue()
