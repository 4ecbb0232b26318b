"""The housing officer's home page: who needs me now. Moves that cannot wait, then overdue pathways, then
the next 90 days and later, each tier in its own band; those with nothing due apart.

It replaced the 17½ deadlines list at the same address, so bookmarks and the sign-in still land here.
"""

from itertools import groupby
from urllib.parse import urlencode

from flask import g, render_template, request

from housing.clock import today
from housing.due import DueKind
from housing.permissions import CASE_READERS
from housing.reads import moves as move_reads
from housing.reads import pathway_reviews, proposal_history, suitability
from housing.reads.caseload import who_is_due
from housing.reads.names import district_names
from housing.reads.young_people import Filters
from housing.services import moves
from housing.vocabulary import DueTier, PathwayStatus
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("deadlines", __name__)
PAGE_SIZE = 50
AGE_BANDS = {"16-17": (16, 17), "18": (18, 18), "19-21": (19, 21), "22-25": (22, 25)}
STALLED_SHOWN = 20
FILTERS = ("q", "home_district", "status", "age", "due", "due_tier")


def _chosen(name: str, allowed) -> str | None:
    """A filter's value if it is one the page offers; anything else is as if not chosen."""
    value = request.args.get(name) or None
    return value if value in allowed else None


@bp.get("/")
@page(*CASE_READERS)
def home() -> str:
    districts = district_names(db())
    chosen = {
        "q": (request.args.get("q") or "").strip()[:200] or None,
        "home_district": _chosen("home_district", districts),
        "status": _chosen("status", list(PathwayStatus)),
        "age": _chosen("age", AGE_BANDS),
        "due": _chosen("due", list(DueKind)),
        "due_tier": _chosen("due_tier", list(DueTier)),
    }
    ages = AGE_BANDS.get(chosen["age"], (None, None))
    filters = Filters(
        status=chosen["status"],
        home_district=chosen["home_district"],
        q=chosen["q"],
        age_min=ages[0],
        age_max=ages[1],
    )
    page_number, nothing_page = page_asked(), page_asked("nothing_page")
    found = who_is_due(
        db(),
        g.actor,
        today(),
        filters,
        shown=DueTier(chosen["due_tier"]) if chosen["due_tier"] else None,
        kind=DueKind(chosen["due"]) if chosen["due"] else None,
        page=page_number,
        nothing_page=nothing_page,
        page_size=PAGE_SIZE,
    )
    stalled, stalled_total = move_reads.stalled_shown(db(), g.actor, today(), STALLED_SHOWN)
    kept = {name: value for name, value in chosen.items() if value and name != "due_tier"}
    # A council's "no" (declined, or no answer in time) is flagged beside those it concerns.
    on_page = [row.person.id for row in found.due] + [person.id for person in found.nothing_due]
    answers = proposal_history.unhoused_answers(db(), on_page)
    return render_template(
        "deadlines.html",
        found=found,
        bands=[(tier, list(rows)) for tier, rows in groupby(found.due, key=lambda row: row.tier)],
        answers=answers,
        districts=districts,
        chosen=chosen,
        age_bands=AGE_BANDS,
        count_links={tier: "?" + urlencode({**kept, "due_tier": tier.value}) for tier in DueTier},
        filtered=any(chosen.values()),
        query_kept="&" + urlencode({k: v for k, v in chosen.items() if v}) if any(chosen.values()) else "",
        page=page_number,
        pages=page_count(found.due_total, PAGE_SIZE),
        nothing_page=nothing_page,
        nothing_pages=page_count(found.nothing_due_total, PAGE_SIZE),
        stalled=stalled,
        # Counts only, for the line on pathway reviews (no record is shown, so nothing to audit).
        review_counts=pathway_reviews.due_reviews(db(), g.actor, today(), (), page=1, page_size=1)[2],
        suitability_bands=suitability.by_age_band(db(), today()),
        stalled_total=stalled_total,
        stalled_days=moves.STALLED_AFTER_DAYS,
    )
