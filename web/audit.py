"""The admin's page: who saw or changed a young person's record, when, and what."""

from flask import render_template, request

from housing.permissions import AUDITORS
from housing.services import audit
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("audit_pages", __name__)
PAGE_SIZE = 50


@bp.get("/audit")
@page(*AUDITORS)
def audit_trail() -> str:
    young_person = request.args.get("young_person", "").strip() or None
    number = page_asked()
    entries, total = audit.list_entries(db(), young_person, number, PAGE_SIZE)
    return render_template(
        "audit.html",
        entries=entries,
        total=total,
        young_person=young_person,
        page=number,
        pages=page_count(total, PAGE_SIZE),
    )
