"""What is due, its kind and its tier as SQL columns: `housing.due`'s rule, re-stated for the database.

A list ordered by what is due ("Who is due", the API's `order=due`) needs each young person's due
date and tier to sort by. Worked out in Python, that is every row read and the rule run for each
before the first page can be cut (1–2 s at ten times the county); as columns, the database sorts,
counts by tier and returns one page. `due_on` and `tier_of` stay the rule: these expressions say
the same thing, and `tests/test_due_columns.py` proves both agree on thousands of young people on
each backend (the windows, 28 and 90 days, and the ages come from `housing.due` and
`housing.lifedates`, never written out here).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import (
    ColumnElement,
    Date,
    String,
    Subquery,
    and_,
    case,
    func,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from housing.due import MOVE_NOW_DAYS, STALE_RELEASE_DAYS, URGENT_DAYS, Due, DueKind
from housing.lifedates import ADULT_AGE, PATHWAY_DEADLINE_MONTHS, latest_born_aged
from housing.models import CohortMember, YoungPerson
from housing.vocabulary import ACTIVE_STAGES, DueTier, PathwayStatus

YP = YoungPerson
TIER_ORDER = list(DueTier)  # move_now first, none last: the order lists are read in (contract v1.2)


class AddMonths(FunctionElement):
    """A date plus whole calendar months, the day clamped to the month's end (`lifedates.add_months`)."""

    type = Date()
    inherit_cache = True

    def __init__(self, day: ColumnElement, months: int) -> None:
        # The months as literal SQL, not a parameter: they are part of the statement's cache key.
        super().__init__(day, literal_column(str(int(months))))


@compiles(AddMonths, "postgresql")
def _add_months_postgresql(element: AddMonths, compiler, **kw) -> str:
    # PostgreSQL's interval arithmetic clamps the day to the month's end, as the Python rule does.
    day, months = (compiler.process(clause, **kw) for clause in element.clauses.clauses)
    return f"CAST({day} + make_interval(months => {months}) AS DATE)"


@compiles(AddMonths, "sqlite")
def _add_months_sqlite(element: AddMonths, compiler, **kw) -> str:
    # SQLite rolls 31 February on into March; the month's last day is the clamp.
    day, months = (compiler.process(clause, **kw) for clause in element.clauses.clauses)
    last_day = f"date({day}, 'start of month', '+{int(months) + 1} months', '-1 day')"
    return f"min(date({day}, '+{months} months'), {last_day})"


@compiles(AddMonths)
def _add_months_other(element: AddMonths, compiler, **kw) -> str:
    raise NotImplementedError(f"add months on {compiler.dialect.name}")


def later_of(a: ColumnElement, b: ColumnElement) -> ColumnElement:
    """The later of two dates, either may be null (SQLite's max and PostgreSQL's greatest differ on nulls)."""
    return case((a.is_(None), b), (b.is_(None), a), (a >= b, a), else_=b)


class UtcDay(FunctionElement):
    """The day, in UTC, of a moment stored as `UtcDateTime` (SQLite keeps it as UTC text)."""

    type = Date()
    inherit_cache = True


@compiles(UtcDay)
def _utc_day(element: UtcDay, compiler, **kw) -> str:
    return f"date({compiler.process(element.clauses, **kw)})"


@compiles(UtcDay, "postgresql")
def _utc_day_postgresql(element: UtcDay, compiler, **kw) -> str:
    return f"CAST(({compiler.process(element.clauses, **kw)}) AT TIME ZONE 'UTC' AS DATE)"


@dataclass(frozen=True)
class DueColumns:
    """A young person's standing on `today` as expressions over `young_people`: their own date
    (`housing.due.their_date`), what is due (`due_on`), its kind, and the tier's rank (`tier_of`)."""

    own: ColumnElement
    due: ColumnElement
    kind: ColumnElement
    tier_rank: ColumnElement


def settled() -> ColumnElement[bool]:
    """Nothing is due once the pathway is agreed, nor while the young person is in an active cohort."""
    in_cohort = select(CohortMember.young_person_id).where(CohortMember.stage.in_(ACTIVE_STAGES))
    return or_(YP.pathway_status == PathwayStatus.AGREED, YP.id.in_(in_cohort))


def due_columns(today: date) -> DueColumns:
    """`housing.due.due_on` and `tier_of` on `today`, for every row of `young_people` at once."""
    release = case(
        (YP.custody_release_date >= today - timedelta(days=STALE_RELEASE_DAYS), YP.custody_release_date)
    )
    own = type_coerce(later_of(YP.move_date, release), Date)
    deadline = AddMonths(YP.date_of_birth, PATHWAY_DEADLINE_MONTHS)
    under_adult = YP.date_of_birth > latest_born_aged(ADULT_AGE, today)
    adult_year = and_(
        YP.date_of_birth <= latest_born_aged(ADULT_AGE, today),
        YP.date_of_birth > latest_born_aged(ADULT_AGE + 1, today),
    )
    move_first = and_(own.is_not(None), own < deadline)
    settled_now = settled()
    due = type_coerce(
        case(
            (settled_now, null()),
            (under_adult, case((move_first, own), else_=deadline)),
            (own.is_not(None), own),
            (adult_year, AddMonths(YP.date_of_birth, 12 * ADULT_AGE)),
            else_=null(),
        ),
        Date,
    )
    kind = type_coerce(
        case(
            (settled_now, null()),
            (under_adult, case((move_first, DueKind.MOVE.value), else_=DueKind.PATHWAY.value)),
            (or_(own.is_not(None), adult_year), DueKind.MOVE.value),
            else_=null(),
        ),
        String,
    )
    rank = {tier: TIER_ORDER.index(tier) for tier in DueTier}
    tier_rank = case(
        (kind.is_(None), rank[DueTier.NONE]),
        (own <= today + timedelta(days=MOVE_NOW_DAYS), rank[DueTier.MOVE_NOW]),
        (due < today, rank[DueTier.OVERDUE]),
        (due <= today + timedelta(days=URGENT_DAYS), rank[DueTier.SOON]),
        else_=rank[DueTier.LATER],
    )
    return DueColumns(own=own, due=due, kind=kind, tier_rank=tier_rank)


class ByteOrder(FunctionElement):
    """Text ordered by its characters' code points, as Python sorts it: PostgreSQL's database
    collation (en_GB and the like) would skip hyphens and fold case, so it is told "C"."""

    inherit_cache = True

    def __init__(self, text: ColumnElement) -> None:
        super().__init__(text)


@compiles(ByteOrder)
def _byte_order(element: ByteOrder, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)  # SQLite's own order is by code point


@compiles(ByteOrder, "postgresql")
def _byte_order_postgresql(element: ByteOrder, compiler, **kw) -> str:
    return f'{compiler.process(element.clauses, **kw)} COLLATE "C"'


@dataclass(frozen=True)
class Standing:
    """One young person's place in a list ordered by what is due: their id, due date and tier."""

    young_person_id: str
    due: Due | None
    tier: DueTier


def _ranked(where: list[ColumnElement[bool]], today: date) -> Subquery:
    """Those matching `where`, each with what is due, its kind and its tier's rank, as columns."""
    columns = due_columns(today)
    return (
        select(
            YP.id,
            YP.reference,
            columns.due.label("due"),
            columns.kind.label("kind"),
            columns.tier_rank.label("tier_rank"),
        )
        .where(*where)
        .subquery()
    )


def due_order(
    session: Session,
    where: list[ColumnElement[bool]],
    today: date,
    *,
    with_nothing_due: bool = False,
    tier: DueTier | None = None,
    kind: DueKind | None = None,
    page: int = 1,
    page_size: int | None = None,
) -> list[Standing]:
    """Those matching `where` with something due (and, if asked, those with nothing due, last),
    most pressing tier first, then soonest due, then by reference (api-contract v1.2, `order=due`);
    narrowed to one `tier` or `kind` if given, one page of `page_size` if given.

    Only ids and what is due are read, one page of them: the caller loads the records it shows.
    """
    ranked = _ranked(where, today)
    query = select(ranked.c.id, ranked.c.due, ranked.c.kind, ranked.c.tier_rank)
    if not with_nothing_due:
        query = query.where(ranked.c.kind.is_not(None))
    if tier is not None:
        query = query.where(ranked.c.tier_rank == TIER_ORDER.index(tier))
    if kind is not None:
        query = query.where(ranked.c.kind == kind.value)
    query = query.order_by(ranked.c.tier_rank, ranked.c.due, ByteOrder(ranked.c.reference))
    if page_size is not None:
        query = query.limit(page_size).offset((page - 1) * page_size)
    return [
        Standing(person_id, Due(on, DueKind(kind_of)) if kind_of else None, TIER_ORDER[rank])
        for person_id, on, kind_of, rank in session.execute(query)
    ]


def due_counts(
    session: Session, where: list[ColumnElement[bool]], today: date, *, kind: DueKind | None = None
) -> dict[DueTier, int]:
    """How many of those matching `where` are in each tier (of `kind` only, if given): one query."""
    ranked = _ranked(where, today)
    query = select(ranked.c.tier_rank, func.count()).group_by(ranked.c.tier_rank)
    if kind is not None:
        query = query.where(ranked.c.kind == kind.value)
    counts = dict.fromkeys(DueTier, 0)
    for rank, count in session.execute(query):
        counts[TIER_ORDER[rank]] = count
    return counts
