"""The monthly figures an inspector asks for, over the last twelve months, from what Pathways holds.

Ofsted and the county's own self-assessment judge the service by a few shares over time: pathways
agreed by 17½ (the Joint Housing Protocol's deadline), care leavers of 18 to 21 in suitable
accommodation (93 % in 2022/23, scrutiny report 2.13), a personal adviser allocated by 16½ (the
self-assessment's plan), and what became of each council's nominations. Each month is worked out
from the dates in the store, so a month's figure does not change when it is read again later,
except where a later correction rewrote a date (a pathway undone, a judgement re-made).

Figures about groups only: reading them writes one audit entry naming no one. A commissioner sees
every count rounded (housing.disclosure), and each share worked out from the rounded counts.
"""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import disclosure, lifedates
from housing.actors import Actor
from housing.db import transaction
from housing.models import Allocation, District, Nomination, Placement, YoungPerson
from housing.services import audit
from housing.vocabulary import NominationStatus, PlacementStatus, Role, WorkerKind

MONTHS = 12
# A commissioner's share needs at least this many young people (rounded) behind it: worked out from
# counts rounded to 5, a share of fewer can be out by more than 10 points (8 of 12 would read 100 %).
# Managers see every share, from exact counts.
SMALLEST_ROUNDED_BASE = 30
NOMINATION_OUTCOMES = tuple(NominationStatus)
Rows = Sequence[Any]
Shown = Callable[[int], disclosure.Shown]


@dataclass(frozen=True)
class Share:
    """`part` of `whole` young people; `percent` is None where there is no share to say."""

    whole: disclosure.Shown
    part: disclosure.Shown
    percent: int | None


def _share(whole: int, part: int, rounded: bool) -> Share:
    if not rounded:
        return Share(whole, part, round(100 * part / whole) if whole else None)
    shown_whole, shown_part = disclosure.rounded(whole), disclosure.rounded(part)
    if (
        not isinstance(shown_whole, int)
        or not isinstance(shown_part, int)
        or shown_whole < SMALLEST_ROUNDED_BASE
    ):
        return Share(shown_whole, shown_part, None)
    return Share(shown_whole, shown_part, round(100 * shown_part / shown_whole))


FIGURES = ("agreed_by_17_and_a_half", "adviser_by_16_and_a_half", "suitable_18_to_21")


@dataclass(frozen=True)
class Month:
    first_day: date
    last_day: date  # the month's last day, or today for the month in progress
    in_progress: bool
    # Each figure (FIGURES): of those reaching 17½ this month, pathways agreed by then; of those
    # reaching 16½, a personal adviser by then; of 18-21s with their accommodation known on the
    # month's last day, those in suitable accommodation.
    shares: dict[str, Share]


@dataclass(frozen=True)
class CouncilMonth:
    """The nominations made to one council in one month, by what became of them."""

    first_day: date
    council: str
    made: disclosure.Shown
    outcomes: dict[NominationStatus, disclosure.Shown]


@dataclass(frozen=True)
class Report:
    months: list[Month]
    year: dict[str, Share]  # the twelve months together (suitable accommodation: on the last day)
    nominations: list[CouncilMonth]
    rounded: bool  # counts rounded to the nearest 5, small ones hidden (a commissioner's view)


@dataclass(frozen=True)
class _Facts:
    """What the months are worked out from, read in one short transaction."""

    people: Rows  # id, date of birth, pathway agreed on, judged suitable, judged on
    first_adviser: dict[str, date]  # each young person's first day with a personal adviser
    placements: Rows  # young person, starts on, ends on


def monthly(session: Session, actor: Actor, today: date) -> Report:
    """The twelve months to `today`, oldest first; one audit entry for the reading."""
    rounded = actor.role is Role.COMMISSIONER
    shown: Shown = disclosure.rounded if rounded else _exact
    with transaction(session):
        facts = _facts(session)
        made = session.execute(select(Nomination.district, Nomination.status, Nomination.created_at)).all()
        names = dict(session.execute(select(District.slug, District.name)).all())
        audit.record(session, actor, "report read", None, "read the monthly figures")
    firsts = _first_days(today)
    months = []
    for first in firsts:
        last = min(lifedates.add_months(first, 1) - timedelta(days=1), today)
        months.append(Month(first, last, last == today, _shares(_counts(facts, first, last), rounded)))
    return Report(
        months=months,
        year=_shares(_counts(facts, firsts[0], today), rounded),
        nominations=_nominations(made, names, today, shown),
        rounded=rounded,
    )


def _exact(n: int) -> disclosure.Shown:
    return n


def _first_days(today: date) -> list[date]:
    this_month = today.replace(day=1)
    return [lifedates.add_months(this_month, -back) for back in range(MONTHS - 1, -1, -1)]


def _facts(session: Session) -> _Facts:
    people = session.execute(
        select(
            YoungPerson.id,
            YoungPerson.date_of_birth,
            YoungPerson.pathway_agreed_on,
            YoungPerson.accommodation_suitable,
            YoungPerson.accommodation_judged_on,
        )
    ).all()
    first_adviser: dict[str, date] = {}
    advised = select(Allocation.young_person_id, Allocation.starts_on).where(
        Allocation.kind == WorkerKind.PERSONAL_ADVISER
    )
    for person_id, starts_on in session.execute(advised):
        first_adviser[person_id] = min(starts_on, first_adviser.get(person_id, starts_on))
    placements = session.execute(
        select(Placement.young_person_id, Placement.starts_on, Placement.ends_on).where(
            Placement.status.in_((PlacementStatus.ACTIVE, PlacementStatus.ENDED))
        )
    ).all()
    return _Facts(people, first_adviser, placements)


def _counts(facts: _Facts, first: date, last: date) -> dict[str, tuple[int, int]]:
    """Each figure's (whole, part) for the days from `first` to `last`."""
    agreed, advised, suitable = [0, 0], [0, 0], [0, 0]
    placed = {
        person
        for person, starts, ends in facts.placements
        if starts <= last and (ends is None or ends > last)
    }
    for person_id, born, agreed_on, judged_suitable, judged_on in facts.people:
        deadline = lifedates.pathway_deadline(born)
        if first <= deadline <= last:
            agreed[0] += 1
            agreed[1] += agreed_on is not None and agreed_on <= deadline
        sixteen_and_a_half = lifedates.add_months(born, 16 * 12 + 6)
        if first <= sixteen_and_a_half <= last:
            advised[0] += 1
            advised[1] += facts.first_adviser.get(person_id, date.max) <= sixteen_and_a_half
        if 18 <= lifedates.age_on(born, last) <= 21:
            if person_id in placed:  # suitable, as in the 903 return, unless an officer judged not
                suitable[0] += 1
                suitable[1] += judged_suitable is not False
            elif judged_on is not None and judged_on <= last:
                suitable[0] += 1
                suitable[1] += bool(judged_suitable)
    return dict(zip(FIGURES, (tuple(agreed), tuple(advised), tuple(suitable)), strict=True))


def _shares(counts: dict[str, tuple[int, int]], rounded: bool) -> dict[str, Share]:
    return {figure: _share(whole, part, rounded) for figure, (whole, part) in counts.items()}


def _nominations(rows: Rows, names: dict[str, str], today: date, shown: Shown) -> list[CouncilMonth]:
    """Nominations made each month to each council, by their status today; councils by name."""
    since = _first_days(today)[0]
    made: Counter[tuple[date, str]] = Counter()
    outcomes: Counter[tuple[date, str, NominationStatus]] = Counter()
    for district, status, created_at in rows:
        month = created_at.date().replace(day=1)
        if month >= since:
            made[month, district] += 1
            outcomes[month, district, status] += 1
    ordered = sorted(made, key=lambda key: (key[0], names[key[1]]))
    return [
        CouncilMonth(
            first_day=month,
            council=names[district],
            made=shown(made[month, district]),
            outcomes={status: shown(outcomes[month, district, status]) for status in NOMINATION_OUTCOMES},
        )
        for month, district in ordered
    ]
