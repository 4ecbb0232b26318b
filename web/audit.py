"""The admin's page: who saw or changed a young person's record, when, and what."""

from flask import render_template, request

from housing.http.store import db
from housing.services import audit
from housing.vocabulary import Role
from web.sessions import page, pages

bp = pages("audit_pages", __name__)
PAGE_SIZE = 50


@bp.get("/audit")
@page(Role.ADMIN)
def audit_trail() -> str:
    young_person = request.args.get("young_person", "").strip() or None
    number = max(request.args.get("page", 1, type=int), 1)
    entries, total = audit.list_entries(db(), young_person, number, PAGE_SIZE)
    return render_template(
        "audit.html",
        entries=entries,
        total=total,
        young_person=young_person,
        page=number,
        pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
    )
