"""Who works the case, on pages: My young people (officers), the team (managers), advisers proposed from
16½ to accept or change, and a young person's workers. Each form is loaded by the API's own schema and
saved by the same use case, so a page and the API refuse the same things."""

from flask import Response, current_app, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as Redirect

from housing import advising
from housing.clock import today
from housing.errors import Conflict, Invalid
from housing.permissions import MANAGERS
from housing.reads import adviser_choices, team
from housing.services import adviser_proposals, workers
from housing.vocabulary import Role, WorkerKind
from httpkit.store import db
from jsonapi.schemas.casework import AdvisersAcceptedSchema, AllocationSchema, allocations_csv, presented
from web import forms, words
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("casework_pages", __name__)
bp.add_app_template_filter(advising.adviser_due_on, "adviser_due")
bp.add_app_template_filter(advising.end_of_month, "adviser_month_end")
bp.add_app_template_filter(words.counted, "counted")
PAGE_SIZE = 50
WORKER_LABELS = {"housing_officer": "a housing support officer", "personal_adviser": "a personal adviser"}


def _cap() -> int:
    return current_app.config["ADVISER_CASELOAD_CAP"]


@bp.get("/my-young-people")
@page(Role.HOUSING_OFFICER)
def my_young_people() -> str:
    number = page_asked()
    people, total = team.my_young_people(db(), g.actor, today(), page=number, page_size=PAGE_SIZE)
    return render_template(
        "my_young_people.html", people=people, total=total, page=number, pages=page_count(total, PAGE_SIZE)
    )


@bp.get("/team")
@page(*MANAGERS)
def team_page() -> str:
    found = team.team(db(), today(), _cap())
    figures = adviser_proposals.figures(db(), today(), _cap())
    return render_template("team.html", team=found, figures=figures)


@bp.get("/team/allocations.csv")
@page(*MANAGERS)
def allocations_export() -> Response:
    """The same file as the API's export, for a manager to hand to the case system (audited as views)."""
    rows = team.exported(db(), g.actor, None)
    body = allocations_csv([(row, presented(row["allocation"])) for row in rows])
    return Response(
        body, mimetype="text/csv", headers={"Content-Disposition": 'attachment; filename="allocations.csv"'}
    )


@bp.route("/advisers/proposals", methods=["GET", "POST"])
@page(*MANAGERS)
def proposals() -> str | Redirect | tuple[str, int]:
    """Advisers proposed for this month's 16½s and anyone older without one, fifty a page, found by
    district or name; accept one, change one, or accept every proposal on the page. A refusal (a
    caseload full meanwhile) shows beside the row's adviser."""
    errors: dict[str, str] = {}
    chosen = {key: value for key, value in request.form.items() if key.startswith("adviser-")}
    kept = _filters()
    if request.method == "POST":
        pairs = _pairs_sent()
        # One row's refusal shows beside its adviser; a refusal of them all, by the Accept all button.
        field = (
            f"adviser-{pairs[0]['young_person']}" if request.form.get("accept") and pairs else "allocations"
        )
        errors = _accepted(pairs, field)
        if not errors:
            return redirect(url_for(".proposals", done=len(pairs), **kept, page=page_asked()))
    number = page_asked()
    found = adviser_choices.page_of(db(), g.actor, today(), _cap(), district=kept.get("district", ""),
                                    name=kept.get("q", ""), page=number, page_size=PAGE_SIZE)  # fmt: skip
    return render_template(
        "adviser_proposals.html",
        found=found,
        errors=errors,
        chosen=chosen,
        done=request.args.get("done", type=int),
        filters=kept,
        page=found.page,
        page_size=PAGE_SIZE,
        pages=page_count(found.found, PAGE_SIZE),
        nearby=adviser_choices.NEARBY,
    ), 400 if errors else 200


@bp.route("/advisers/proposals/<young_person_id>", methods=["GET", "POST"])
@page(*MANAGERS)
def choose_adviser(young_person_id: str) -> str | Redirect | tuple[str, int]:
    """Any adviser with room for one young person, nearest first: the choice beyond the ten nearest.
    Accepting comes back to the page of proposals it came from."""
    errors: dict[str, str] = {}
    back = _filters() | {"page": page_asked()}
    found = adviser_choices.choices_for(db(), g.actor, today(), _cap(), young_person_id)
    chosen = request.form.get("adviser", "")
    if request.method == "POST":
        pair = {"young_person": young_person_id, "adviser": chosen,
                "as_proposed": bool(chosen) and chosen == found.proposed.adviser_id}  # fmt: skip
        errors = {"adviser" if key.startswith("adviser-") else key: text
                  for key, text in _accepted([pair], f"adviser-{young_person_id}").items()}  # fmt: skip
        if not errors:
            return redirect(url_for(".proposals", done=1, **back))
    return render_template(
        "adviser_choice.html",
        found=found,
        errors=errors,
        chosen=chosen or found.proposed.adviser_id,
        back=back,
        cap=_cap(),
    ), 400 if errors else 200


def _filters() -> dict[str, str]:
    """The district and name a manager filtered by (those given), kept across pages, accepts and the
    choice page."""
    given = {
        "district": request.args.get("district", "").strip(),
        "q": request.args.get("q", "").strip()[:100],
    }
    return {name: value for name, value in given.items() if value}


def _accepted(pairs: list[dict], field: str) -> dict[str, str]:
    """Allocate the pairs (all or none) by the API's schema and use case; any refusal, keyed by `field`."""
    body, reasons = forms.load(AdvisersAcceptedSchema(), {"allocations": pairs}, {"adviser": "an adviser"})
    if not pairs:
        return {field: "Choose an adviser for at least one young person"}
    if reasons:
        return {field: "Choose an adviser" if "adviser" in reasons else next(iter(reasons.values()))}
    try:
        workers.allocate_advisers(db(), g.actor, body["allocations"], today=today(), cap=_cap())
    except Conflict as conflict:
        return {field: conflict.message[:1].upper() + conflict.message[1:]}
    except Invalid as invalid:
        first = next(iter(forms.flat(invalid.fields).values()))[0]
        return {field: first[:1].upper() + first[1:]}
    return {}


def _pairs_sent() -> list[dict]:
    """One row's accept (`accept` names the young person) or every row's (`accept_all`)."""
    form = request.form
    if form.get("accept"):
        rows = [form["accept"]]
    else:  # every row given an adviser, as shown (a waiting row left without one is left out)
        rows = (
            [row for row in form.getlist("young_person") if form.get(f"adviser-{row}")]
            if form.get("accept_all")
            else []
        )
    return [
        {"young_person": row, "adviser": form.get(f"adviser-{row}", ""),
         "as_proposed": form.get(f"adviser-{row}", "") == form.get(f"proposed-{row}")}
        for row in rows
    ]  # fmt: skip


@bp.route("/young-people/<young_person_id>/workers", methods=["GET", "POST"])
@page(*MANAGERS)
def change_workers(young_person_id: str) -> str | Redirect | tuple[str, int]:
    """Two small forms, one per kind of worker: each a choice and an optional start date."""
    found = workers.workers_of(db(), g.actor, young_person_id)
    errors: dict[str, str] = {}
    values: dict = {}
    if request.method == "POST":
        kind = request.form.get("kind", "")
        field = kind if kind in list(WorkerKind) else WorkerKind.PERSONAL_ADVISER.value
        dated = f"{field}_starts_on"
        values = {field: request.form.get(field, ""), dated: {
            part: request.form.get(f"{dated}-{part}", "") for part in ("day", "month", "year")}}  # fmt: skip
        sent = {
            "kind": kind,
            "worker": request.form.get(field) or None,
            "starts_on": forms.date_from(request.form, dated),
        }
        labels = forms.Labels({"worker": WORKER_LABELS[field], "kind": WORKER_LABELS[field],
                               "starts_on": "the start date"}, choices=("worker", "kind"))  # fmt: skip
        body, reasons = forms.load(
            AllocationSchema(), {k: v for k, v in sent.items() if v is not None}, labels
        )
        if not reasons:
            try:
                workers.allocate(db(), g.actor, young_person_id, body, today=today(), cap=_cap())
            except Invalid as invalid:
                reasons = forms.refused(invalid, labels)
            except Conflict as conflict:
                reasons = {"worker": conflict.message[:1].upper() + conflict.message[1:]}
            else:
                return redirect(
                    url_for(
                        "person_page.young_person", young_person_id=young_person_id, done=f"{field}-allocated"
                    )
                )
        errors = {dated if name == "starts_on" else field: text for name, text in reasons.items()}
    return render_template(
        "workers_form.html",
        found=found,
        officers=team.officers(db()),
        advisers=team.advisers(db()),
        cap=_cap(),
        values=values,
        errors=errors,
    ), 400 if errors else 200
