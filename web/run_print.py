"""Printable pages for the Joint Housing Pathway Planning Meeting, and a young person's summary.

A run's proposals for everyone, most due first; the same for one council carrying only what that
council may see (the district view's fields, never the full record); and one young person's
pathway summary. Each is an ordinary page with a print stylesheet, so "Print" in the browser does.
"""

from datetime import date

from flask import g, render_template, request

from housing import lifedates
from housing.clock import today
from housing.errors import NotFound
from housing.permissions import OFFICERS
from housing.reads import proposals as proposal_reads
from housing.reads import records, reference, run_review
from housing.reads.names import district_names, options_by_id
from httpkit.store import db
from web import maps, unmatched
from web.explain import due_sentence, said_of
from web.sessions import page, page_blueprint
from web.words import option_name

bp = page_blueprint("run_print", __name__)


@bp.get("/runs/<run_id>/print")
@page(*OFFICERS)
def proposals(run_id: str) -> tuple[str, int]:
    districts = district_names(db())
    slug = request.args.get("district") or None
    if slug is not None and slug not in districts:
        raise NotFound(f"no district {slug}")
    found = run_review.printable(db(), g.actor, run_id)
    names = {option_id: option_name(option, districts) for option_id, option in found.options.items()}
    ordered = found.proposals  # the most due first
    day = today()
    if slug is not None:
        return _for_district(found, ordered, names, slug=slug, district=districts[slug], day=day)
    explained = {
        p.id: said_of(p, found.people[p.young_person_id], found.options, names, day) for p in ordered
    }
    left_out = [
        {"person": found.people.get(u["young_person"]),
         "lead": unmatched.lead(u["reasons"], found.apply_to.get(u["young_person"], []), districts)}
        for u in found.unmatched
    ]  # fmt: skip
    return render_template(
        "print_run.html", review=found, proposals=ordered, names=names, explained=explained,
        unmatched=left_out, district=None, today=day,
    ), 200  # fmt: skip


def _for_district(found, ordered, names, *, slug: str, district: str, day: date) -> tuple[str, int]:
    """Only proposals of places in this council's area, and of each young person only the district
    view's fields: name, reference, age, support, access, children, bedrooms, month of need, and
    the links inside the district. No date of birth, immigration, custody, wishes or other links."""
    in_district = reference.places_in(db(), slug)
    rows = []
    for proposal in ordered:
        if found.options[proposal.option_id].district != slug:
            continue
        person = found.people[proposal.young_person_id]
        need = lifedates.need_date(person.date_of_birth, day, person.move_date, person.custody_release_date)
        rows.append({
            "proposal": proposal,
            "name": f"{person.given_name} {person.family_name}",
            "reference": person.reference,
            "age": lifedates.age_on(person.date_of_birth, day),
            "support_level": person.support_level,
            "access": "Wheelchair" if person.wheelchair else ("Step-free" if person.step_free else "None"),
            "children": person.children,
            "bedrooms_needed": person.bedrooms_needed,
            "need_month": need.strftime("%B %Y"),
            "links": [link for link in proposal.explanation.get("links", []) if link["place"] in in_district],
        })  # fmt: skip
    return render_template(
        "print_district.html", review=found, rows=rows, names=names, district=district
    ), 200


@bp.get("/young-people/<young_person_id>/summary")
@page(*OFFICERS)
def pathway_summary(young_person_id: str) -> tuple[str, int]:
    """For the officer and the young person: links map, options considered, decision, who and when."""
    person = records.view(db(), g.actor, young_person_id, today())
    proposed = proposal_reads.of_person(db(), person.id, order="made")  # superseded applied
    proposed.sort(key=lambda p: p.run.created_at, reverse=True)
    option_ids = {p.option_id for p in proposed} | {
        a["option"] for p in proposed for a in p.explanation.get("alternatives", [])
    }
    option_ids |= {person.pathway_option_id}
    options = options_by_id(db(), option_ids)
    districts = district_names(db())
    names = {option_id: option_name(option, districts) for option_id, option in options.items()}
    day = today()
    decided = next((p for p in proposed if p.status == "accepted"), None)
    latest = decided or (proposed[0] if proposed else None)
    places = [p for p in reference.places(db()) if p.district is not None]
    marked = {options[person.pathway_option_id].place} if person.pathway_option_id in options else set()
    return render_template(
        "print_person.html", person=person, proposals=proposed, names=names, options=options,
        latest=latest, explained=said_of(latest, person, options, names, day) if latest else None,
        decided=decided, districts=districts,
        due=due_sentence(latest.explanation, day) if latest else None,
        points=maps.project(places), map_size=(maps.WIDTH, maps.HEIGHT), marked=sorted(marked), today=day,
    ), 200  # fmt: skip
