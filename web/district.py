"""The district officer's page: their applicants (minimised), nominations to decide, vacancies, downloads."""

from flask import Response, g, redirect, render_template, request, url_for

from districts import exports
from housing.clock import today
from housing.errors import DomainError
from housing.http.store import db
from housing.services import applicants, nominations, options
from housing.vocabulary import Role, Route
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("district_pages", __name__)
PAGE_SIZE = 50


@bp.get("/district")
@page(Role.DISTRICT_OFFICER)
def district(errors: dict[str, str] | None = None, status: int = 200) -> tuple[str, int]:
    slug = g.actor.district
    number = page_asked()
    vacancy_page = page_asked("vacancies_page")
    rows, total = applicants.applicants(db(), g.actor, slug, today=today(), page=number, page_size=PAGE_SIZE)
    pending = nominations.listed(db(), slug, "pending")
    vacancies, total_vacancies = options.search(
        db(), g.actor, page=vacancy_page, page_size=PAGE_SIZE, route=Route.REGISTER_VACANCY.value
    )
    return render_template(
        "district.html",
        slug=slug,
        rows=rows,
        total=total,
        page=number,
        pages=page_count(total, PAGE_SIZE),
        pending=pending,
        vacancies=vacancies,
        total_vacancies=total_vacancies,
        vacancy_page=vacancy_page,
        vacancy_pages=page_count(total_vacancies, PAGE_SIZE),
        errors=errors or {},
    ), status


@bp.post("/nominations/<nomination_id>/decide")
@page(Role.DISTRICT_OFFICER)
def decide(nomination_id: str) -> Response | tuple[str, int]:
    decision, reason = request.form.get("decision", ""), request.form.get("reason", "").strip() or None
    if decision not in ("accepted", "declined"):
        return district.__wrapped__({f"nomination-{nomination_id}": "Choose accept or decline"}, 400)
    if decision == "declined" and not reason:
        return district.__wrapped__({f"reason-{nomination_id}": "Enter why the nomination is declined"}, 400)
    try:
        nominations.decide(db(), g.actor, nomination_id, decision, reason)
    except DomainError as refused:
        return district.__wrapped__({f"nomination-{nomination_id}": refused.message}, 409)
    return redirect(url_for("district_pages.district"))


@bp.get("/district/applicants.<kind>")
@page(Role.DISTRICT_OFFICER)
def download(kind: str) -> Response | tuple[str, int]:
    """The same minimised view as the API's exports, for the signed-in district officer."""
    rows, _ = applicants.applicants(db(), g.actor, g.actor.district, today=today())
    name = f"{g.actor.district}-applicants.{kind}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if kind == "csv":
        return Response(exports.to_csv(rows), mimetype="text/csv", headers=headers)
    if kind == "xlsx":
        sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return Response(exports.to_xlsx(rows), mimetype=sheet, headers=headers)
    return render_template("error.html", title="Page not found", code=404), 404
