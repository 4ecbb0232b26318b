"""Nominations' lives: councils decide them, the county withdraws them. Declined or withdrawn, the place
is freed, the pair excluded and the pathway reopened (contract v1.2, *Nominations*)."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from housing.actors import SERVICE, Actor
from housing.db import found, transaction
from housing.errors import Conflict, Forbidden
from housing.models import District, Nomination, Placement
from housing.services import audit, events, notifications, placements
from housing.vocabulary import EndReason, EventKind, NominationStatus, Role


def _listed(session: Session, district: str, status: str | None) -> list[Nomination]:
    query = select(Nomination).where(Nomination.district == district)
    if status is not None:
        query = query.where(Nomination.status == status)
    return list(session.scalars(query.order_by(Nomination.created_at, Nomination.id)))


def shown(
    session: Session, actor: Actor, district: str, status: str | None, *, page: int, page_size: int
) -> tuple[list[Nomination], int]:
    """One page of the district's nominations; each young person on it is audited as seen."""
    with transaction(session):
        found = _listed(session, district, status)
        page_of = found[(page - 1) * page_size : page * page_size]
        audit.record_views(
            session,
            actor,
            sorted({n.young_person_id for n in page_of}),
            f"{audit.council(session, district)}'s nominations",
        )
        mark_seen(session, actor, page_of)
    return page_of, len(found)


def mark_seen(session: Session, actor: Actor, shown: list[Nomination]) -> None:
    """A council officer shown a pending nomination has seen it: from then the county's accept cannot
    be undone (housing.services.undo), only withdrawn with a reason. The county's own reads do not count."""
    if actor.role is not Role.DISTRICT_OFFICER:
        return
    pending = [n.id for n in shown if n.status == NominationStatus.PENDING and n.seen_at is None]
    if pending:
        session.execute(
            update(Nomination)
            .where(Nomination.id.in_(pending), Nomination.seen_at.is_(None))
            .values(seen_at=datetime.now(UTC))
        )


def withdraw(session: Session, actor: Actor, nomination_id: str, reason: str) -> Nomination:
    """The county takes back a pending nomination, with its reason; the council can no longer decide it."""
    with transaction(session):
        nomination = found(session, Nomination, nomination_id, "nomination")
        now = datetime.now(UTC)
        withdrawn = session.execute(
            update(Nomination)
            .where(Nomination.id == nomination_id, Nomination.status == NominationStatus.PENDING)
            .values(status=NominationStatus.WITHDRAWN, reason=reason, decided_by=actor.email, decided_at=now)
        )
        if withdrawn.rowcount != 1:
            session.refresh(nomination)
            raise Conflict(
                f"this nomination is {nomination.status} already; only a pending one can be withdrawn"
            )
        why = f"withdrawn by the county: {reason}"
        _free_the_place(
            session, actor, nomination, end_reason=EndReason.NOMINATION_WITHDRAWN, exclusion=why, now=now
        )
        events.record(
            session, EventKind.WITHDRAWN, subject_id=nomination.id,
            young_people=[nomination.young_person_id], options=[nomination.option_id], actor=actor,
        )  # fmt: skip
        council = audit.council(session, nomination.district)
        audit.record(
            session, actor, "withdraw", nomination.young_person_id,
            f"nomination to {council} withdrawn; the reason is kept with it",
        )  # fmt: skip
    session.refresh(nomination)
    return nomination


def decidable(session: Session, actor: Actor, nomination_id: str) -> Nomination:
    """The nomination, if this officer's council decides it: 404, then 403, before anything is read
    of the decision sent (the contract's order: 403 before 422 and 409).

    The decide's own guard, so it stays with the decide: the councils' API and pages ask it first
    only so that their refusals come in the same order as the decide's own."""
    nomination = found(session, Nomination, nomination_id, "nomination")
    if actor.district != nomination.district:
        raise Forbidden("only an officer of the nominated district decides")
    return nomination


def decide(
    session: Session, actor: Actor, nomination_id: str, decision: str, reason: str | None
) -> Nomination:
    with transaction(session):
        nomination = decidable(session, actor, nomination_id)
        now = datetime.now(UTC)
        decided = session.execute(
            update(Nomination)
            .where(Nomination.id == nomination_id, Nomination.status == NominationStatus.PENDING)
            .values(status=decision, reason=reason, decided_by=actor.email, decided_at=now)
        )
        if decided.rowcount != 1:
            raise Conflict("this nomination was decided already; a decision is final")
        if decision == NominationStatus.DECLINED:
            why = f"declined by {nomination.district}: {reason or 'no reason given'}"
            _free_the_place(
                session, actor, nomination, end_reason=EndReason.NOMINATION_DECLINED, exclusion=why, now=now
            )
            events.record(
                session, EventKind.DECLINED, subject_id=nomination.id,
                young_people=[nomination.young_person_id], options=[nomination.option_id], actor=actor,
            )  # fmt: skip
        council = audit.council(session, nomination.district)
        audit.record(
            session, actor, "decide", nomination.young_person_id,
            f"nomination to {council} {decision}; the reason is kept with it",
        )  # fmt: skip
    session.refresh(nomination)
    return nomination


def _free_the_place(
    session: Session,
    actor: Actor,
    nomination: Nomination,
    *,
    end_reason: EndReason,
    exclusion: str,
    now: datetime,
) -> None:
    placement = session.get(Placement, nomination.placement_id)
    placements.release_unstarted(
        session, actor, placement, end_reason=end_reason, exclusion=exclusion, now=now
    )


# A council's response time (contract v1.2, *Nominations*): set per district by the county, none
# assumed. Halfway through it the council is reminded; when it has passed, the nomination lapses.


def reminder_due_at(nomination: Nomination, days: int) -> datetime:
    return nomination.created_at + timedelta(days=days) / 2


def lapses_at(nomination: Nomination, days: int) -> datetime:
    return nomination.created_at + timedelta(days=days)


def lapse_and_remind(session: Session, now: datetime) -> tuple[list[str], list[str]]:
    """Lapse every pending nomination past its council's response time (freeing the place and
    reopening the pathway, as a decline does) and remind councils halfway through: the ids of the
    nominations lapsed and of the reminders written."""
    lapsed, reminders = [], []
    with transaction(session):
        waiting = session.execute(
            select(Nomination, District.nomination_response_days)
            .join(District, District.slug == Nomination.district)
            .where(
                Nomination.status == NominationStatus.PENDING, District.nomination_response_days.is_not(None)
            )
            .order_by(Nomination.created_at, Nomination.id)
        ).all()
        for nomination, days in waiting:
            if now >= lapses_at(nomination, days):
                if _lapse(session, nomination, days, now):
                    lapsed.append(nomination.id)
            elif now >= reminder_due_at(nomination, days) and nomination.reminded_at is None:
                nomination.reminded_at = now
                left = max(1, (lapses_at(nomination, days) - now).days + 1)
                reminders += notifications.remind(session, nomination, left)
    return lapsed, reminders


def _lapse(session: Session, nomination: Nomination, days: int, now: datetime) -> bool:
    reason = f"no answer within {days} days"
    changed = session.execute(
        update(Nomination)
        .where(Nomination.id == nomination.id, Nomination.status == NominationStatus.PENDING)
        .values(status=NominationStatus.LAPSED, reason=reason, decided_by=None, decided_at=now)
    )
    if changed.rowcount != 1:
        return False  # decided meanwhile: the council's answer stands
    _free_the_place(
        session, SERVICE, nomination, end_reason=EndReason.NOMINATION_LAPSED,
        exclusion=f"nomination to {nomination.district} lapsed: {reason}", now=now,
    )  # fmt: skip
    audit.record(session, SERVICE, "lapse", nomination.young_person_id,
                 f"nomination to {audit.council(session, nomination.district)} lapsed: {reason}")  # fmt: skip
    events.record(
        session,
        EventKind.LAPSED,
        subject_id=nomination.id,
        young_people=[nomination.young_person_id],
        options=[nomination.option_id],
    )
    session.refresh(nomination)
    return True
