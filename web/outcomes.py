"""The Outcomes page: what the simulated year says about each policy, as charts and as tables.

It reads what `make outcomes` last wrote (figures about groups of young people, never a record),
so it is quick to show and needs no solver; with no simulation yet, it says how to run one.
"""

import json
from pathlib import Path

from flask import abort, current_app, g, render_template, send_from_directory
from werkzeug.wrappers import Response

from housing import disclosure
from housing.permissions import OUTCOME_READERS
from housing.reads import reference
from housing.vocabulary import Role
from httpkit.store import db
from web.sessions import page, page_blueprint

bp = page_blueprint("outcomes", __name__)
CHARTS = ("headline", "distances", "by-month")
GROUPS = {
    "uasc": "Unaccompanied asylum-seeking young people",
    "parents": "Young parents",
    "disabled": "Disabled young people (wheelchair or step-free)",
    "due:soon": "Turning 17½ within 90 days of the first day",
    "due:later": "Turning 17½ later in the year",
}


def results_path() -> Path:
    return Path(current_app.config["OUTCOMES_RESULTS"])


@bp.get("/outcomes")
@page(*OUTCOME_READERS)
def outcomes() -> str:
    path = results_path()
    document = json.loads(path.read_text()) if path.exists() else None
    districts = {f"district:{d.slug}": f"Home district: {d.name}" for d in reference.districts(db())}
    # A commissioner sees counts of young people from 1 to 4 as "<5", as on the planning pages.
    shown = disclosure.count if g.actor.role is Role.COMMISSIONER else int
    return render_template("outcomes.html", document=document, group_names=GROUPS | districts, n=shown)


@bp.get("/outcomes/charts/<name>.svg")
@page(*OUTCOME_READERS)
def chart(name: str) -> Response:
    if name not in CHARTS:
        abort(404)
    return send_from_directory(
        Path(current_app.config["OUTCOMES_CHARTS"]).resolve(), f"{name}.svg", max_age=300
    )
