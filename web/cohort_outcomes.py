"""A cohort's outcomes as the county reports them: a table, and a small chart drawn on the server."""

from flask import render_template

from housing.permissions import COHORT_READERS
from housing.reads import cohort_board, cohorts
from httpkit.store import db
from web.sessions import page, page_blueprint

bp = page_blueprint("cohort_outcomes", __name__)
BARS = (("enrolled", "Enrolled"), ("active", "Still in the programme"), ("in_own_home", "In their own home"),
        ("graduated", "Graduated"), ("withdrawn", "Withdrawn"))  # fmt: skip


@bp.get("/cohorts/<cohort_id>/outcomes")
@page(*COHORT_READERS)
def outcomes(cohort_id: str) -> tuple[str, int]:
    cohort = cohorts.get(db(), cohort_id)
    figures = cohort_board.outcomes(cohort)
    widest = max(figures["enrolled"], 1)
    bars = [(label, figures[key], figures[key] / widest) for key, label in BARS]
    return render_template("cohort_outcomes.html", cohort=cohort, figures=figures, bars=bars), 200
