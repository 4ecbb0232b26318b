"""Which young people a list shows, and what is due for each record shown: the filters as SQL.

The API's list and the officer's home page share these, so a filter means the same on both. Every
filter is a condition on stored columns compared with dates worked out once per request (ages and
the 17½ date are monotonic in the date of birth), so the database does the filtering and can
use its indexes; a tier of what is due (v1.2) is such a condition too (`in_tier`). The order by
tier and due date is the database's too (`housing.reads.due_columns.due_order`); the records of
the page shown get what is due from the rule itself (`standing`).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Protocol

from sqlalchemy import ColumnElement, and_, false, func, not_, or_, select
from sqlalchemy.orm import Session

from housing.due import MOVE_NOW_DAYS, STALE_RELEASE_DAYS, URGENT_DAYS, Due, due_on, their_date, tier_of
from housing.lifedates import ADULT_AGE, born_after_for_deadline, latest_born_aged
from housing.models import CohortMember, YoungPerson
from housing.reads.due_columns import settled
from housing.vocabulary import ACTIVE_STAGES, DueTier, PathwayStatus

YP = YoungPerson


@dataclass(frozen=True)
class Filters:
    """What an officer may narrow a list of young people by (api-contract v1.1, young people's `GET`)."""

    deadline_before: date | None = None
    status: str | None = None
    home_district: str | None = None
    due_before: date | None = None
    age_min: int | None = None
    age_max: int | None = None
    q: str | None = None
    due_tier: tuple[DueTier, ...] = ()  # any of these tiers (api-contract v1.2); empty: every tier


def aged_at_least(years: int, day: date) -> ColumnElement[bool]:
    return YP.date_of_birth <= latest_born_aged(years, day)


def _release_counts(today: date) -> ColumnElement[bool]:
    return YP.custody_release_date >= today - timedelta(days=STALE_RELEASE_DAYS)


def _own_date_before(day: date, today: date) -> ColumnElement[bool]:
    """Their date (the later of move and a recent release) is set and falls before `day`."""
    move_ok = or_(YP.move_date.is_(None), YP.move_date < day)
    release_ok = or_(
        YP.custody_release_date.is_(None), not_(_release_counts(today)), YP.custody_release_date < day
    )
    return and_(_has_own_date(today), move_ok, release_ok)


def _has_own_date(today: date) -> ColumnElement[bool]:
    return or_(YP.move_date.is_not(None), and_(YP.custody_release_date.is_not(None), _release_counts(today)))


def has_due(today: date) -> ColumnElement[bool]:
    """Something is due: not settled, and under 19, or with a move or recent release date."""
    return and_(not_(settled()), or_(not_(aged_at_least(ADULT_AGE + 1, today)), _has_own_date(today)))


def due_before(day: date, today: date) -> ColumnElement[bool]:
    """Due strictly before `day`, as `housing.due.due_on` would say, in one SQL condition."""
    under_18 = not_(aged_at_least(ADULT_AGE, today))
    aged_18 = and_(aged_at_least(ADULT_AGE, today), not_(aged_at_least(ADULT_AGE + 1, today)))
    turned_18_before = YP.date_of_birth < _born_after_for_birthday(day, ADULT_AGE)
    return and_(
        not_(settled()),
        or_(
            and_(
                under_18, or_(YP.date_of_birth < born_after_for_deadline(day), _own_date_before(day, today))
            ),
            and_(not_(under_18), _own_date_before(day, today)),
            and_(aged_18, not_(_has_own_date(today)), turned_18_before),
        ),
    )


def in_tier(tier: DueTier, today: date) -> ColumnElement[bool]:
    """In this tier of what is due today, as `housing.due.tier_of` would say, in one SQL condition.

    Each tier is the one before it excluded: a move within 28 days is due within 28 days, so it is
    never counted overdue, due soon or later as well.
    """
    move_now = and_(not_(settled()), _own_date_before(today + timedelta(days=MOVE_NOW_DAYS + 1), today))
    soon = due_before(today + timedelta(days=URGENT_DAYS + 1), today)
    if tier == DueTier.MOVE_NOW:
        return move_now
    if tier == DueTier.OVERDUE:
        return and_(due_before(today, today), not_(move_now))
    if tier == DueTier.SOON:
        return and_(soon, not_(due_before(today, today)), not_(move_now))
    if tier == DueTier.LATER:
        return and_(has_due(today), not_(soon))
    return not_(has_due(today))


def _born_after_for_birthday(day: date, years: int) -> date:
    """The earliest date of birth whose birthday of `years` falls on or after `day`."""
    return latest_born_aged(years, day - timedelta(days=1)) + timedelta(days=1)


def matching(filters: Filters, today: date) -> list[ColumnElement[bool]]:
    """The conditions a list applies: one per filter given."""
    where: list[ColumnElement[bool]] = []
    if filters.deadline_before is not None:
        # deadline < day  ⇔  born before the earliest birth date whose deadline is on or after day
        where.append(YP.date_of_birth < born_after_for_deadline(filters.deadline_before))
    if filters.status is not None:
        where.append(YP.pathway_status == filters.status)
    if filters.home_district is not None:
        where.append(YP.home_district == filters.home_district)
    if filters.due_before is not None:
        where.append(due_before(filters.due_before, today))
    if filters.age_min is not None:
        where.append(aged_at_least(filters.age_min, today))
    if filters.age_max is not None:
        where.append(not_(aged_at_least(filters.age_max + 1, today)))
    if filters.q:
        where.append(_named(filters.q))
    if filters.due_tier:
        where.append(or_(*(in_tier(tier, today) for tier in filters.due_tier)))
    return where


def _named(q: str) -> ColumnElement[bool]:
    """A case-insensitive part of the reference, a name, or "given family" as typed."""
    typed = " ".join(q.split()).lower()
    if not typed:
        return false()
    full_name = func.lower(YP.given_name + " " + YP.family_name)
    columns = (func.lower(YP.reference), func.lower(YP.given_name), func.lower(YP.family_name), full_name)
    return or_(*(column.contains(typed, autoescape=True) for column in columns))


def due_of(session: Session, people: list[YoungPerson], today: date) -> None:
    """Set each record's `due_now` and `due_tier_now` (a create or an update shows them on the model)."""
    found = standing(session, people, today)
    for person in people:
        person.due_now, person.due_tier_now = found[person.id]


class Standing(Protocol):
    """What the rule of what is due reads of a record (a model, or a row of these columns)."""

    id: str
    pathway_status: PathwayStatus
    date_of_birth: date
    move_date: date | None
    custody_release_date: date | None


def standing(
    session: Session, people: Sequence[Standing], today: date
) -> dict[str, tuple[Due | None, DueTier]]:
    """What is due today for each record, and how pressing it is: one query for cohort membership,
    then the rule."""
    ids = [p.id for p in people]
    in_cohort = set(
        session.scalars(
            select(CohortMember.young_person_id).where(
                CohortMember.young_person_id.in_(ids), CohortMember.stage.in_(ACTIVE_STAGES)
            )
        )
    )
    return {
        person.id: (None, DueTier.NONE)
        if person.pathway_status == PathwayStatus.AGREED or person.id in in_cohort
        else _standing(today, person.date_of_birth, person.move_date, person.custody_release_date)
        for person in people
    }


@lru_cache(maxsize=65_536)
def _standing(today: date, born: date, move: date | None, release: date | None) -> tuple[Due | None, DueTier]:
    """What is due for someone not settled, and its tier.

    Most young people share these inputs with many others (a birthday, no move date): remembering
    the answers makes a county-wide list of tens of thousands a few lookups each.
    """
    due = due_on(today, born, move, release)
    return due, tier_of(due, their_date(today, move, release), today)
