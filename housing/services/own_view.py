"""What a young person and their officer do on the young person's own view (contract v1.2).

An officer shares a proposal with its young person: nothing unshared is shown to them, and never a
run. The young person answers it (yes, no or not sure, in their own words); their officer is told
and sees the answer on the proposal and when they accept it. The young person may also say that
part of their record is wrong: their worker is told, changes the record themselves, and marks the
request as dealt with in a short note the young person reads.
"""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import Conflict, Invalid, NotFound
from housing.models import ChangeRequest, Proposal, User
from housing.reads import superseded
from housing.services import audit, notifications, own_notices
from housing.text_rules import invisible_problem
from housing.vocabulary import Answer, NotificationKind, ProposalStatus, Role

WORDS_MAX = 1000
NOTE_MAX = 500  # what an officer did about a "this is wrong", as the young person reads it
ABOUT = ("links", "wishes", "other")
ANSWER_WORDS = {Answer.YES: "yes", Answer.NO: "no", Answer.NOT_SURE: "not sure"}


def share(session: Session, actor: Actor, proposal_id: str) -> tuple[Proposal, list[str]]:
    """Share an open proposal with its young person (once; sharing again changes nothing). They are
    told, by a notification carrying a link, when they have an account."""
    with transaction(session):
        proposal = session.get(Proposal, proposal_id)
        if proposal is None:
            raise NotFound(f"no proposal with id {proposal_id}")
        if proposal.status is not ProposalStatus.PROPOSED or superseded.why_overtaken(
            session, Proposal.id == proposal.id
        ):
            raise Conflict("only an open proposal can be shared with the young person")
        if proposal.shared_at is not None:
            return proposal, []
        proposal.shared_at, proposal.shared_by = datetime.now(UTC), actor.email
        audit.record(session, actor, "proposal shared", proposal.young_person_id,
                     f"shared {audit.proposal(session, proposal)} with the young person")  # fmt: skip
        told = own_notices.proposal_shared(session, proposal)
    return proposal, told


def own_shared(session: Session, actor: Actor, proposal_id: str) -> Proposal:
    """The proposal if it is this young person's and shared with them; otherwise a 404, as if it
    did not exist (contract: another's proposal is a 404 for this role).

    The answer's own guard, so it stays with `give_view`; the API asks it before reading a body, so
    that another's proposal is a 404 before any 422, and the own view's read asks it too."""
    proposal = session.get(Proposal, proposal_id) if "\x00" not in proposal_id else None
    if (
        proposal is None
        or actor.role is not Role.YOUNG_PERSON
        or proposal.young_person_id != actor.young_person_id
        or proposal.shared_at is None
    ):
        raise NotFound(f"no proposal with id {proposal_id}")
    return proposal


def give_view(
    session: Session, actor: Actor, proposal_id: str, view: str, words: str | None
) -> tuple[Proposal, list[str]]:
    """The young person's answer to a proposal shared with them; a new answer replaces the last
    (each is audited). Their officer is told: the allocated one, else the one who shared it."""
    with transaction(session):
        proposal = own_shared(session, actor, proposal_id)
        words = (words or "").strip() or None
        _check_words("words", words)
        if view not in {answer.value for answer in Answer}:
            raise Invalid.field("view", "must be one of: yes, no, not_sure")
        if proposal.status is not ProposalStatus.PROPOSED:
            raise Conflict("this proposal has been decided; your worker will talk to you about it")
        proposal.view, proposal.view_words, proposal.view_at = Answer(view), words, datetime.now(UTC)
        said = ANSWER_WORDS[Answer(view)]
        detail = f"answered {said!r} to {audit.proposal(session, proposal)}" + (f": {words}" if words else "")
        audit.record(session, actor, "view given", proposal.young_person_id, detail)
        officer = notifications.officer_for(session, proposal.young_person_id, proposal.shared_by)
        told = []
        if officer is not None:
            told.append(notifications.add(
                session, officer, f"view:{proposal.id}:{proposal.view_at.isoformat()}",
                NotificationKind.VIEW_GIVEN,
                "A young person answered a proposal",
                f"A young person you work with answered {said!r} to a proposal you shared. Open it to "
                "read their words before you decide.", f"/runs/{proposal.run_id}#{proposal.id}",
            ))  # fmt: skip
    session.refresh(proposal)
    return proposal, told


def ask_change(session: Session, actor: Actor, about: str, words: str) -> tuple[ChangeRequest, list[str]]:
    """ "This is wrong": kept for their worker, who is told and changes the record themselves."""
    words = (words or "").strip()
    if about not in ABOUT:
        raise Invalid.field("about", "must be one of: " + ", ".join(ABOUT))
    if not words:
        raise Invalid.field("words", "say what is wrong")
    _check_words("words", words)
    with transaction(session):
        asked = ChangeRequest(
            young_person_id=actor.young_person_id, about=about, words=words, asked_at=datetime.now(UTC)
        )
        session.add(asked)
        session.flush()
        audit.record(session, actor, "change asked", actor.young_person_id, f"said their {about} are wrong")
        officer = notifications.officer_for(session, actor.young_person_id, None)
        officers = [officer] if officer is not None else _housing_officers(session)
        told = [
            notifications.add(
                session, user, f"change:{asked.id}", NotificationKind.CHANGE_ASKED,
                "A young person asked for a change to their record",
                "A young person says something on their record is wrong. Open their record to read "
                "what they said and put it right.", f"/young-people/{actor.young_person_id}",
            )
            for user in officers
        ]  # fmt: skip
    return asked, told


def deal_with(session: Session, actor: Actor, change_id: str, note: str) -> ChangeRequest:
    """Mark a "this is wrong" as dealt with, with a short note of what was done: the officer sees it
    on the record, the young person on their own pages. Once: the first note stands, and marking it
    again is a conflict. An unknown request is a 404; a missing or overlong note is refused first."""
    note = (note or "").strip()
    with transaction(session):
        asked = session.get(ChangeRequest, change_id) if "\x00" not in change_id else None
        if asked is None:
            raise NotFound(f"no change request with id {change_id}")
        if not note:
            raise Invalid.field("note", "say what was done")
        _check_words("note", note, NOTE_MAX)
        if asked.done_at is not None:
            raise Conflict("this was marked as dealt with already")
        asked.done_at, asked.done_by, asked.done_note = datetime.now(UTC), actor.email, note
        audit.record(session, actor, "change dealt with", asked.young_person_id,
                     f"marked as dealt with their request about their {asked.about}: {note}")  # fmt: skip
    session.refresh(asked)
    return asked


def changes_shown(session: Session, actor: Actor, young_person_id: str) -> list[ChangeRequest]:
    """Every "this is wrong" of the young person, newest first, as an audited view of their record."""
    with transaction(session):
        found = list(
            session.scalars(
                select(ChangeRequest)
                .where(ChangeRequest.young_person_id == young_person_id)
                .order_by(ChangeRequest.asked_at.desc(), ChangeRequest.id)
            )
        )
        audit.record_views(session, actor, [young_person_id], "viewed what they said is wrong")
    return found


def _housing_officers(session: Session) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .where(User.role == Role.HOUSING_OFFICER, User.disabled_at.is_(None))
            .order_by(User.email)
        )
    )


def _check_words(field: str, words: str | None, most: int = WORDS_MAX) -> None:
    if words is None:
        return
    if len(words) > most:
        raise Invalid.field(field, f"at most {most} characters")
    problem = invisible_problem(words.replace("\n", " ").replace("\r", ""))
    if problem:
        raise Invalid.field(field, problem)
