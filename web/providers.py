"""Providers of supported places on pages: listed and searched (those who place or plan places), added
and changed (officers). Each form is loaded by the API's provider schema and saved by its use case, so
a page and the API refuse the same things for the same reasons; each change is audited by name."""

from typing import Any
from urllib.parse import urlencode

from flask import g, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from housing.clock import today
from housing.permissions import OFFICERS, PROVIDER_READERS
from housing.reads import providers as provider_reads
from housing.services import providers
from housing.services.providers import RATING_WORDS
from httpkit.store import db
from jsonapi.schemas.providers import ProviderPatchSchema, ProviderSchema
from web import forms
from web.forms import Labels, date_boxes, date_from
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("provider_pages", __name__)
PAGE_SIZE = 50
LABELS = Labels(
    {"name": "the name", "ofsted_number": "the Ofsted number", "rating": "the rating",
     "inspected_on": "the date inspected"},
    choices=("rating",),
)  # fmt: skip


@bp.get("/providers")
@page(*PROVIDER_READERS)
def provider_list() -> str:
    named = request.args.get("q", "").strip()
    number = page_asked()
    found, total = provider_reads.search(db(), page=number, page_size=PAGE_SIZE, q=named or None)
    return render_template(
        "providers.html", found=found, total=total, named=named, ratings=RATING_WORDS,
        done=request.args.get("done"),
        page=number, pages=page_count(total, PAGE_SIZE), query="&" + urlencode({"q": named} if named else {}),
    )  # fmt: skip


def body_from(form: MultiDict) -> dict[str, Any]:
    body: dict[str, Any] = {
        key: form[key].strip() for key in ("name", "ofsted_number", "rating") if form.get(key, "").strip()
    }
    body["inspected_on"] = date_from(form, "inspected_on")
    return body


def typed(form: MultiDict) -> dict[str, Any]:
    values: dict[str, Any] = form.to_dict()
    values["inspected_on"] = {part: form.get(f"inspected_on-{part}", "") for part in ("day", "month", "year")}
    return values


def _form(
    values: dict[str, Any], errors: dict[str, str], provider: provider_reads.Listed | None = None
) -> tuple[str, int]:
    choices = [(rating.value, words) for rating, words in RATING_WORDS.items()]
    shown = render_template(
        "provider_form.html", values=values, errors=errors, provider=provider, choices=choices
    )
    return shown, (400 if errors else 200)


@bp.route("/providers/new", methods=["GET", "POST"])
@page(*OFFICERS)
def add_provider() -> Response | tuple[str, int]:
    if request.method == "GET":
        return _form({}, {})
    data, errors = forms.load(ProviderSchema(), body_from(request.form), LABELS)
    made = forms.saved(
        lambda loaded: providers.create(db(), g.actor, loaded), data, errors, LABELS, "ofsted_number"
    )
    if made is None:
        return _form(typed(request.form), errors)
    return redirect(url_for("provider_pages.provider_list", done="added", q=made.name))


@bp.route("/providers/<provider_id>/edit", methods=["GET", "POST"])
@page(*OFFICERS)
def change_provider(provider_id: str) -> Response | tuple[str, int]:
    provider = provider_reads.get(db(), provider_id)
    if request.method == "GET":
        values = {
            "name": provider.name,
            "ofsted_number": provider.ofsted_number,
            "rating": provider.rating.value,
        }
        values["inspected_on"] = date_boxes(provider.inspected_on)
        return _form(values, {}, provider)
    data, errors = forms.load(ProviderPatchSchema(), body_from(request.form), LABELS)
    saved = forms.saved(
        lambda loaded: providers.update(db(), g.actor, provider.id, loaded, today()),
        data, errors, LABELS, "ofsted_number",
    )  # fmt: skip
    if saved is None:
        return _form(typed(request.form), errors, provider)
    return redirect(url_for("provider_pages.provider_list", done="changed", q=saved.name))
