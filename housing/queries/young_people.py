"""Which young people a list shows, and what is due for each: the filters as SQL, the due rule in Python.

The API's list and the officer's home page share these, so a filter means the same on both. Every
filter is a condition on stored columns compared with dates worked out once per request (ages and
the 17½ date are monotonic in the date of birth), so the database does the filtering and can
use its indexes. Only the order by due date needs each young person's own date, and that is
worked out in Python over a narrow query of four columns (`due_order`).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import ColumnElement, and_, false, func, not_, or_, select
from sqlalchemy.orm import Session

from housing.due import STALE_RELEASE_DAYS, Due, due_on
from housing.lifedates import ADULT_AGE, birthday, born_after_for_deadline
from housing.models import CohortMember, YoungPerson
from housing.vocabulary import ACTIVE_STAGES, PathwayStatus

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


def latest_born_aged(years: int, day: date) -> date:
    """The latest date of birth of someone at least `years` old on `day` (a clamped birthday counts)."""
    candidate = birthday(day, -years)
    while birthday(candidate + timedelta(days=1), years) <= day:
        candidate += timedelta(days=1)
    while birthday(candidate, years) > day:
        candidate -= timedelta(days=1)
    return candidate


def aged_at_least(years: int, day: date) -> ColumnElement[bool]:
    return YP.date_of_birth <= latest_born_aged(years, day)


def settled() -> ColumnElement[bool]:
    """Nothing is due once the pathway is agreed, nor while the young person is in an active cohort."""
    in_cohort = select(CohortMember.young_person_id).where(CohortMember.stage.in_(ACTIVE_STAGES))
    return or_(YP.pathway_status == PathwayStatus.AGREED, YP.id.in_(in_cohort))


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
    """Set each record's `due_now` (what is due today): one query for cohort membership, then the rule."""
    ids = [p.id for p in people]
    in_cohort = set(
        session.scalars(
            select(CohortMember.young_person_id).where(
                CohortMember.young_person_id.in_(ids), CohortMember.stage.in_(ACTIVE_STAGES)
            )
        )
    )
    for person in people:
        person.due_now = due_on(
            today,
            person.date_of_birth,
            person.move_date,
            person.custody_release_date,
            settled=person.pathway_status == PathwayStatus.AGREED or person.id in in_cohort,
        )


# Most young people share their due date's inputs with many others (a birthday, no move date):
# remembering the rule's answers makes a county-wide list of tens of thousands a few lookups each.
_due_on = lru_cache(maxsize=65_536)(due_on)


def due_order(session: Session, where: list[ColumnElement[bool]], today: date) -> list[tuple[str, Due]]:
    """Ids and due dates of everyone matching `where` with something due, soonest first.

    Four narrow columns are read, not whole records: the caller loads only the page it shows.
    """
    rows = session.execute(
        select(YP.id, YP.reference, YP.date_of_birth, YP.move_date, YP.custody_release_date).where(
            has_due(today), *where
        )
    )
    dues = [
        (due, reference, person_id)
        for person_id, reference, born, move, release in rows
        if (due := _due_on(today, born, move, release)) is not None
    ]
    dues.sort(key=lambda item: (item[0].on, item[1]))
    return [(person_id, due) for due, _reference, person_id in dues]
