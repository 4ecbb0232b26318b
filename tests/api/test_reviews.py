"""Pathway reviews through the API: the next due, recording one, and who is due or overdue."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from housing.clock import today
from housing.lifedates import add_months
from housing.models import AuditEntry
from housing.reads import pathway_reviews
from housing.vocabulary import Role
from tests.builders import casework_person

TODAY = today()


def test_with_no_review_held_a_seventeen_year_olds_review_is_overdue(client, officer):
    young = casework_person(client, officer, "WS-1", months_old=204)
    found = client.get(f"/api/v1/young-people/{young}/reviews", headers=officer).json
    born = add_months(TODAY - timedelta(days=1), -204)
    assert found == {
        "next_review_due": add_months(born, 198).isoformat(),
        "review_status": "overdue",
        "history": [],
    }


def test_a_review_recorded_today_puts_the_next_six_months_on_and_is_audited(client, officer, db):
    young = casework_person(client, officer, "WS-1")
    held = client.post(
        f"/api/v1/young-people/{young}/reviews", json={"reviewed_on": TODAY.isoformat()}, headers=officer
    )

    assert held.status_code == 201
    assert held.json["recorded_by"] == "housing_officer.county@test.example"
    found = client.get(f"/api/v1/young-people/{young}/reviews", headers=officer).json
    assert (found["next_review_due"], found["review_status"]) == (add_months(TODAY, 6).isoformat(), "later")
    assert [r["id"] for r in found["history"]] == [held.json["id"]]
    assert db.scalar(select(AuditEntry.detail).where(AuditEntry.action == "review")).startswith(
        "recorded a pathway review"
    )


@pytest.mark.parametrize(
    ("held", "reason"), [(1, "must not be in the future"), (-2000, "before their 16th birthday")]
)
def test_a_review_in_the_future_or_before_sixteen_is_refused_and_nothing_written(
    client, officer, row_counts, held, reason
):
    young = casework_person(client, officer, "WS-1")
    before = row_counts()
    day = (TODAY + timedelta(days=held)).isoformat()
    refused = client.post(f"/api/v1/young-people/{young}/reviews", json={"reviewed_on": day}, headers=officer)
    assert refused.status_code == 422
    assert reason in refused.json["errors"]["json"]["reviewed_on"][0]
    assert row_counts() == before


def test_the_list_of_reviews_due_puts_the_overdue_first_and_leaves_out_the_reviewed(client, officer, auth):
    overdue, reviewed = casework_person(client, officer, "WS-1"), casework_person(client, officer, "WS-2")
    client.post(
        f"/api/v1/young-people/{reviewed}/reviews", json={"reviewed_on": TODAY.isoformat()}, headers=officer
    )
    manager = auth.headers(Role.TEAM_MANAGER)

    listed = client.get("/api/v1/reviews-due", headers=manager).json
    later = client.get("/api/v1/reviews-due?status=later", headers=manager).json

    assert [(i["young_person"], i["review_status"]) for i in listed["items"]] == [(overdue, "overdue")]
    assert [i["young_person"] for i in later["items"]] == [reviewed]
    assert client.get("/api/v1/reviews-due?status=soonish", headers=manager).status_code == 422


@pytest.mark.parametrize("role", [Role.DISTRICT_OFFICER, Role.COMMISSIONER, Role.HOUSE_PROJECT_COORDINATOR])
def test_reviews_are_for_those_who_work_the_case(client, officer, auth, role):
    young = casework_person(client, officer, "WS-1")
    headers = auth.headers(role)
    assert client.get(f"/api/v1/young-people/{young}/reviews", headers=headers).status_code == 403
    assert client.post(f"/api/v1/young-people/{young}/reviews", json={"reviewed_on": TODAY.isoformat()},
                       headers=headers).status_code == 403  # fmt: skip
    assert client.get("/api/v1/reviews-due", headers=headers).status_code == 403


def test_an_unknown_young_person_is_a_404_before_the_body_is_read(client, officer):
    assert client.post("/api/v1/young-people/nobody/reviews", json={}, headers=officer).status_code == 404
    assert client.get("/api/v1/young-people/nobody/reviews", headers=officer).status_code == 404


def test_review_due_notices_go_to_the_allocated_officer_or_to_the_digest(app, client, officer, auth):
    mine, nobodys = casework_person(client, officer, "WS-1"), casework_person(client, officer, "WS-2")
    manager = auth.headers(Role.TEAM_MANAGER)
    me = client.get("/api/v1/team", headers=manager).json["officers"][0]["id"]
    client.post(
        f"/api/v1/young-people/{mine}/workers",
        json={"kind": "housing_officer", "worker": me},
        headers=manager,
    )

    with app.extensions["pathways"].session_factory() as session:
        notices = pathway_reviews.review_due_notices(session, TODAY)

    assert {(pid, to, status) for pid, to, _due, status in notices} == {
        (mine, me, "overdue"),
        (nobodys, None, "overdue"),
    }
