"""A council's answer reaches the officer: declined or lapsed, the place is freed and proposed again."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from housing.models import District, Nomination
from housing.services import nominations
from housing.vocabulary import Role
from tests.kept_current import automatic_runs, immediate  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("immediate")


@pytest.fixture(autouse=True)
def no_response_time_left_behind(app):
    """Districts are reference data, kept between tests: each test leaves none set, as it found them."""
    yield
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.execute(update(District).values(nomination_response_days=None))


@pytest.fixture
def councils(auth):
    """Crawley's and Worthing's officers, signed up before any nomination is made."""
    return auth.headers(Role.DISTRICT_OFFICER), auth.headers(Role.DISTRICT_OFFICER, "worthing")


def test_a_new_nomination_tells_that_councils_officers_and_no_other(client, councils, nomination):
    crawley, worthing = councils

    [told] = client.get("/api/v1/notifications", headers=crawley).json["items"]

    assert (told["kind"], told["subject"], told["link"]) == (
        "nomination_received",
        "A nomination is waiting for your decision",
        "/district",
    )
    assert "Crawley home" in told["body"]
    assert client.get("/api/v1/notifications", headers=worthing).json["total"] == 0


def test_a_declined_nomination_tells_the_officer_why_and_proposes_again(
    client, officer, auth, nomination, applicant, db
):
    crawley = auth.headers(Role.DISTRICT_OFFICER)
    before = len(automatic_runs(db))

    declined = client.post(f"/api/v1/nominations/{nomination['id']}/decision",
                           json={"decision": "declined", "reason": "Band too low for this property"},
                           headers=crawley)  # fmt: skip

    assert declined.status_code == 200
    [after] = automatic_runs(db)[before:]
    assert (after.trigger, after.triggered_by, after.created_by) == ("declined", nomination["id"], None)
    notes = client.get("/api/v1/notifications", headers=officer).json["items"]
    [told] = [n for n in notes if n["kind"] == "proposal_declined"]
    assert told["subject"] == "Crawley declined a nomination"
    assert "Band too low for this property" in told["body"]
    assert told["link"] == f"/young-people/{applicant}"
    assert client.get("/api/v1/notifications", headers=crawley).json["total"] == 0


def test_the_county_sets_each_councils_response_time_and_no_one_else_does(
    client, admin, officer, auth, db, row_counts
):
    crawley = auth.headers(Role.DISTRICT_OFFICER)
    url = "/api/v1/districts/crawley/settings"
    assert client.get(url, headers=crawley).json == {
        "slug": "crawley",
        "name": "Crawley",
        "nomination_response_days": None,
    }
    before = row_counts()
    assert client.put(url, json={"nomination_response_days": 10}, headers=crawley).status_code == 403
    assert client.put(url, json={"nomination_response_days": 10}, headers=officer).status_code == 403
    refused = client.put(url, json={"nomination_response_days": 0}, headers=admin)
    assert refused.status_code == 422
    assert "nomination_response_days" in refused.json["errors"]["json"]
    assert (
        client.put(
            "/api/v1/districts/nowhere/settings", json={"nomination_response_days": 3}, headers=admin
        ).status_code
        == 404
    )
    assert row_counts() == before

    answer = client.put(url, json={"nomination_response_days": 10}, headers=admin)

    assert answer.status_code == 200
    assert answer.json["nomination_response_days"] == 10
    db.rollback()
    assert db.get(District, "crawley").nomination_response_days == 10


def test_without_a_response_time_nothing_lapses(app, nomination, db):
    with app.extensions["pathways"].writer_factory() as session:
        assert nominations.lapse_and_remind(session, datetime.now(UTC) + timedelta(days=400)) == ([], [])


def test_halfway_the_council_is_reminded_once_and_when_the_time_is_up_the_nomination_lapses(
    client, app, admin, officer, auth, nomination, applicant, db
):
    crawley = auth.headers(Role.DISTRICT_OFFICER)
    client.put("/api/v1/districts/crawley/settings", json={"nomination_response_days": 10}, headers=admin)
    made = db.get(Nomination, nomination["id"]).created_at
    writer = app.extensions["pathways"].writer_factory

    with writer() as session:
        assert nominations.lapse_and_remind(session, made + timedelta(days=4)) == ([], [])
    with writer() as session:
        lapsed, reminders = nominations.lapse_and_remind(session, made + timedelta(days=6))
    with writer() as session:
        assert nominations.lapse_and_remind(session, made + timedelta(days=7)) == ([], [])  # once

    assert (lapsed, len(reminders)) == ([], 1)
    [reminder] = client.get("/api/v1/notifications", headers=crawley).json["items"]
    assert reminder["kind"] == "nomination_reminder"
    assert "lapses in 5 days" in reminder["body"]
    before = len(automatic_runs(db))

    with writer() as session:
        lapsed, _ = nominations.lapse_and_remind(session, made + timedelta(days=10, seconds=1))

    assert lapsed == [nomination["id"]]
    db.rollback()
    assert db.get(Nomination, nomination["id"]).status == "lapsed"
    record = client.get(f"/api/v1/young-people/{applicant}", headers=officer).json
    assert record["pathway"]["status"] == "in_progress"
    assert client.get(f"/api/v1/options/{nomination['option']}", headers=officer).json["remaining"] == 1
    [after] = automatic_runs(db)[before:]
    assert (after.trigger, after.triggered_by) == ("lapsed", nomination["id"])
    told = [
        n
        for n in client.get("/api/v1/notifications", headers=officer).json["items"]
        if n["kind"] == "proposal_declined"
    ]
    assert [n["subject"] for n in told] == ["Crawley did not answer a nomination in time"]
    late = client.post(
        f"/api/v1/nominations/{nomination['id']}/decision", json={"decision": "accepted"}, headers=crawley
    )
    assert late.status_code == 409
