"""Housing notes, the chronology of a case, and tasks, as those who work the case read them.

Reading notes (alone or in the chronology) is audited as a view of that young person's record, naming
what was read; a list of tasks audits a view of each young person it names.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import (
    HousingNote,
    HousingTask,
    MatchingRun,
    MoveStep,
    Nomination,
    Option,
    PathwayReview,
    Placement,
    Proposal,
    SignOff,
    User,
    YoungPerson,
)
from housing.permissions import CASE_READERS
from housing.services import audit
from housing.vocabulary import NoteKind, ProposalStatus, SignOffStatus

RECENT_PROPOSALS = 20  # the chronology shows the last few proposals, not every automatic run's


@dataclass(frozen=True)
class NoteView:
    id: str
    young_person: str
    kind: NoteKind
    happened_on: date
    text: str
    author: str
    written_at: datetime


@dataclass(frozen=True)
class Entry:
    """One line of the chronology: a note, or an event of the record, in words."""

    on: date
    at: datetime  # orders a day's entries
    kind: str  # note | proposal | decision | sign_off | nomination | move | review
    what: str
    by: str | None
    text: str | None = None  # a note's words


@dataclass(frozen=True)
class TaskView:
    id: str
    young_person: str
    name: str
    title: str
    due_on: date
    owner: str
    owner_email: str
    created_by: str
    created_at: datetime
    done_by: str | None
    done_at: datetime | None


def notes(session: Session, actor: Actor, young_person_id: str) -> list[NoteView]:
    """Newest first."""
    with transaction(session):
        _person(session, young_person_id)
        found = [as_note(n) for n in session.scalars(_notes_of(young_person_id))]
        audit.record_views(session, actor, [young_person_id], "read housing notes")
    return found


def chronology(session: Session, actor: Actor, young_person_id: str) -> tuple[str, list[Entry]]:
    """The young person's name and their case, newest first: notes merged with proposals, decisions,
    sign-off, nominations, moves and reviews."""
    with transaction(session):
        person = _person(session, young_person_id)
        entries = [*_note_entries(session, young_person_id), *_events(session, young_person_id)]
        audit.record_views(session, actor, [young_person_id], "read the chronology, housing notes included")
    return f"{person.given_name} {person.family_name}", sorted(
        entries, key=lambda e: (e.on, e.at), reverse=True
    )


def name_of(session: Session, actor: Actor, young_person_id: str) -> str:
    """Their name, for a form about them (a view of their record)."""
    with transaction(session):
        person = _person(session, young_person_id)
        audit.record_views(session, actor, [young_person_id], "opened a housing note form")
    return f"{person.given_name} {person.family_name}"


def tasks_of(session: Session, actor: Actor, young_person_id: str) -> tuple[str, list[TaskView]]:
    """Their name, and their tasks: open ones soonest due first, then those done."""
    with transaction(session):
        person = _person(session, young_person_id)
        found = _tasks(session, select(HousingTask).where(HousingTask.young_person_id == young_person_id))
        audit.record_views(session, actor, [young_person_id], "viewed housing tasks")
    return f"{person.given_name} {person.family_name}", found


def my_tasks(session: Session, actor: Actor) -> list[TaskView]:
    """The actor's open tasks, soonest due first (their home page)."""
    with transaction(session):
        query = select(HousingTask).where(
            HousingTask.owner_id == actor.user_id, HousingTask.done_at.is_(None)
        )
        found = _tasks(session, query)
        audit.record_views(session, actor, sorted({t.young_person for t in found}), "viewed their tasks")
    return found


def task(session: Session, task_id: str) -> TaskView:
    """One task as its writer sees it back (what they just wrote: not a further view to audit)."""
    return _tasks(session, select(HousingTask).where(HousingTask.id == task_id))[0]


def owners(session: Session) -> list[tuple[str, str]]:
    """Who may own a task: (user id, email) of everyone who works cases and can sign in."""
    rows = session.execute(
        select(User.id, User.email)
        .where(User.role.in_(CASE_READERS), User.disabled_at.is_(None))
        .order_by(User.email)
    )
    return [(user_id, email) for user_id, email in rows]


def _person(session: Session, young_person_id: str) -> YoungPerson:
    person = session.get(YoungPerson, young_person_id)
    if person is None:
        raise NotFound(f"no young person with id {young_person_id}")
    return person


def _notes_of(young_person_id: str):
    return (
        select(HousingNote)
        .where(HousingNote.young_person_id == young_person_id)
        .order_by(HousingNote.happened_on.desc(), HousingNote.written_at.desc())
    )


def as_note(note: HousingNote) -> NoteView:
    return NoteView(note.id, note.young_person_id, note.kind, note.happened_on, note.text, note.author,
                    note.written_at)  # fmt: skip


def _note_entries(session: Session, young_person_id: str) -> list[Entry]:
    return [
        Entry(n.happened_on, n.written_at, "note", n.kind.value.capitalize(), n.author, n.text)
        for n in session.scalars(_notes_of(young_person_id))
    ]


def _tasks(session: Session, query) -> list[TaskView]:
    rows = session.execute(
        query.add_columns(YoungPerson.given_name, YoungPerson.family_name)
        .join(YoungPerson, YoungPerson.id == HousingTask.young_person_id)
        .order_by(HousingTask.done_at.is_not(None), HousingTask.due_on, HousingTask.created_at)
    )
    return [
        TaskView(
            t.id,
            t.young_person_id,
            f"{given} {family}",
            t.title,
            t.due_on,
            t.owner_id,
            t.owner.email,
            t.created_by,
            t.created_at,
            t.done_by,
            t.done_at,
        )
        for t, given, family in rows
    ]


def _events(session: Session, young_person_id: str) -> list[Entry]:
    return [
        *_proposals(session, young_person_id),
        *_sign_offs(session, young_person_id),
        *_moves(session, young_person_id),
        *(Entry(r.reviewed_on, r.recorded_at, "review", "Pathway review held", r.recorded_by)
          for r in session.scalars(_of(PathwayReview, young_person_id))),
    ]  # fmt: skip


def _of(model, young_person_id: str):
    return select(model).where(model.young_person_id == young_person_id)


def _words(route: str, name: str, place: str) -> str:
    return f"{name}, {place} ({route.replace('_', ' ')})"


def _proposals(session: Session, young_person_id: str) -> list[Entry]:
    rows = session.execute(
        select(Proposal, MatchingRun.created_at, Option.name)
        .join(MatchingRun, MatchingRun.id == Proposal.run_id)
        .join(Option, Option.id == Proposal.option_id)
        .where(Proposal.young_person_id == young_person_id)
        .order_by(MatchingRun.created_at.desc())
        .limit(RECENT_PROPOSALS)
    )
    entries = []
    for proposal, made_at, name in rows:
        option = _words(proposal.route, name, proposal.place)
        entries.append(Entry(made_at.date(), made_at, "proposal", f"Proposed: {option}", None))
        if proposal.decided_at is not None and proposal.status is not ProposalStatus.PROPOSED:
            what = "Accepted" if proposal.status is ProposalStatus.ACCEPTED else "Rejected"
            reason = f" because {proposal.reason}" if proposal.reason else ""
            entries.append(Entry(proposal.decided_at.date(), proposal.decided_at, "decision",
                                 f"{what}: {option}{reason}", proposal.decided_by))  # fmt: skip
    return entries


def _sign_offs(session: Session, young_person_id: str) -> list[Entry]:
    entries = []
    for found in session.scalars(select(SignOff).where(SignOff.young_person_id == young_person_id)):
        entries.append(Entry(found.agreed_at.date(), found.agreed_at, "sign_off",
                             "Decision sent for a team manager's sign-off", found.agreed_by))  # fmt: skip
        if found.decided_at is not None:
            what = ("Signed off by a team manager" if found.status is SignOffStatus.SIGNED_OFF
                    else f"Sent back by a team manager: {found.reason}")  # fmt: skip
            entries.append(
                Entry(found.decided_at.date(), found.decided_at, "sign_off", what, found.decided_by)
            )
    return entries


def _moves(session: Session, young_person_id: str) -> list[Entry]:
    entries = []
    for placement in session.scalars(select(Placement).where(Placement.young_person_id == young_person_id)):
        option = _words(placement.option.route, placement.option.name, placement.option.place)
        entries.append(Entry(placement.starts_on, placement.created_at, "move", f"Placement starts: {option}",
                             placement.created_by))  # fmt: skip
        if placement.ends_on is not None:
            why = (placement.end_reason or "ended").replace("_", " ")
            entries.append(Entry(placement.ends_on, placement.ended_at or placement.created_at, "move",
                                 f"Placement ends ({why}): {option}", placement.ended_by))  # fmt: skip
    for step in session.scalars(select(MoveStep).where(MoveStep.young_person_id == young_person_id)):
        entries.append(Entry(step.on, step.recorded_at, "move", f"Move: {step.kind.replace('_', ' ')}",
                             step.recorded_by))  # fmt: skip
    for nomination in session.scalars(
        select(Nomination).where(Nomination.young_person_id == young_person_id)
    ):
        entries.append(Entry(nomination.created_at.date(), nomination.created_at, "nomination",
                             "Nominated to the council", None))  # fmt: skip
        if nomination.decided_at is not None:
            entries.append(Entry(nomination.decided_at.date(), nomination.decided_at, "nomination",
                                 f"Nomination {nomination.status}", None))  # fmt: skip
    return entries
