"""A district officer's applicants (minimised), filtered as the API filters them, and downloads of those."""

from urllib.parse import urlencode

from flask import Response, g, render_template, request

from districts import exports
from districts.schemas import ApplicantsQuery
from housing.clock import today
from housing.reads import applicants
from housing.reads.names import district_bands
from housing.vocabulary import Role
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("district_applicants", __name__)
PAGE_SIZE = 50
# The API's query schema judges the filters; the page words its refusals for a council officer.
MESSAGES = {
    "band": "Choose one of your register's bands",
    "need_month_before": "Enter a month as year and month, like 2027-03",
    "status": "Choose a nomination status",
}
SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filters(bands: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The filters asked for, and an error beside each one that cannot be used (the API's 422s)."""
    asked = {key: request.args.get(key, "").strip() for key in (*MESSAGES, "named")}
    wrong = set(
        ApplicantsQuery().validate({key: value for key, value in asked.items() if value and key in MESSAGES})
    )
    if asked["band"] and asked["band"] not in bands:
        wrong.add("band")
    return asked, {key: MESSAGES[key] for key in MESSAGES if key in wrong}


def _shown(asked: dict[str, str], errors: dict[str, str], **paging: int) -> tuple[list[dict], int]:
    filters = {key: value for key, value in asked.items() if value and key not in errors}
    return applicants.applicants(db(), g.actor, g.actor.district, today=today(), **filters, **paging)


@bp.get("/district/applicants")
@page(Role.DISTRICT_OFFICER)
def applicants_page() -> tuple[str, int]:
    bands = district_bands(db(), g.actor.district)
    asked, errors = _filters(bands)
    number = page_asked()
    rows, total = _shown(asked, errors, page=number, page_size=PAGE_SIZE)
    kept = {key: value for key, value in asked.items() if value and key not in errors}
    query = "&" + urlencode(kept) if kept else ""
    return render_template(
        "district/applicants.html",
        slug=g.actor.district,
        bands=bands,
        asked=asked,
        rows=rows,
        total=total,
        query=query,
        page=number,
        pages=page_count(total, PAGE_SIZE),
        errors=errors,
    ), 400 if errors else 200


@bp.get("/district/applicants.<kind>")
@page(Role.DISTRICT_OFFICER)
def download(kind: str) -> Response | tuple[str, int]:
    """Every row the same filters show (all pages), in the API's minimised export."""
    if kind not in ("csv", "xlsx"):
        return render_template("error.html", title="Page not found", code=404), 404
    asked, errors = _filters(district_bands(db(), g.actor.district))
    rows, _ = _shown(asked, errors)
    headers = {"Content-Disposition": f'attachment; filename="{g.actor.district}-applicants.{kind}"'}
    if kind == "csv":
        return Response(exports.to_csv(rows), mimetype="text/csv", headers=headers)
    return Response(exports.to_xlsx(rows), mimetype=SHEET, headers=headers)
