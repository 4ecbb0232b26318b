"""The Setting Up Home Allowance on a page (officers): what was granted, spent and is left, and the form
that records it. Loaded by the API's own schema and saved by the same use case, so the page and the API
refuse the same things; every view and change is audited on the record."""

from typing import Any

from flask import g, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from housing import money
from housing.clock import today
from housing.permissions import OFFICERS
from housing.services import setting_up_home
from httpkit.store import db
from jsonapi.schemas.setting_up_home import SettingUpHomeSchema
from web import forms
from web.forms import Labels, date_boxes, date_from, pounds_from
from web.sessions import page, page_blueprint

bp = page_blueprint("setting_up_home_pages", __name__)
LABELS = Labels(
    {"granted": "the amount granted", "granted_on": "the date granted", "spent": "the amount spent"}
)
AMOUNTS = ("granted", "spent")


def body_from(form: MultiDict) -> dict[str, Any]:
    """Amounts typed with or without £ and commas; a blank is left out, so the schema asks for it."""
    body: dict[str, Any] = {}
    for key in AMOUNTS:
        if (amount := pounds_from(form, key)) is not None:
            body[key] = amount
    if (granted_on := date_from(form, "granted_on")) is not None:
        body["granted_on"] = granted_on
    return body


@bp.route("/young-people/<young_person_id>/setting-up-home", methods=["GET", "POST"])
@page(*OFFICERS)
def allowance(young_person_id: str) -> Response | tuple[str, int]:
    held = setting_up_home.view(db(), g.actor, young_person_id)
    if request.method == "GET":
        values: dict[str, Any] = {
            "granted": str(held.granted if held.granted is not None else money.SETTING_UP_HOME_ALLOWANCE),
            "spent": str(held.spent or 0),
            "granted_on": date_boxes(held.granted_on),
        }
        return _page(held, values, {})
    data, errors = forms.load(SettingUpHomeSchema(), body_from(request.form), LABELS)
    saved = forms.saved(
        lambda loaded: setting_up_home.record(db(), g.actor, young_person_id, loaded, today()),
        data, errors, LABELS, "granted",
    )  # fmt: skip
    if saved is None:
        typed = request.form.to_dict()
        typed["granted_on"] = {
            part: request.form.get(f"granted_on-{part}", "") for part in ("day", "month", "year")
        }
        return _page(held, typed, errors)
    return redirect(url_for("setting_up_home_pages.allowance", young_person_id=young_person_id, done="saved"))


def _page(held: setting_up_home.Allowance, values: dict[str, Any], errors: dict[str, str]) -> tuple[str, int]:
    return render_template(
        "setting_up_home.html", held=held, values=values, errors=errors, done=request.args.get("done"),
        allowance=money.SETTING_UP_HOME_ALLOWANCE,
    ), (400 if errors else 200)  # fmt: skip
