"""Housing notes, the chronology and tasks on pages (issue 31): for those who work the case only.

Each form is loaded by the API's schema and saved by the same use case (`housing.services.casenotes`).
"""

from flask import g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from housing.clock import today
from housing.permissions import CASE_READERS
from housing.reads import casenotes as read
from housing.services import casenotes
from housing.vocabulary import NoteKind, Role
from httpkit.store import db
from jsonapi.schemas.casenotes import NoteSchema, TaskSchema
from web import forms
from web.sessions import page, page_blueprint

bp = page_blueprint("casenote_pages", __name__)
NOTE_LABELS = forms.Labels(
    {"kind": "what kind of note it is", "happened_on": "the date it happened", "text": "the note"}, ("kind",)
)
TASK_LABELS = forms.Labels(
    {"title": "the task", "due_on": "the date it is due", "owner": "who owns it"}, ("owner",)
)
KINDS = [(k.value, k.value.capitalize()) for k in NoteKind]


@bp.get("/young-people/<young_person_id>/notes")
@page(*CASE_READERS)
def chronology(young_person_id: str) -> str:
    name, entries = read.chronology(db(), g.actor, young_person_id)
    return render_template("chronology.html", name=name, young_person_id=young_person_id, entries=entries,
                           done=request.args.get("done"))  # fmt: skip


@bp.route("/young-people/<young_person_id>/notes/new", methods=["GET", "POST"])
@page(*CASE_READERS)
def write_note(young_person_id: str) -> str | Response | tuple[str, int]:
    name = read.name_of(db(), g.actor, young_person_id)
    values, errors = {"happened_on": forms.date_boxes(today())}, {}
    if request.method == "POST":
        values = dict(request.form) | {"happened_on": _boxes("happened_on")}
        sent = {"kind": request.form.get("kind"), "happened_on": forms.date_from(request.form, "happened_on"),
                "text": request.form.get("text", "").strip()}  # fmt: skip
        body, errors = forms.load(NoteSchema(), {k: v for k, v in sent.items() if v}, NOTE_LABELS)
        write = lambda b: casenotes.write_note(db(), g.actor, young_person_id, b, today())  # noqa: E731
        if forms.saved(write, body, errors, NOTE_LABELS, "text"):
            return redirect(
                url_for("casenote_pages.chronology", young_person_id=young_person_id, done="note")
            )
    return render_template("note_form.html", name=name, young_person_id=young_person_id, values=values,
                           errors=errors, kinds=KINDS), 400 if errors else 200  # fmt: skip


@bp.route("/young-people/<young_person_id>/tasks", methods=["GET", "POST"])
@page(*CASE_READERS)
def tasks(young_person_id: str) -> str | Response | tuple[str, int]:
    name, found = read.tasks_of(db(), g.actor, young_person_id)
    values, errors = {"owner": g.actor.user_id, "due_on": {}}, {}
    if request.method == "POST":
        values = dict(request.form) | {"due_on": _boxes("due_on")}
        sent = {"title": request.form.get("title", "").strip(), "owner": request.form.get("owner"),
                "due_on": forms.date_from(request.form, "due_on")}  # fmt: skip
        body, errors = forms.load(TaskSchema(), {k: v for k, v in sent.items() if v}, TASK_LABELS)
        add = lambda b: casenotes.add_task(db(), g.actor, young_person_id, b, today())  # noqa: E731
        if forms.saved(add, body, errors, TASK_LABELS, "title"):
            return redirect(url_for("casenote_pages.tasks", young_person_id=young_person_id, done="task"))
    shown = render_template("tasks.html", name=name, young_person_id=young_person_id, found=found,
                            values=values, errors=errors, owners=read.owners(db()),
                            done=request.args.get("done"))  # fmt: skip
    return shown, 400 if errors else 200


@bp.post("/tasks/<task_id>/done")
@page(*CASE_READERS)
def task_done(task_id: str) -> Response:
    task = casenotes.finish_task(db(), g.actor, task_id)
    if request.form.get("back") == "home":  # the task was ticked off on the owner's home page
        home = "casework_pages.team_page" if g.actor.role is Role.TEAM_MANAGER else "deadlines.home"
        return redirect(url_for(home, done="task-done"))
    return redirect(url_for("casenote_pages.tasks", young_person_id=task.young_person_id, done="task-done"))


def _boxes(name: str) -> dict[str, str]:
    return {part: request.form.get(f"{name}-{part}", "") for part in ("day", "month", "year")}


def my_tasks() -> list[read.TaskView]:
    """The signed-in worker's open tasks, for their home page (each young person named is a view)."""
    return read.my_tasks(db(), g.actor)


bp.add_app_template_global(my_tasks, "my_tasks")
