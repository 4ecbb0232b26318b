"""Housing notes and tasks on a young person's case (issue 31): written by those who work the case.

A note says what happened on a day (a visit, a call, a meeting, a decision) in its author's words; a
task is owned by one case worker (a housing support officer, a team manager or an admin) and falls
due on a date, when its owner is reminded. Each write is audited; what the note says is not copied
into the audit (it names the note), so the trail carries no more personal detail than it must.
"""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing.actors import Actor
from housing.db import transaction
from housing.errors import Invalid, NotFound
from housing.models import HousingNote, HousingTask, User, YoungPerson
from housing.permissions import CASE_READERS
from housing.services import audit


def write_note(
    session: Session, actor: Actor, young_person_id: str, data: dict[str, Any], today: date
) -> HousingNote:
    with transaction(session):
        _person(session, young_person_id)
        if data["happened_on"] > today:
            raise Invalid.field("happened_on", "must not be in the future")
        note = HousingNote(
            young_person_id=young_person_id, kind=data["kind"], happened_on=data["happened_on"],
            text=data["text"].strip(), author=actor.email, written_at=datetime.now(UTC),
        )  # fmt: skip
        session.add(note)
        session.flush()
        audit.record(
            session,
            actor,
            "note",
            young_person_id,
            f"wrote a housing note of a {words.value(note.kind)} on {words.day(note.happened_on)}",
        )
    return note


def add_task(
    session: Session, actor: Actor, young_person_id: str, data: dict[str, Any], today: date
) -> HousingTask:
    with transaction(session):
        _person(session, young_person_id)
        owner_id = data.get("owner") or actor.user_id
        owner = session.get(User, owner_id)
        if owner is None or owner.role not in CASE_READERS or owner.disabled_at is not None:
            raise Invalid.field(
                "owner", "must be a housing support officer, team manager or admin who can sign in"
            )
        if data["due_on"] < today:
            raise Invalid.field("due_on", "must be today or later")
        task = HousingTask(
            young_person_id=young_person_id, title=data["title"].strip(), due_on=data["due_on"],
            owner_id=owner.id, created_by=actor.email, created_at=datetime.now(UTC),
        )  # fmt: skip
        session.add(task)
        session.flush()
        audit.record(session, actor, "task", young_person_id,
                     f"set the task {task.title!r} for {owner.email}, "
                     f"due {words.day(task.due_on)}")  # fmt: skip
    session.refresh(task)
    return task


def finish_task(session: Session, actor: Actor, task_id: str) -> HousingTask:
    """Marking a done task done again changes nothing."""
    with transaction(session):
        task = session.get(HousingTask, task_id)
        if task is None:
            raise NotFound(f"no task with id {task_id}")
        finished = session.execute(
            update(HousingTask)
            .where(HousingTask.id == task.id, HousingTask.done_at.is_(None))
            .values(done_by=actor.email, done_at=datetime.now(UTC))
        )
        if finished.rowcount:
            audit.record(session, actor, "task done", task.young_person_id,
                         f"marked the task {task.title!r}, due {words.day(task.due_on)}, done")  # fmt: skip
    session.refresh(task)
    return task


def _person(session: Session, young_person_id: str) -> YoungPerson:
    person = session.get(YoungPerson, young_person_id)
    if person is None:
        raise NotFound(f"no young person with id {young_person_id}")
    return person
