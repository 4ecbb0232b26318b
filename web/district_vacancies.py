"""The district officer's vacancies: those on the register, and adding many at once from a file."""

from flask import Response, flash, g, redirect, render_template, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from districts import uploads
from housing.reads import options
from housing.services.import_problems import ImportRefused
from housing.vocabulary import Role, Route
from httpkit import sent_file
from httpkit.store import db
from web.paging import page_asked, page_count
from web.sessions import page, page_blueprint

bp = page_blueprint("district_vacancies", __name__)
PAGE_SIZE = 50
MOST_PROBLEMS_SHOWN = 200  # a file wrong on every line of 50,000 would make a page no one can read


@bp.get("/district/vacancies")
@page(Role.DISTRICT_OFFICER)
def vacancies_page() -> tuple[str, int]:
    return _vacancies()


def _vacancies(problems: list[str] | None = None, status: int = 200) -> tuple[str, int]:
    number = page_asked()
    shown, total = options.search(
        db(), g.actor, page=number, page_size=PAGE_SIZE, route=Route.REGISTER_VACANCY.value
    )
    problems = problems or []
    return render_template(
        "district/vacancies.html",
        slug=g.actor.district,
        vacancies=shown,
        total=total,
        page=number,
        pages=page_count(total, PAGE_SIZE),
        problems=problems[:MOST_PROBLEMS_SHOWN],
        more_problems=max(len(problems) - MOST_PROBLEMS_SHOWN, 0),
        errors={},
    ), status


@bp.post("/district/vacancies")
@page(Role.DISTRICT_OFFICER)
def upload() -> Response | tuple[str, int]:
    sent = request.files.get("file")
    if sent is None or not sent.filename:
        return _vacancies(["Select a CSV or Excel file of vacancies"], 400)
    try:
        added = uploads.upload(g.actor, g.actor.district, sent.filename, sent.read())
    except ImportRefused as refused:
        return _vacancies([str(problem) for problem in refused.problems], 422)
    except sent_file.TooLarge as too_large:
        return _vacancies([str(too_large)], 413)
    flash(f"{len(added)} vacancies added to your register from {sent.filename}.")
    return redirect(url_for("district_vacancies.vacancies_page"))


@bp.get("/district/vacancies/template.csv")
@page(Role.DISTRICT_OFFICER)
def template() -> Response:
    headers = {"Content-Disposition": 'attachment; filename="vacancies-template.csv"'}
    return Response(uploads.template(g.actor.district), mimetype="text/csv", headers=headers)


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_error: RequestEntityTooLarge) -> tuple[str, int]:
    """A body over the limit is refused before the form (and its token) is read: nothing is added."""
    return render_template("error.html", title=uploads.TOO_LARGE, code=413), 413


def allow_uploads() -> None:
    """The upload's body may be larger than the service's 1 MB (before the form is read for its token)."""
    if request.endpoint == "district_vacancies.upload":
        request.max_content_length = sent_file.MAX_BODY_BYTES
