"""The district officer's nominations: cards to decide from, and the decided ones with their reasons."""

from flask import flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.clock import today
from housing.errors import Conflict
from housing.reads import nomination_cards
from housing.services import nominations
from housing.vocabulary import NominationStatus, Role
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("district_pages", __name__)
PAGE_SIZE = 20
DECIDED = {status.value: status for status in nomination_cards.DECIDED}


@bp.get("/district")
@page(Role.DISTRICT_OFFICER)
def district() -> tuple[str, int]:
    return _district_page()


def _district_page(errors: dict[str, str] | None = None, status: int = 200) -> tuple[str, int]:
    """The council's home: every nomination waiting for its decision, oldest first."""
    number = page_asked()
    cards, total = nomination_cards.cards(
        db(), g.actor, g.actor.district, today=today(), page=number, page_size=PAGE_SIZE
    )
    return render_template(
        "district/nominations.html",
        slug=g.actor.district,
        cards=cards,
        total=total,
        page=number,
        pages=page_count(total, PAGE_SIZE),
        errors=errors or {},
    ), status


@bp.post("/nominations/<nomination_id>/decide")
@page(Role.DISTRICT_OFFICER)
def decide(nomination_id: str) -> Response | tuple[str, int]:
    # Another council's nomination is refused before the form is read (403 before 400 and 409);
    # web/errors.py shows the 404 or 403 page.
    nominations.decidable(db(), g.actor, nomination_id)
    decision, reason = request.form.get("decision", ""), request.form.get("reason", "").strip() or None
    if decision not in DECIDED:
        return _district_page({f"nomination-{nomination_id}": "Choose accept or decline"}, 400)
    if decision == NominationStatus.DECLINED and not reason:
        return _district_page({f"reason-{nomination_id}": "Enter why the nomination is declined"}, 400)
    try:
        decided = nominations.decide(db(), g.actor, nomination_id, decision, reason)
    except Conflict as refused:
        return _district_page({f"nomination-{nomination_id}": refused.message}, 409)
    person = decided.young_person
    flash(f"Nomination of {person.given_name} {person.family_name} ({person.reference}) {decision}.")
    return redirect(url_for("district_pages.district"))


@bp.get("/nominations/<nomination_id>/accept")
@page(Role.DISTRICT_OFFICER)
def check_accept(nomination_id: str) -> str:
    """Check before accepting: the card again, and what the acceptance will do."""
    nominations.decidable(db(), g.actor, nomination_id)
    card = nomination_cards.card(db(), g.actor, nomination_id, today=today())
    if card["status"] != NominationStatus.PENDING:
        raise Conflict(f"this nomination was {card['status']} already")
    return render_template("district/check_accept.html", card=card)


@bp.get("/district/nominations/decided")
@page(Role.DISTRICT_OFFICER)
def decided() -> str:
    """Decided nominations, newest first, with the decision, its reason, who and when."""
    chosen = request.args.get("status", "")
    statuses = (DECIDED[chosen],) if chosen in DECIDED else nomination_cards.DECIDED
    number = page_asked()
    cards, total = nomination_cards.cards(
        db(), g.actor, g.actor.district, today=today(), statuses=statuses, page=number, page_size=PAGE_SIZE
    )
    return render_template(
        "district/decided.html",
        slug=g.actor.district,
        cards=cards,
        total=total,
        status=chosen if chosen in DECIDED else "",
        page=number,
        pages=page_count(total, PAGE_SIZE),
    )
