"""The notifications of casework (issue 31), written by the periodic jobs: `sign_off_requested` to
team managers while a decision awaits them, `decision_sent_back` to the officer who agreed one,
`task_due` to a task's owner on the day it falls due, and `review_due` to the allocated officer
(else one daily digest to housing officers) and to the young person themselves (issue 32). Like
every notification they name no young person and carry a link; each has a key per reader, so a job
run twice tells no one twice.
"""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from housing.db import transaction
from housing.models import HousingTask, SignOff, User
from housing.reads import pathway_reviews
from housing.reviews import ReviewStatus
from housing.services import own_notices
from housing.services.notifications import add
from housing.vocabulary import NotificationKind, Role, SignOffStatus

SENT_BACK_WITHIN = timedelta(days=2)  # a sent-back decision is told about on the next runs, not forever


def sign_offs(session: Session, now: datetime) -> list[str]:
    with transaction(session):
        made = []
        managers = _users(session, Role.TEAM_MANAGER)
        for found in session.scalars(select(SignOff).where(SignOff.status == SignOffStatus.AWAITING)):
            made += [
                add(session, manager, f"sign_off:{found.id}", NotificationKind.SIGN_OFF_REQUESTED,
                    "A housing decision is waiting for your sign-off",
                    "An officer agreed a housing decision that needs a team manager's sign-off. Open it to "
                    "sign it off or send it back with a reason.", f"/sign-offs/{found.id}")
                for manager in managers if manager.email != found.agreed_by
            ]  # fmt: skip
        sent_back = select(SignOff).where(
            SignOff.status == SignOffStatus.SENT_BACK, SignOff.decided_at >= now - SENT_BACK_WITHIN
        )
        for found in session.scalars(sent_back):
            officer = session.scalar(
                select(User).where(User.email == found.agreed_by, User.disabled_at.is_(None))
            )
            if officer is not None:
                made.append(add(
                    session, officer, f"sent_back:{found.id}", NotificationKind.DECISION_SENT_BACK,
                    "A team manager sent back a housing decision",
                    "A team manager sent back a housing decision you agreed, with a reason. The proposal is "
                    "open again: open the record to see the reason.",
                    f"/young-people/{found.young_person_id}",
                ))  # fmt: skip
    return made


def tasks_due(session: Session, today: date) -> list[str]:
    """Each open task due today or before is reminded to its owner once."""
    with transaction(session):
        due = session.scalars(
            select(HousingTask).where(
                HousingTask.done_at.is_(None), HousingTask.reminded_at.is_(None), HousingTask.due_on <= today
            )
        ).all()
        made = [
            add(session, task.owner, f"task:{task.id}", NotificationKind.TASK_DUE, "A task is due",
                f"A task you own is due on {_day(task.due_on)}. Open your tasks to see it and mark it done.",
                f"/young-people/{task.young_person_id}/tasks")
            for task in due if task.owner.disabled_at is None
        ]  # fmt: skip
        session.execute(
            update(HousingTask)
            .where(HousingTask.id.in_([task.id for task in due]))
            .values(reminded_at=datetime.now(UTC))
        )
    return made


def reviews_due(session: Session, today: date) -> list[str]:
    """Each allocated officer once per review date and status; the unallocated in one daily digest;
    and each young person with their own account, once per review date."""
    found = pathway_reviews.review_due_notices(session, today)
    with transaction(session):
        made = []
        for person_id, officer_id, due, status in found:
            made += own_notices.review_due(session, person_id, due, status)  # they are told too
            officer = session.get(User, officer_id) if officer_id else None
            if officer is None or officer.disabled_at is not None:
                continue
            late = status is ReviewStatus.OVERDUE
            made.append(add(
                session, officer, f"review:{person_id}:{due}:{status.value}", NotificationKind.REVIEW_DUE,
                "A pathway review is overdue" if late else "A pathway review is due",
                f"A young person you work with {'was' if late else 'is'} due a pathway review on "
                f"{_day(due)}. Open their record to see it, and record the review when it is held.",
                f"/young-people/{person_id}",
            ))  # fmt: skip
        unallocated = sum(1 for _p, officer_id, _d, _s in found if officer_id is None)
        if unallocated:
            plural = "review is" if unallocated == 1 else "reviews are"
            made += [
                add(session, officer, f"review_digest:{today}", NotificationKind.REVIEW_DUE,
                    f"{unallocated} pathway {plural} due or overdue with no officer allocated",
                    f"{unallocated} pathway {plural} due within 28 days or overdue for young people with no "
                    "housing support officer allocated. Open the list of reviews to see them.", "/reviews")
                for officer in _users(session, Role.HOUSING_OFFICER)
            ]  # fmt: skip
    return made


def _users(session: Session, role: Role) -> list[User]:
    return list(session.scalars(
        select(User).where(User.role == role, User.disabled_at.is_(None)).order_by(User.email)
    ))  # fmt: skip


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
