"""Pathway reviews on pages: due and overdue reviews listed, one recorded on a young person's record.

The form is loaded by the API's schema and saved by the same use case (`housing.services.reviews`).
"""

from flask import g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.clock import today
from housing.errors import Invalid
from housing.permissions import CASE_READERS
from housing.reads import pathway_reviews
from housing.reviews import ReviewStatus
from housing.services import reviews
from httpkit.store import db
from jsonapi.schemas.reviews import ReviewSchema
from web import forms
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("review_pages", __name__)
PAGE_SIZE = 50
LABELS = {"reviewed_on": "the date it was held"}


@bp.get("/reviews")
@page(*CASE_READERS)
def reviews_due() -> str:
    shown = ReviewStatus.DUE if request.args.get("show") == "due" else ReviewStatus.OVERDUE
    number = page_asked()
    found, total, counts = pathway_reviews.due_reviews(
        db(), g.actor, today(), (shown,), page=number, page_size=PAGE_SIZE
    )
    return render_template("reviews_due.html", found=found, total=total, counts=counts, shown=shown.value,
                           page=number, pages=page_count(total, PAGE_SIZE))  # fmt: skip


@bp.route("/young-people/<young_person_id>/reviews/new", methods=["GET", "POST"])
@page(*CASE_READERS)
def record_review(young_person_id: str) -> str | Response | tuple[str, int]:
    found = pathway_reviews.reviews_of(db(), g.actor, young_person_id, today())
    values, errors = {"reviewed_on": forms.date_boxes(today())}, {}
    if request.method == "POST":
        values = {
            "reviewed_on": {
                part: request.form.get(f"reviewed_on-{part}", "") for part in ("day", "month", "year")
            }
        }
        body, errors = forms.load(
            ReviewSchema(), {"reviewed_on": forms.date_from(request.form, "reviewed_on")}, LABELS
        )
        if not errors:
            try:
                reviews.record(db(), g.actor, young_person_id, body, today())
            except Invalid as invalid:
                errors = forms.refused(invalid, LABELS)
            else:
                return redirect(
                    url_for("person_page.young_person", young_person_id=young_person_id, done="reviewed")
                )
    return render_template(
        "review_form.html", found=found, values=values, errors=errors
    ), 400 if errors else 200
