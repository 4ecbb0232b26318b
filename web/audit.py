"""The admin's audit trail: who saw or changed whose record, newest first, filtered, and as CSV."""

import csv
import io
from urllib.parse import urlencode

from flask import Response, g, render_template, request

from housing import typed_dates
from housing.permissions import AUDITORS
from housing.reads import audit_trail
from httpkit.spreadsheets import neutralise
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("audit_pages", __name__)
PAGE_SIZE = 50
FIELDS = ("young_person", "user", "action", "since", "until")
COLUMNS = ("at", "user", "role", "action", "reference", "name", "detail", "shown")


def _asked() -> tuple[dict[str, str], audit_trail.AuditFilter, dict[str, str]]:
    """The filters as typed, as the use case takes them, and an error beside any date that is not one."""
    asked = {field: request.args.get(field, "").strip() for field in FIELDS}
    dates, errors = {}, {}
    for field in ("since", "until"):
        try:
            dates[field] = typed_dates.parse(asked[field]) if asked[field] else None
        except ValueError:
            dates[field] = None
            errors[field] = "Enter a real date as day/month/year, like 29/11/2026"
    typed = {field: asked[field] or None for field in ("young_person", "user", "action")}
    chosen = audit_trail.AuditFilter(**typed, **dates)
    return asked, chosen, errors


@bp.get("/audit")
@page(*AUDITORS)
def audit_trail_page() -> tuple[str, int]:
    asked, chosen, errors = _asked()
    number = page_asked()
    entries, total = audit_trail.search(db(), g.actor, chosen, page=number, page_size=PAGE_SIZE)
    kept = {key: value for key, value in asked.items() if value and key not in errors}
    return render_template(
        "audit.html",
        entries=entries,
        total=total,
        asked=asked,
        actions=audit_trail.actions(db()),
        query=urlencode(kept),
        page=number,
        pages=page_count(total, PAGE_SIZE),
        errors=errors,
    ), 400 if errors else 200


@bp.get("/audit.csv")
@page(*AUDITORS)
def download() -> Response:
    """Every entry the same filters show, newest first; cells a spreadsheet would run are made inert."""
    _, chosen, _ = _asked()
    entries, _ = audit_trail.search(db(), g.actor, chosen)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow(neutralise(_cell(entry, key)) for key in COLUMNS)
    headers = {"Content-Disposition": 'attachment; filename="audit.csv"'}
    return Response(out.getvalue(), mimetype="text/csv", headers=headers)


def _cell(entry: dict, key: str) -> str | None:
    if key == "at":
        return entry["at"].isoformat()  # UK time, with its offset
    return "; ".join(entry["shown"]) if key == "shown" else entry[key]
