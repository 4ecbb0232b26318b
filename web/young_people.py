"""A young person's page: needs, links, preferences, pathway, applications, decisions, and a map."""

from flask import g, render_template, request

from housing.clock import today
from housing.permissions import CASE_READERS
from housing.reads import nominations, pathway_reviews, proposal_history, records, reference, superseded
from housing.reads import own_view as own_reads
from housing.reads import proposals as proposal_reads
from housing.reads import sign_offs as sign_off_reads
from housing.reads.names import district_names, options_by_id
from housing.services import moves, workers
from httpkit.schemas import MAX_PAGE_SIZE
from httpkit.store import db
from web import maps, situation_forms
from web.sessions import page, page_blueprint

bp = page_blueprint("person_page", __name__)


@bp.get("/young-people/<young_person_id>")
@page(*CASE_READERS)
def young_person(young_person_id: str) -> str | tuple[str, int]:
    person = records.view(db(), g.actor, young_person_id, today())  # an audited view of the record
    done = request.args.get("done")
    proposals = proposal_reads.of_person(db(), person.id, order="decided")  # superseded applied
    option_ids = {p.option_id for p in proposals} | {person.pathway_option_id}
    option_ids |= {n.option_id for n in nominations.of_person(db(), person.id)}
    options = options_by_id(db(), option_ids)
    places = reference.places(db())
    in_county = [p for p in places if p.district is not None]
    # The agreed place, and any place proposed and not yet decided, are marked on the map.
    marked = {options[person.pathway_option_id].place} if person.pathway_option_id in options else set()
    marked |= {options[p.option_id].place for p in proposals if p.status == "proposed"}
    districts = district_names(db())
    # The council's answer that did not house them (declined, lapsed), and what was proposed since.
    answer = proposal_history.unhoused_answers(db(), [person.id]).get(person.id)
    still_open = [p for p in proposals if superseded.shown_status(p) == "proposed"]
    newest_open = max(still_open, key=lambda p: p.run.created_at, default=None)
    proposed_again = answer is not None and proposal_history.proposed_again_after(db(), answer.id)
    leave_followed = (
        situation_forms.what_the_grant_did(person, districts) if done == "leave-granted" else None
    )
    return render_template(
        "young_person.html",
        done=done,
        district_names=districts,
        person=person,
        leave_words=situation_forms.leave_in_words(person),
        leave_followed=leave_followed,
        proposals=proposals,
        answer=answer,
        newest_open=newest_open,
        proposed_again=proposed_again,
        options=options,
        marked=sorted(marked),
        points=maps.project(in_county),
        map_size=(maps.WIDTH, maps.HEIGHT),
        workers=workers.workers_of(db(), g.actor, person.id),
        review=pathway_reviews.reviews_of(db(), g.actor, person.id, today()),
        nominations=nominations.of_person(db(), person.id),
        movable=moves.movable(db(), person.id) is not None,
        sign_off_history=sign_off_reads.listed(
            db(), g.actor, statuses=(), young_person_id=person.id, page=1, page_size=MAX_PAGE_SIZE
        )[0],
        own=own_reads.for_officers(db(), person.id),
    )
