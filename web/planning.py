"""Planning pages: where one more place would help (Sufficiency), and what a change of places would do.

For commissioners, officers and admins. The what-if form is checked by the API's own schema and
use case, so the page and the API cannot disagree; small counts are hidden for commissioners by
the same rule as the API (housing/disclosure.py).
"""

from typing import Any

from flask import Response, current_app, g, render_template, request
from marshmallow import ValidationError

from housing.clock import today
from housing.errors import Invalid
from housing.permissions import OFFICERS, PLANNERS
from housing.reads import fairness, option_choices, reference, sufficiency, what_if
from housing.reads.names import district_names
from housing.vocabulary import Role
from httpkit.store import db
from jsonapi.schemas.planning import WhatIfRequestSchema
from web import planning_words as words
from web.sessions import page, page_blueprint
from web.words import option_name

bp = page_blueprint("planning_pages", __name__)
CHANGE_ROWS = 3


@bp.get("/sufficiency")
@page(*PLANNERS)
def sufficiency_page() -> str:
    groups = sufficiency.groups(db(), g.actor, today(), current_app.config["REACH_KM"])
    districts = district_names(db())
    commissioner = g.actor.role is Role.COMMISSIONER
    return render_template(
        "sufficiency.html",
        grid=words.grid(groups, districts, commissioner),
        sentences=words.sentences(groups, districts, commissioner),
    )


@bp.route("/what-if", methods=["GET", "POST"])
@page(*PLANNERS)
def what_if_page() -> tuple[str, int]:
    """The scenario travels in the address (a GET form: nothing is saved), so it is kept on reload,
    in the browser's history and in a bookmark, and comes back filled in to be changed."""
    asked = request.method == "POST" or "see" in request.args
    form = (request.form if request.method == "POST" else request.args).to_dict() if asked else {}
    choices = _option_choices()
    districts = district_names(db())
    places = [p.name for p in reference.places(db()) if p.district]
    errors: dict[str, str] = {}
    answer = None
    if asked:
        body, errors = words.what_if_request(form, CHANGE_ROWS, today().isoformat())
        if not errors:
            try:
                loaded = WhatIfRequestSchema().load(body)
                found = what_if.what_if(
                    db(), g.actor, as_of=today(), changes=loaded["changes"], add=loaded["add"],
                    reach_km=current_app.config["REACH_KM"],
                )  # fmt: skip
                answer = what_if.presented(found, g.actor.role is Role.COMMISSIONER)
            except ValidationError as refused:
                errors = words.form_errors(refused.messages, CHANGE_ROWS)
            except Invalid as refused:
                errors = words.form_errors(refused.fields, CHANGE_ROWS)
    labels = {id_: label for listed in choices.values() for id_, label in listed}
    context: dict[str, Any] = {
        "form": form, "errors": errors, "answer": answer, "choices": choices, "districts": districts,
        "places": places, "rows": range(CHANGE_ROWS), "tried": words.scenario(form, labels, CHANGE_ROWS),
        "cost_words": words.cost_change(answer["weekly_cost"]) if answer else "",
    }  # fmt: skip
    return render_template("what_if.html", **context), 400 if errors else 200


def _option_choices() -> dict[str, list[tuple[str, str]]]:
    """The options a planner may change, by district, named as an officer would name them.

    The plain select groups them under their district; GOV.UK's accessible autocomplete shows no
    groups, so each label says its district too (and typing a district's name finds its options).
    """
    found = option_choices.changeable(db(), g.actor, today())
    names = district_names(db())
    out: dict[str, list[tuple[str, str]]] = {}
    for option in found:
        district = names.get(option.district or "")
        where = f"in {district} district" if district else "out of county"
        cost = (
            f", {words.pounds(option.weekly_cost)} a week a place" if option.weekly_cost is not None else ""
        )
        label = f"{option_name(option, names)}, {where} ({option.remaining} left{cost})"
        out.setdefault(district or "Out of county", []).append((option.id, label))
    return dict(sorted(out.items()))


@bp.get("/runs/<run_id>/fairness.csv")
@page(*OFFICERS)
def fairness_csv(run_id: str) -> Response:
    body = fairness.presented(fairness.of_run(db(), g.actor, run_id, with_list=True), commissioner=False)
    headers = {"Content-Disposition": f'attachment; filename="fairness-{run_id}.csv"'}
    return Response(fairness.as_csv(body), mimetype="text/csv", headers=headers)
