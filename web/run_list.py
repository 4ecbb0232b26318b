"""The runs an officer can find: newest first, who ran each, what it found; and the form to run one."""

from flask import g, render_template
from werkzeug.wrappers import Response

from housing.permissions import OFFICERS
from housing.reads import run_causes, run_listing
from housing.reads.names import district_names
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("run_list", __name__)
PAGE_SIZE = 25


@bp.get("/runs")
@page(*OFFICERS)
def runs() -> tuple[str, int] | Response:
    return runs_page()


def runs_page(errors: dict[str, str] | None = None, status: int = 200) -> tuple[str, int]:
    """The list of runs, with the run form (re-shown with its errors when a run could not start)."""
    number = page_asked()
    items, total = run_listing.newest(db(), page=number, page_size=PAGE_SIZE)
    districts = district_names(db())
    causes = run_causes.of_runs(db(), g.actor, items)
    return render_template(
        "runs.html",
        runs=items,
        total=total,
        page=number,
        pages=page_count(total, PAGE_SIZE),
        districts=districts,
        causes=causes,
        errors=errors or {},
        me=g.actor.email,
    ), status
