"""Housing notes, the chronology of a case, and tasks (issue 31). Notes are for those who work the
case (housing officers, team managers, admins): councils, coordinators and commissioners get a 403."""

from flask.views import MethodView

from housing.clock import today
from housing.models import HousingTask, YoungPerson
from housing.permissions import CASE_READERS
from housing.reads import casenotes as read
from housing.services import casenotes
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.store import db
from jsonapi.schemas.casenotes import ChronologySchema, NoteSchema, TaskSchema, TasksSchema

blp = Blueprint("casenotes", __name__, url_prefix="/api/v1", description="Housing notes and tasks")


@blp.route("/young-people/<young_person_id>/notes")
class Notes(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, NoteSchema(many=True))
    def get(self, young_person_id: str) -> list[read.NoteView]:
        """Their housing notes, newest first (reading them is audited)."""
        return read.notes(db(), actor(), young_person_id)

    @requires(*CASE_READERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(NoteSchema)
    @blp.response(201, NoteSchema)
    def post(self, body: dict, young_person_id: str) -> read.NoteView:
        """Write a note of a visit, call, meeting or decision; the author is whoever writes it."""
        return read.as_note(casenotes.write_note(db(), actor(), young_person_id, body, today()))


@blp.route("/young-people/<young_person_id>/chronology")
class Chronology(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, ChronologySchema)
    def get(self, young_person_id: str) -> dict:
        """Notes merged with the record's proposals, decisions, sign-off, moves and reviews, newest first."""
        return {"items": read.chronology(db(), actor(), young_person_id)[1]}


@blp.route("/young-people/<young_person_id>/tasks")
class Tasks(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, TasksSchema)
    def get(self, young_person_id: str) -> dict:
        """Open tasks soonest due first, then those done."""
        return {"items": read.tasks_of(db(), actor(), young_person_id)[1]}

    @requires(*CASE_READERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(TaskSchema)
    @blp.response(201, TaskSchema)
    def post(self, body: dict, young_person_id: str) -> read.TaskView:
        """Set a task with a due date and an owner, who is reminded when it falls due."""
        return read.task(db(), casenotes.add_task(db(), actor(), young_person_id, body, today()).id)


@blp.route("/tasks")
class MyTasks(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, TasksSchema)
    def get(self) -> dict:
        """The caller's own open tasks, soonest due first."""
        return {"items": read.my_tasks(db(), actor())}


@blp.route("/tasks/<task_id>/done")
class TaskDone(MethodView):
    @requires(*CASE_READERS)
    @exists(HousingTask, "task_id")
    @blp.response(200, TaskSchema)
    def post(self, task_id: str) -> read.TaskView:
        """Mark a task done (again: no change)."""
        return read.task(db(), casenotes.finish_task(db(), actor(), task_id).id)
