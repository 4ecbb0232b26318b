"""What councils promised, on the councils' own page and the managers' pages, and the council's form.

Offered to templates as a function (`council_commitments`), so each page shows it with one
include (`_commitments.html`) and its view need not change. A council's officer records its own
figure; the county reads every council's.
"""

from flask import Blueprint, Response, flash, g, redirect, render_template, request, url_for

from housing.clock import today
from housing.reads import commitments
from housing.services import councils
from housing.vocabulary import Role
from httpkit.store import db
from web.sessions import page, page_blueprint

bp = page_blueprint("commitment_pages", __name__)
figures = Blueprint("commitment_figures", __name__)
MOST = 10_000


@figures.app_context_processor
def council_commitments() -> dict:
    ending = commitments.year_ending(today())
    return {
        "council_commitments": lambda slug=None: commitments.for_year(db(), ending, slug),
        "commitment_year": ending,
    }


@bp.post("/district/commitment")
@page(Role.DISTRICT_OFFICER)
def set_commitment() -> Response | tuple[str, int]:
    typed = request.form.get("commitment", "").strip()
    limits = request.form.get("limits") == "yes"
    promised = int(typed) if typed.isdigit() and int(typed) <= MOST else None
    if typed and promised is None:
        return render_template(
            "district/commitment.html", typed=typed, limits=limits, slug=g.actor.district,
            error=f"Enter a whole number of homes from 0 to {MOST:,}, or leave it empty for none",
        ), 400  # fmt: skip
    changes = {"yearly_commitment": promised, "commitment_limits_matching": limits}
    councils.set_scheme(db(), g.actor, g.actor.district, changes)
    kept = " The matcher will keep to what is left of it." if limits and promised is not None else ""
    flash(f"Your yearly commitment is {'saved' if promised is not None else 'cleared'}.{kept}")
    return redirect(url_for("district_pages.district"))
