"""What a young person is told, and how it reaches them (contract v1.2, *Notifications*; issue 32).

They are told through the one channel they have: their own account, which shows the notice under
Messages on their pages and emails it to the address they were invited at. A young person with no
account, or whose account is disabled, is told nothing here: their worker tells them. Each notice
is in words a 16-year-old reads easily (the suite checks them with the pages' readability measure),
carries a link to their own pages rather than the record, and names nothing they may not see there:
no place, no other person. Each has a key per reader, so a job or request run twice tells them once.
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.models import MoveStep, Proposal, User
from housing.reviews import ReviewStatus
from housing.services.notifications import add
from housing.vocabulary import MoveStepKind, NotificationKind

OWN_HOME = "/me"  # their plan (web/own_pages.py)


def account(session: Session, young_person_id: str) -> User | None:
    """The young person's own account, if they have one and it is not disabled."""
    user = session.scalar(select(User).where(User.young_person_id == young_person_id))
    return user if user is not None and user.disabled_at is None else None


def proposal_shared(session: Session, proposal: Proposal) -> list[str]:
    """`proposal_shared`: a place to look at and answer. The link opens it; the words do not name it."""
    user = account(session, proposal.young_person_id)
    if user is None:
        return []
    return [add(
        session, user, f"shared:{proposal.id}", NotificationKind.PROPOSAL_SHARED,
        "A place for you to look at",
        "Your worker has shared a place with you. Have a look and tell them what you think.",
        f"/me/proposals/{proposal.id}",
    )]  # fmt: skip


def viewing_set(session: Session, step: MoveStep, today: date) -> list[str]:
    """`viewing_set`: a day is set for them to go and see the place they are moving to. Only a
    viewing still to come (today or later) is news to them: one recorded after it was held is not."""
    user = account(session, step.young_person_id)
    if user is None or step.kind != MoveStepKind.VIEWING or step.on < today:
        return []
    when = "today" if step.on == today else f"on {_day(step.on)}"
    return [add(
        session, user, f"viewing:{step.id}", NotificationKind.VIEWING_SET,
        "A day to see your new place",
        f"You will go to see the place {when}. Your worker will tell you more. Open your plan to see it.",
        OWN_HOME,
    )]  # fmt: skip


def review_due(session: Session, young_person_id: str, due: date, status: ReviewStatus) -> list[str]:
    """`review_due`, to them: their plan is to be talked through again. Once per review date, due or
    overdue alike (an overdue review is their worker's to arrange, not theirs to be chased for)."""
    user = account(session, young_person_id)
    if user is None:
        return []
    by = "soon" if status is ReviewStatus.OVERDUE else f"by {_day(due)}"
    return [add(
        session, user, f"own_review:{due}", NotificationKind.REVIEW_DUE,
        "Time to talk about your plan",
        f"Your worker will meet you to check your plan is still right for you. This should be {by}. "
        "You can ask to change things then.",
        OWN_HOME,
    )]  # fmt: skip


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
