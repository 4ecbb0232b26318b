"""The housing officer's home page: every pathway not yet agreed, soonest 17½ deadline first."""

from flask import g, render_template, request

from housing.clock import today
from housing.permissions import OFFICERS
from housing.services import reference
from housing.services.deadlines import deadlines as find_deadlines
from housing.services.deadlines import urgency
from housing.vocabulary import PathwayStatus
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("deadlines", __name__)
PAGE_SIZE = 50


@bp.get("/")
@page(*OFFICERS)
def deadlines() -> str:
    districts = {d.slug: d.name for d in reference.districts(db())}
    home_district = request.args.get("home_district") or None
    status = request.args.get("status") or None
    if home_district not in (None, *districts):
        home_district = None
    if status not in (None, PathwayStatus.NOT_STARTED, PathwayStatus.IN_PROGRESS):
        status = None
    page_number = page_asked()
    day = today()
    found = find_deadlines(
        db(), g.actor, day, home_district=home_district, status=status, page=page_number, page_size=PAGE_SIZE
    )
    rows = [
        {"person": p, "urgency": urgency(p.pathway_deadline, day), "days": (p.pathway_deadline - day).days}
        for p in found.people
    ]
    return render_template(
        "deadlines.html",
        rows=rows,
        counts=found.counts,
        total=found.total,
        districts=districts,
        home_district=home_district,
        status=status,
        page=page_number,
        pages=page_count(found.total, PAGE_SIZE),
    )
