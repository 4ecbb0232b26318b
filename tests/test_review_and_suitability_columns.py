"""The database's review dates and suitability counts agree with their rules, on many young people.

Reviews due (`housing.reads.review_columns`) re-state `housing.reviews.review_due_on` so the
database can count, sort and page them; the home page's suitability figures
(`housing.reads.suitability.by_age_band`) re-state `recorded`'s rule so the database can count
them. Each is checked here against the rule run in Python, on each backend.
"""

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from housing import reviews
from housing.actors import Actor
from housing.lifedates import age_on
from housing.models import Option, PathwayReview, Placement, YoungPerson
from housing.reads import suitability
from housing.reads.pathway_reviews import OLDEST, due_reviews
from housing.reviews import ReviewStatus
from housing.vocabulary import PlacementStatus, Role
from tests.builders import a_young_person, an_option

TODAY = date(2026, 12, 7)
PEOPLE = 800
OFFICER = Actor("bench", "housing_officer.county@test.example", Role.HOUSING_OFFICER)


def someone(n: int, chance: random.Random) -> YoungPerson:
    person = a_young_person(f"RC-{n:04d}")
    if chance.random() < 0.2:
        person.date_of_birth = chance.choice((date(2008, 2, 29), date(2009, 8, 31), date(2010, 6, 30)))
    else:
        person.date_of_birth = TODAY - timedelta(days=chance.randrange(14 * 365, 27 * 365))
    person.accommodation_code = chance.choice((None, None, "B", "Z", "R"))
    person.accommodation_suitable = chance.choice((None, True, False))
    return person


@pytest.fixture
def people(app):
    """Young people with reviews held, placements (Staying Put among them) ended or current;
    removed again before the invariants are checked (their options' counts are not kept)."""
    chance = random.Random(34)
    store = app.extensions["pathways"]
    now = datetime.now(UTC)
    with store.writer_factory() as session, session.begin():
        other = an_option("RC-other")
        other.capacity = PEOPLE
        made = [someone(n, chance) for n in range(PEOPLE)]
        session.add_all([other, *made])
        session.flush()
        for person in made:
            for _ in range(chance.choice((0, 0, 1, 2))):
                held = TODAY - timedelta(days=chance.randrange(-10, 400))
                session.add(PathwayReview(young_person_id=person.id, reviewed_on=held,
                                          recorded_by="test", recorded_at=now))  # fmt: skip
            if chance.random() < 0.5:
                where = other
                if chance.random() < 0.5:  # Staying Put: an option naming them
                    where = an_option(f"RC-{person.reference}")
                    where.route, where.registered_16_17 = "staying_put", None
                    where.young_person_id, where.carer_willing = person.id, True
                    session.add(where)
                    session.flush()
                current = chance.random() < 0.5
                session.add(Placement(
                    young_person_id=person.id, option_id=where.id,
                    status=PlacementStatus.ACTIVE if current else PlacementStatus.ENDED, created_at=now,
                    created_by="test", starts_on=TODAY - timedelta(days=chance.randrange(2 - 32 * current, 500)),
                    ends_on=None if current else TODAY - timedelta(days=1),
                    end_reason=None if current else "breakdown",
                ))  # fmt: skip
    with store.session_factory() as session:
        yield session
    with store.writer_factory() as session, session.begin():
        mine = select(YoungPerson.id).where(YoungPerson.reference.like("RC-%"))
        session.execute(delete(Placement).where(Placement.young_person_id.in_(mine)))
        session.execute(delete(PathwayReview).where(PathwayReview.young_person_id.in_(mine)))
        session.execute(delete(Option).where(Option.name.like("Room RC-%")))
        session.execute(delete(YoungPerson).where(YoungPerson.reference.like("RC-%")))


def test_reviews_due_in_the_database_agree_with_the_rule_for_everyone_aged_16_to_25(people):
    last, started = {}, {}
    for review in people.scalars(select(PathwayReview)):
        last[review.young_person_id] = max(review.reviewed_on, last.get(review.young_person_id, date.min))
    for placement in people.scalars(select(Placement)):
        started[placement.young_person_id] = max(
            placement.starts_on, started.get(placement.young_person_id, date.min)
        )
    expected = []
    for person in people.scalars(select(YoungPerson)):
        if 16 <= age_on(person.date_of_birth, TODAY) <= OLDEST:
            due = reviews.review_due_on(person.date_of_birth, last.get(person.id), started.get(person.id))
            expected.append((due, person.reference, person.id, reviews.review_status(due, TODAY)))
    expected.sort()

    found, total, counts = due_reviews(people, OFFICER, TODAY, tuple(ReviewStatus), page=1, page_size=10_000)

    assert [(r.next_due, r.young_person.id, r.status) for r in found] == [
        (d, i, s) for d, _, i, s in expected
    ]
    assert total == len(expected)
    assert counts == {status: sum(1 for *_, s in expected if s is status) for status in ReviewStatus}
    assert set(counts.values()) != {0}
    overdue, _, _ = due_reviews(people, OFFICER, TODAY, (ReviewStatus.OVERDUE,), page=2, page_size=20)
    assert [r.young_person.id for r in overdue] == [
        i for _, _, i, s in expected if s is ReviewStatus.OVERDUE
    ][20:40]


@pytest.mark.parametrize("on", [TODAY, date(2028, 2, 29)], ids=str)
def test_suitability_by_age_band_in_the_database_agrees_with_the_records_rule(people, on):
    counts = {band: [0, 0] for band in suitability.AGE_BANDS}
    for person, _letter, suitable, _judged_on in suitability.recorded(people):
        for band, (youngest, oldest) in suitability.AGE_BANDS.items():
            if youngest <= age_on(person.date_of_birth, on) <= oldest:
                counts[band][0] += 1
                counts[band][1] += suitable

    figures = suitability.by_age_band(people, on)

    assert {row["band"]: [row["judged"], row["suitable"]] for row in figures} == counts
    assert all(judged for judged, _ in counts.values())
