"""The audit trail names people, councils, places and kinds in words, never an internal id or code
(issue 30): each entry below was written with an id or a slug before."""

import pytest
from sqlalchemy import select

from housing.actors import of_user
from housing.clock import today
from housing.models import AuditEntry, District, User
from housing.services import accounts
from housing.vocabulary import Role
from tests.builders import own_headers, shared_proposal, young_person

TODAY = today()
DAY = f"{TODAY.day} {TODAY:%B %Y}"
OFFER = f"Flat 2, Test Road, Worthing (supported accommodation) from the matching run as of {DAY}"


@pytest.fixture
def crawley_as_found(app):
    """Councils are reference data, kept from test to test: a test that changes Crawley's scheme or
    response time leaves them as it found them."""
    kept = ("bedroom_standard", "larger_homes_allowed", "nomination_response_days")
    with app.extensions["pathways"].session_factory() as session:
        before = {name: getattr(session.get(District, "crawley"), name) for name in kept}
    yield
    with app.extensions["pathways"].session_factory() as session, session.begin():
        crawley = session.get(District, "crawley")
        for name, value in before.items():
            setattr(crawley, name, value)


def details(db, action):
    return db.scalars(
        select(AuditEntry.detail).where(AuditEntry.action == action).order_by(AuditEntry.at)
    ).all()


def test_sharing_a_proposal_and_the_young_persons_answer_name_the_place_not_the_proposal(
    app, client, officer, db
):
    _person, proposal = shared_proposal(client, officer, "YP-SAY")
    own = own_headers(app, "YP-SAY", "say@test.example")
    client.post(f"/api/v1/proposals/{proposal['id']}/view", json={"view": "yes"}, headers=own)

    assert details(db, "proposal shared") == [f"shared the proposal of {OFFER} with the young person"]
    assert details(db, "view given") == [f"answered 'yes' to the proposal of {OFFER}"]
    every = " ".join(db.scalars(select(AuditEntry.detail)))
    assert proposal["id"] not in every


def test_a_task_is_named_by_its_title_and_due_day(client, officer, db):
    person = young_person(client, officer, "WS-1")
    body = {"title": "Ring the landlord", "due_on": TODAY.isoformat()}
    task = client.post(f"/api/v1/young-people/{person}/tasks", json=body, headers=officer).json
    client.post(f"/api/v1/tasks/{task['id']}/done", headers=officer)

    assert details(db, "task") == [
        f"set the task 'Ring the landlord' for housing_officer.county@test.example, due {DAY}"
    ]
    assert details(db, "task done") == [f"marked the task 'Ring the landlord', due {DAY}, done"]


def test_a_councils_scheme_changes_with_its_old_and_new_values(client, auth, db, crawley_as_found):
    council = auth.headers(Role.DISTRICT_OFFICER, "crawley")

    changed = client.patch(
        "/api/v1/districts/crawley/scheme", json={"bedroom_standard": [1, 2, 2, 3]}, headers=council
    )

    assert changed.status_code == 200, changed.json
    [said] = details(db, "update")
    assert said.startswith("Crawley council's allocation scheme: bedroom standard from ")
    assert said.endswith(" to 1, 2, 2, 3")


def test_a_cohort_refusal_names_the_cohort_and_the_day_in_words(client, auth, officer, db):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post(
        "/api/v1/cohorts", json={"name": "Cohort 7", "starts_on": "2026-11-01"}, headers=coordinator
    ).json
    person = young_person(client, officer, "WS-2", needs={"immigration": "awaiting_decision"})

    refused = client.post(
        f"/api/v1/cohorts/{cohort['id']}/members", json={"young_person": person}, headers=coordinator
    )

    assert refused.status_code == 422
    assert details(db, "refuse") == [f"enrolment in cohort Cohort 7 refused: not eligible on {DAY}"]


def test_a_user_made_by_an_admin_is_named_with_their_role_in_words(app, db):
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(session, "admin@test.example", Role.ADMIN, None)
        admin = of_user(session.scalar(select(User).where(User.email == "admin@test.example")))
        accounts.create_user(session, "officer@test.example", Role.DISTRICT_OFFICER, "crawley", by=admin)

    assert details(db, "user created") == [
        "officer@test.example, role: District council officer of Crawley council"
    ]


def test_an_application_change_and_a_councils_response_time_say_their_old_and_new_values(
    client, officer, admin, db, crawley_as_found
):
    person = young_person(client, officer, "WS-3")
    body = {"district": "arun", "band": "C", "applied_on": "2026-01-05"}
    application = client.post(f"/api/v1/young-people/{person}/applications", json=body, headers=officer).json
    client.patch(f"/api/v1/applications/{application['id']}", json={"band": "B"}, headers=officer)
    client.put("/api/v1/districts/crawley/settings", json={"nomination_response_days": 5}, headers=admin)

    assert details(db, "update") == [
        "application to Arun: changed band from C to B",
        "Crawley council: nomination response time from none set to 5 days",
    ]
