"""UASC triple planning on a page: the three housing plans side by side, and the form that records them.

Each plan is loaded by the API's own plan schema and the three saved by the same use case, so the page
and the API refuse the same things."""

from flask import abort, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.errors import Invalid
from housing.permissions import CASE_READERS, OFFICERS
from housing.reads import triple_plans as read
from housing.services import triple_plans
from housing.vocabulary import ImmigrationOutcome, Route
from httpkit.store import db
from jsonapi.schemas.triple_plans import HousingPlanSchema
from web import forms
from web.sessions import page, page_blueprint

bp = page_blueprint("triple_plan_pages", __name__)
OUTCOME_WORDS = {
    ImmigrationOutcome.LEAVE_GRANTED: "If leave to remain is granted",
    ImmigrationOutcome.REFUSED: "If the claim is refused (appeal open)",
    ImmigrationOutcome.APPEAL_RIGHTS_EXHAUSTED: "If appeal rights are exhausted",
}
ROUTES = [route for route in Route if route is not Route.HOUSE_PROJECT]


@bp.route("/young-people/<young_person_id>/triple-plan", methods=["GET", "POST"])
@page(*CASE_READERS)
def triple_plan(young_person_id: str) -> str | Response | tuple[str, int]:
    found = read.of(db(), g.actor, young_person_id)
    values = {
        f"{part}-{p.outcome.value}": getattr(p, part) or "" for p in found.plans for part in ("route", "plan")
    }
    errors: dict[str, str] = {}
    if request.method == "POST":
        if g.actor.role not in OFFICERS:
            abort(403)
        values = dict(request.form)
        plans = []
        for outcome in ImmigrationOutcome:
            sent = {"outcome": outcome.value, "route": request.form.get(f"route-{outcome.value}") or None,
                    "plan": request.form.get(f"plan-{outcome.value}", "").strip() or None}  # fmt: skip
            labels = {
                "route": f"the route {OUTCOME_WORDS[outcome].lower()}",
                "plan": f"the plan {OUTCOME_WORDS[outcome].lower()}",
            }
            body, said = forms.load(
                HousingPlanSchema(), {k: v for k, v in sent.items() if v}, forms.Labels(labels, ("route",))
            )
            errors |= {f"{field}-{outcome.value}": message for field, message in said.items()}
            plans.append(body)
        if not errors:
            try:
                triple_plans.record(db(), g.actor, young_person_id, plans)
            except Invalid as invalid:
                errors = {"plans": invalid.fields["plans"][0][:1].upper() + invalid.fields["plans"][0][1:]}
            else:
                return redirect(
                    url_for("triple_plan_pages.triple_plan", young_person_id=young_person_id, done="saved")
                )
    shown = render_template("triple_plan.html", found=found, values=values, errors=errors,
                            words=OUTCOME_WORDS, routes=ROUTES, done=request.args.get("done"))  # fmt: skip
    return shown, 400 if errors else 200
