"""The database's due dates and tiers (`housing.reads.due_columns`) agree with the rule (`housing.due`).

The SQL re-states `due_on` and `tier_of` so that lists can be sorted, counted and cut into pages by
the database; these tests hold the two together on thousands of young people, on each backend:
ages either side of 17½, 18 and 19, births at months' ends and on 29 February, moves and custody
releases long past, recent, today and far ahead, pathways agreed, on days that are months' ends
and leap days themselves.
"""

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select

from housing.due import due_on, their_date, tier_of
from housing.models import YoungPerson
from housing.reads.due_columns import due_columns, due_counts, due_order
from housing.reads.young_people import in_tier
from housing.vocabulary import DueTier, PathwayStatus
from tests.builders import a_young_person

DAYS = (date(2026, 11, 23), date(2027, 2, 28), date(2028, 2, 29), date(2026, 12, 31), date(2027, 8, 31))
PEOPLE = 1_500


def someone(n: int, chance: random.Random) -> YoungPerson:
    """A young person whose dates sit near every boundary the rule has."""
    person = a_young_person(f"DC-{n:05d}")
    anchor = chance.choice(DAYS)
    years = chance.choice((15, 16, 17, 17, 17, 18, 18, 19, 20))
    if chance.random() < 0.3:  # born at a month's end, or on 29 February
        born = chance.choice((date(2008, 2, 29), date(2009, 8, 31), date(2010, 1, 31), date(2008, 12, 31)))
        born = born.replace(year=born.year + chance.choice((-2, -1, 0, 1, 2))) if born.month != 2 else born
    else:
        born = date(anchor.year - years, 1, 1) + timedelta(days=chance.randrange(366))
    person.date_of_birth = born
    if chance.random() < 0.45:
        person.move_date = anchor + timedelta(
            days=chance.choice((-400, -91, -1, 0, 1, 27, 28, 29, 90, 91, 300))
        )
    if chance.random() < 0.25:
        person.custody_release_date = anchor + timedelta(
            days=chance.choice((-120, -91, -90, -89, -5, 0, 28, 29))
        )
    if chance.random() < 0.08:
        person.pathway_status = PathwayStatus.AGREED
        person.pathway_route, person.pathway_agreed_on = "supported_lodgings", date(2026, 1, 1)
    return person


@pytest.fixture
def people(app):
    """1,500 young people written straight to the store, removed again before the invariants are checked
    (an agreed pathway here has no placement behind it)."""
    chance = random.Random(34)
    store = app.extensions["pathways"]
    with store.writer_factory() as session, session.begin():
        session.add_all([someone(n, chance) for n in range(PEOPLE)])
    with store.session_factory() as session:
        yield session
    with store.writer_factory() as session, session.begin():
        session.execute(delete(YoungPerson).where(YoungPerson.reference.like("DC-%")))


def by_the_rule(person: YoungPerson, today: date) -> tuple:
    settled = person.pathway_status == PathwayStatus.AGREED
    found = due_on(
        today, person.date_of_birth, person.move_date, person.custody_release_date, settled=settled
    )
    tier = tier_of(found, their_date(today, person.move_date, person.custody_release_date), today)
    return (found.on, found.kind.value) if found else (None, None), tier


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_the_database_works_out_every_due_date_kind_and_tier_as_the_rule_does(people, today):
    columns = due_columns(today)
    rows = people.execute(
        select(YoungPerson, columns.due, columns.kind, columns.tier_rank).where(
            YoungPerson.reference.like("DC-%")
        )
    ).all()
    assert len(rows) == PEOPLE
    disagree = [
        (person.reference, by_the_rule(person, today), ((due, kind), list(DueTier)[rank]))
        for person, due, kind, rank in rows
        if by_the_rule(person, today) != ((due, kind), list(DueTier)[rank])
    ]
    assert disagree == []
    # Every tier is met, so the agreement is not only on the easy cases.
    assert {list(DueTier)[rank] for *_, rank in rows} == set(DueTier)


@pytest.mark.parametrize("today", DAYS[:2], ids=str)
def test_the_order_counts_and_tier_filters_agree_with_sorting_by_the_rule(people, today):
    mine = [YoungPerson.reference.like("DC-%")]
    records = {p.id: p for p in people.scalars(select(YoungPerson).where(*mine))}
    ruled = {pid: by_the_rule(p, today) for pid, p in records.items()}
    tiers = list(DueTier)
    expected = sorted(
        records,
        key=lambda pid: (tiers.index(ruled[pid][1]), ruled[pid][0][0] or date.max, records[pid].reference),
    )
    assert [s.young_person_id for s in due_order(people, mine, today, with_nothing_due=True)] == expected
    page = due_order(people, mine, today, with_nothing_due=True, page=3, page_size=50)
    assert [s.young_person_id for s in page] == expected[100:150]
    counts = due_counts(people, mine, today)
    assert counts == {tier: sum(1 for _, t in ruled.values() if t == tier) for tier in DueTier}
    for tier in DueTier:
        in_sql = set(people.scalars(select(YoungPerson.id).where(*mine, in_tier(tier, today))))
        assert in_sql == {pid for pid, (_, t) in ruled.items() if t == tier}, tier
