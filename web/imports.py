"""Bringing in records from the county's systems: young people, then their register applications and
current placements.

The same import as the API and `flask import` (`jsonapi/import_files.py`): every row checked
first, nothing added if any is wrong, each problem listed with its line and column; a reference
already held is updated rather than added again.
"""

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from housing.clock import today
from housing.permissions import OFFICERS
from housing.services.import_problems import ImportRefused
from httpkit import sent_file, tabular
from jsonapi import import_files, import_jobs
from web.sessions import page, page_blueprint

bp = page_blueprint("import_pages", __name__)
MOST_PROBLEMS_SHOWN = 200  # a file wrong on every line would make a page no one can read
KINDS = {
    "young-people": "Young people",
    "applications": "Register applications",
    "placements": "Current placements (where each young person lives now)",
    "providers": "Providers",
}
# A file larger than this (about 1,000 rows) goes to the job queue, and its page shows its progress;
# a smaller one is checked and brought in while the officer waits, as it takes a moment.
QUEUED_FROM_BYTES = 100 * 1024
REFRESH_SECONDS = 2
DONE = {
    "young-people": "young people",
    "applications": "register applications",
    "placements": "placements",
    "providers": "providers",
}


@bp.get("/imports")
@page(*OFFICERS)
def imports_page() -> tuple[str, int]:
    return _imports()


def _imports(
    problems: list[str] | None = None, errors: dict[str, str] | None = None, status: int = 200
) -> tuple[str, int]:
    problems = problems or []
    return render_template(
        "imports.html",
        kinds=KINDS,
        chosen=request.form.get("kind"),
        problems=problems[:MOST_PROBLEMS_SHOWN],
        more_problems=max(len(problems) - MOST_PROBLEMS_SHOWN, 0),
        errors=errors or {},
    ), status


@bp.post("/imports")
@page(*OFFICERS)
def bring_in() -> Response | tuple[str, int]:
    kind, sent = request.form.get("kind"), request.files.get("file")
    errors = {}
    if kind not in KINDS:
        errors["kind"] = "Select what the file holds"
    if sent is None or not sent.filename:
        errors["file"] = "Select a CSV or Excel file"
    if errors:
        return _imports(errors=errors, status=400)
    content = sent.read()
    if len(content) > tabular.MAX_FILE_BYTES:
        return _imports(errors={"file": import_files.TOO_LARGE}, status=413)
    if len(content) > QUEUED_FROM_BYTES:
        job_id = import_jobs.start(g.actor, kind, sent.filename, content)
        return redirect(url_for("import_pages.progress", job_id=job_id), code=303)
    try:
        done = import_files.run(g.actor, kind, sent.filename, content, today=today())
    except ImportRefused as refused:
        return _imports([str(problem) for problem in refused.problems], status=422)
    except sent_file.TooLarge as too_large:
        return _imports(errors={"file": str(too_large)}, status=413)
    flash(
        f"{sent.filename}: {len(done.created)} {DONE[kind]} added, {len(done.updated)} updated, "
        f"{len(done.unchanged)} already as in the file."
    )
    return redirect(url_for("import_pages.imports_page"))


@bp.get("/imports/<job_id>")
@page(*OFFICERS)
def progress(job_id: str) -> tuple[str, int]:
    """A long import as it runs (the page refreshes itself, no script needed), then what it did."""
    found = import_jobs.state(job_id, g.actor.user_id)
    if found is None:
        abort(404)
    if found["status"] == "refused":
        problems = found["problems"]
        return render_template(
            "imports.html", kinds=KINDS, chosen=found["kind"], problems=problems[:MOST_PROBLEMS_SHOWN],
            more_problems=max(len(problems) - MOST_PROBLEMS_SHOWN, 0), errors={},
        ), 200  # fmt: skip
    return render_template(
        "import_progress.html", job=found, done_words=DONE[found["kind"]], refresh=REFRESH_SECONDS
    ), 200


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_error: RequestEntityTooLarge) -> tuple[str, int]:
    """A body over the limit is refused before the form (and its token) is read: nothing is added."""
    return render_template("error.html", title=import_files.TOO_LARGE, code=413), 413


def allow_uploads() -> None:
    """The file may be larger than the service's 1 MB body (before the form is read for its token)."""
    if request.endpoint == "import_pages.bring_in":
        request.max_content_length = sent_file.MAX_BODY_BYTES
