"""Who is told what, in words: the notifications an event leaves, and the daily ones.

Routing (contract v1.2, *Notifications*): the young person's allocated housing support officer where
there is one (housing.services.workers), else the officer who acted, else one daily digest to
housing officers; a council's notifications go to that council's district officers. A notification
carries a link, never the record: it names no young person, so whoever reads it (or its email)
learns nothing their role may not see. Each has a unique key per reader, so nothing is sent twice.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from housing.db import transaction
from housing.errors import NotFound
from housing.models import District, Event, MatchingRun, Nomination, Notification, Placement, Proposal, User
from housing.permissions import OFFICERS
from housing.services import workers
from housing.vocabulary import EventKind, NotificationKind, Role

SERVICE_NAME = "Pathways"
# What the officer did, as the notification says it.
AFTER = {
    EventKind.REJECTED: "After you rejected a proposal",
    EventKind.DECLINED: "After the council declined your nomination",
    EventKind.WITHDRAWN: "After the nomination was withdrawn",
    EventKind.LAPSED: "After the council did not answer your nomination in time",
    EventKind.PLACE_FREED: "After you recorded the end of a placement",
    EventKind.NEW_OPTION: "After a new place was recorded",
}


def for_event(session: Session, found: Event, run: MatchingRun | None) -> list[str]:
    """Write the event's notifications (once each) and return their ids, to be emailed."""
    with transaction(session):
        planned = list(_planned(session, found, run))
        return [
            add(session, user, f"event:{found.id}:{kind}", kind, *words) for user, kind, *words in planned
        ]


def _planned(session: Session, found: Event, run: MatchingRun | None) -> Iterable[tuple]:
    if found.kind is EventKind.NOMINATED:
        nomination = session.get(Nomination, found.subject_id)
        district = session.get(District, nomination.district)
        for user in _district_officers(session, nomination.district):
            yield (user, NotificationKind.NOMINATION_RECEIVED, "A nomination is waiting for your decision",
                   f"The county has nominated a care leaver for a {district.name} home. Please decide "
                   "whether to accept the nomination.", "/district")  # fmt: skip
        return
    allocated = _allocated_officer(session, found.young_people)
    officer = allocated or _officer(session, found.actor_email)
    if found.kind in (EventKind.DECLINED, EventKind.LAPSED, EventKind.WITHDRAWN):
        nomination = session.get(Nomination, found.subject_id)
        officer = allocated or _nominating_officer(session, nomination) or officer
        if officer is not None and found.kind is not EventKind.WITHDRAWN:
            yield (officer, NotificationKind.PROPOSAL_DECLINED, *_declined_words(session, nomination))
    if officer is None or run is None:
        return  # nobody acted on the county's side: the daily digest tells housing officers
    concerned = [p for p in run.proposals if p.young_person_id in set(found.young_people)]
    if concerned:
        yield (officer, NotificationKind.NEW_PROPOSAL, "A new proposal is ready",
               f"{AFTER.get(found.kind, 'After a change')}, {SERVICE_NAME} proposed again. Open the "
               "run to see the new proposal and decide on it.", f"/runs/{run.id}")  # fmt: skip


def _declined_words(session: Session, nomination: Nomination) -> tuple[str, str, str]:
    name = session.get(District, nomination.district).name
    link = f"/young-people/{nomination.young_person_id}"
    if nomination.status == "lapsed":
        return (f"{name} did not answer a nomination in time",
                f"{name} did not decide on your nomination within the time set for it, so the "
                "nomination lapsed and the home was freed. A new proposal is being made.", link)  # fmt: skip
    return (f"{name} declined a nomination",
            f"{name} declined your nomination. Their reason: {nomination.reason or 'none given'}. "
            "A new proposal is being made.", link)  # fmt: skip


def digest(session: Session, day: date) -> list[str]:
    """One notification a day to each housing officer about proposals the service made on its own
    (no officer to tell) since the day before; nothing on a day without any."""
    since = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(days=1)
    with transaction(session):
        count = session.scalar(
            select(func.count(Proposal.id)).join(MatchingRun)
            .where(MatchingRun.created_by.is_(None), MatchingRun.created_at >= since)
        )  # fmt: skip
        if not count:
            return []
        officers = session.scalars(select(User).where(User.role == Role.HOUSING_OFFICER))
        plural = "proposal" if count == 1 else "proposals"
        return [
            add(session, user, f"digest:{day}", NotificationKind.NEW_PROPOSAL,
                 f"{count} new {plural} since yesterday",
                 f"{SERVICE_NAME} made {count} new {plural} since yesterday, after changes no one "
                 "asked it to act on. Open the list of runs to see them.", "/runs")
            for user in officers
        ]  # fmt: skip


def remind(session: Session, nomination: Nomination, days_left: int) -> list[str]:
    """Tell the council's officers that a nomination is waiting and how long is left (once)."""
    name = session.get(District, nomination.district).name
    left = "1 day" if days_left == 1 else f"{days_left} days"
    return [
        add(session, user, f"reminder:{nomination.id}", NotificationKind.NOMINATION_REMINDER,
             "A nomination is waiting for your decision",
             f"A nomination for a {name} home has not been decided. It lapses in {left} if no "
             "decision is recorded.", "/district")
        for user in _district_officers(session, nomination.district)
    ]  # fmt: skip


def add(session: Session, user: User, key: str, kind: NotificationKind, *words: str) -> str:
    """The reader's notification under `key` (subject, body, link), written unless it exists."""
    subject, body, link = words
    found = session.scalar(
        select(Notification.id).where(Notification.key == key, Notification.user_id == user.id)
    )
    if found is not None:
        return found
    made = Notification(user_id=user.id, key=key, kind=kind, subject=subject, body=body, link=link,
                        created_at=datetime.now(UTC))  # fmt: skip
    session.add(made)
    session.flush()
    return made.id


def officer_for(session: Session, young_person_id: str, acted: str | None) -> User | None:
    """Who is told about a young person: their allocated officer, else the officer who acted."""
    return _allocated_officer(session, [young_person_id]) or _officer(session, acted)


def _officer(session: Session, email: str | None) -> User | None:
    if email is None:
        return None
    user = session.scalar(select(User).where(User.email == email))
    return user if user is not None and user.role in OFFICERS else None


def _allocated_officer(session: Session, young_people: list[str]) -> User | None:
    """The housing support officer allocated to the first of the event's young people who has one."""
    allocated = workers.allocated_officers(session, young_people)
    for young_person_id in young_people:
        user = session.get(User, allocated[young_person_id]) if young_person_id in allocated else None
        if user is not None and user.role in OFFICERS and user.disabled_at is None:
            return user
    return None


def _nominating_officer(session: Session, nomination: Nomination) -> User | None:
    placement = session.get(Placement, nomination.placement_id)
    return _officer(session, placement.created_by if placement else None)


def _district_officers(session: Session, district: str) -> list[User]:
    return list(session.scalars(
        select(User).where(User.role == Role.DISTRICT_OFFICER, User.district == district).order_by(User.email)
    ))  # fmt: skip


# Marking: a user marks only their own; another's is a 404, as if it did not exist.


def mark_read(session: Session, user_id: str, notification_id: str) -> Notification:
    with transaction(session):
        found = session.get(Notification, notification_id)
        if found is None or found.user_id != user_id:
            raise NotFound(f"no notification with id {notification_id}")
        session.execute(
            update(Notification)
            .where(Notification.id == notification_id, Notification.read_at.is_(None))
            .values(read_at=datetime.now(UTC))
        )
    session.refresh(found)
    return found


def choose_email(session: Session, user_id: str, *, wanted: bool) -> None:
    with transaction(session):
        session.execute(update(User).where(User.id == user_id).values(email_notifications=wanted))
