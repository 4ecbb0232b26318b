"""Each invariant query finds the state it forbids: corrupt an agreed placement on purpose, in a
transaction rolled back afterwards, and the invariant that forbids it names the row."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from housing.invariants import INVARIANTS, broken
from housing.vocabulary import Role
from tests.builders import contest
from tests.clean_up import broken_then_cleared

CORRUPTIONS = {
    "option whose count disagrees": ["UPDATE options SET placed = 0 WHERE id = :option"],
    "agreed pathway without its placement": [
        "UPDATE placements SET status = 'ended', ends_on = starts_on, end_reason = 'other' WHERE id = :placement"
    ],
    "accepted proposal without its placement": [
        "UPDATE young_people SET pathway_option_id = NULL WHERE id = :person",
        "UPDATE options SET placed = 0 WHERE id = :option",
        "DELETE FROM placements WHERE id = :placement",
    ],
    "nomination awaiting or accepted without its placement": [
        "INSERT INTO nominations (id, young_person_id, option_id, district, placement_id, status, created_at)"
        " VALUES ('n1', :person, :option, 'crawley', :placement, 'pending', CURRENT_TIMESTAMP)",
        "UPDATE placements SET status = 'ended', ends_on = starts_on, end_reason = 'other' WHERE id = :placement",
    ],
    "current placement on an ended option": [
        "UPDATE options SET route = 'staying_put', young_person_id = :person, carer_willing = false,"
        " registered_16_17 = NULL, uasc_specialist = NULL WHERE id = :option",
    ],
    "cohort with more members than places": [
        "INSERT INTO cohorts (id, name, starts_on, capacity, districts, option_id, created_at, created_by)"
        " VALUES ('c1', 'Full', CURRENT_DATE, 1, '[]', :option, CURRENT_TIMESTAMP, 'test')",
        *(
            "INSERT INTO cohort_members (id, cohort_id, young_person_id, stage, stage_since, enrolled_on)"
            f" VALUES ('{member}', 'c1', :person, 'graduated', CURRENT_DATE, CURRENT_DATE)"
            for member in ("m1", "m2")
        ),
    ],
    "agreed House Project pathway without a member": [
        "UPDATE young_people SET pathway_route = 'house_project' WHERE id = :person"
    ],
}


@pytest.fixture
def agreed(app, auth):
    """A young person agreed on a room of one place, through the API."""
    proposal = contest(app, 0, 1, same_place=True)[0]
    headers = auth.headers(Role.HOUSING_OFFICER)
    answer = app.test_client().post(f"/api/v1/proposals/{proposal}/accept", headers=headers).json
    with app.extensions["pathways"].session_factory() as session:
        placement = session.scalar(text("SELECT id FROM placements WHERE proposal_id = :p"), {"p": proposal})
    return {"person": answer["young_person"], "option": answer["option"], "placement": placement}


def test_an_agreed_placement_breaks_no_invariant(app, agreed):
    with app.extensions["pathways"].session_factory() as session:
        assert broken(session) == {}


@pytest.mark.parametrize("invariant", CORRUPTIONS)
def test_each_invariant_names_the_state_it_forbids(app, agreed, invariant):
    with app.extensions["pathways"].writer_factory() as session:
        try:
            for statement in CORRUPTIONS[invariant]:
                session.execute(text(statement), {k: v for k, v in agreed.items() if f":{k}" in statement})
            found = broken(session)
        finally:
            session.rollback()
    assert [name for name in found if invariant in name], found


def test_the_other_invariants_are_backstopped_by_the_schema_itself(app, agreed):
    """Over capacity, two active placements and an end before the start cannot even be written:
    CHECKs and a unique index."""
    assert {
        "an option over capacity", "a young person with two active placements", "a placement ending before it starts"
    } < set(INVARIANTS)  # fmt: skip
    for statement in (
        "UPDATE options SET placed = capacity + 1 WHERE id = :option",
        "INSERT INTO placements (id, young_person_id, option_id, status, created_at, created_by, starts_on)"
        " VALUES ('p2', :person, :option, 'active', CURRENT_TIMESTAMP, 'test', CURRENT_DATE)",
        "UPDATE placements SET status = 'ended', end_reason = 'other', ends_on = '2000-01-01' WHERE id = :placement",
    ):
        with app.extensions["pathways"].writer_factory() as session:
            with pytest.raises(IntegrityError):
                session.execute(text(statement), {k: v for k, v in agreed.items() if f":{k}" in statement})
            session.rollback()


def test_each_tests_clean_up_names_what_it_left_broken_and_clears_it_all(app, agreed, row_counts):
    """The suite's clean-up after every test (tests/clean_up.py, one round trip on PostgreSQL) reads
    the invariants on what the test left before it deletes anything, and leaves only reference data."""
    miscounted = {"option": agreed["option"]}
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.execute(text("UPDATE options SET placed = 0 WHERE id = :option"), miscounted)
    found = broken_then_cleared(app.extensions["pathways"].engine)
    assert [(name.split(" whose")[0], ids) for name, ids in found.items()] == [
        ("an option", [agreed["option"]])
    ]
    assert {table for table, rows in row_counts().items() if rows} == {"districts", "places"}
