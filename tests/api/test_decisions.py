"""Accepting and rejecting a run's proposals: the first accept wins, a rejection is remembered."""

from datetime import date

import pytest
from sqlalchemy import func, select

from housing.models import AuditEntry, Placement, Rejection, YoungPerson
from tests.builders import add_young_person, matching_run, supported_place

pytestmark = pytest.mark.usefixtures("every_stored_run_is_rechecked")


def test_accepting_agrees_the_pathway_takes_the_place_and_is_harmless_to_repeat(client, officer, db):
    person = add_young_person(client, officer, "A")
    place = supported_place(client, officer, capacity=2)
    proposal = matching_run(client, officer)["proposals"][0]["id"]

    first = client.post(f"/api/v1/proposals/{proposal}/accept", headers=officer)
    again = client.post(f"/api/v1/proposals/{proposal}/accept", headers=officer)

    assert first.status_code == 200, first.json
    assert first.json["status"] == "accepted"
    assert first.json["decided_by"] == "housing_officer.county@test.example"
    assert again.status_code == 200
    assert again.json == first.json
    record = client.get(f"/api/v1/young-people/{person}", headers=officer).json
    assert record["pathway"] == {"status": "agreed", "route": "supported_accommodation", "option": place,
                                 "agreed_on": date.today().isoformat(), "nomination": None}  # fmt: skip  # noqa: DTZ011
    assert client.get(f"/api/v1/options/{place}", headers=officer).json["remaining"] == 1
    assert db.scalar(select(func.count()).select_from(Placement)) == 1
    accepts = db.scalars(select(AuditEntry).where(AuditEntry.action == "accept")).all()
    assert [(a.young_person_id, a.user_email) for a in accepts] == [
        (person, "housing_officer.county@test.example")
    ]
    assert accepts[0].detail.startswith("accepted the proposal of Flat 2, Test Road, Worthing")
    assert proposal not in accepts[0].detail  # names, not ids or costs (issue 30)
    assert "cost" not in accepts[0].detail


def test_agreed_young_people_leave_later_runs(client, officer):
    add_young_person(client, officer, "A")
    supported_place(client, officer, capacity=2)
    proposal = matching_run(client, officer)["proposals"][0]["id"]
    client.post(f"/api/v1/proposals/{proposal}/accept", headers=officer)

    later = matching_run(client, officer)

    assert later["proposals"] == []
    assert later["summary"]["in_scope"] == 0


def test_the_first_accept_wins_and_an_older_runs_proposal_for_the_taken_place_is_409(
    client, officer, row_counts
):
    first, second = add_young_person(client, officer, "A"), add_young_person(client, officer, "B")
    supported_place(client, officer, capacity=1)
    for_first = matching_run(client, officer, young_people=[first])["proposals"][0]["id"]
    for_second = matching_run(client, officer, young_people=[second])["proposals"][0][
        "id"
    ]  # the place is still free

    assert client.post(f"/api/v1/proposals/{for_first}/accept", headers=officer).status_code == 200
    before = row_counts()
    late = client.post(f"/api/v1/proposals/{for_second}/accept", headers=officer)

    assert late.status_code == 409
    assert "taken" in late.json["message"]
    assert row_counts() == before


def test_a_pathway_agreed_meanwhile_is_409(client, officer, row_counts):
    add_young_person(client, officer, "A")
    supported_place(client, officer, "Worthing")
    supported_place(client, officer, "Lancing")
    one = matching_run(client, officer)["proposals"][0]["id"]
    other = matching_run(client, officer)["proposals"][0]["id"]  # the same young person, proposed again
    # The later proposal is current (v1.2); accepting it leaves the earlier one to refuse.
    assert client.post(f"/api/v1/proposals/{other}/accept", headers=officer).status_code == 200
    before = row_counts()

    response = client.post(f"/api/v1/proposals/{one}/accept", headers=officer)

    assert response.status_code == 409
    assert "agreed meanwhile" in response.json["message"]
    assert row_counts() == before


def test_rejecting_needs_a_reason_and_excludes_the_pair_from_every_later_run(client, officer, db, row_counts):
    person = add_young_person(client, officer, "A")
    worthing = supported_place(client, officer, "Worthing")
    lancing = supported_place(client, officer, "Lancing")
    proposal = matching_run(client, officer)["proposals"][0]
    assert proposal["option"] == worthing
    before = row_counts()

    no_reason = client.post(f"/api/v1/proposals/{proposal['id']}/reject", json={}, headers=officer)
    empty = client.post(f"/api/v1/proposals/{proposal['id']}/reject", json={"reason": ""}, headers=officer)
    assert (no_reason.status_code, empty.status_code) == (422, 422)
    assert "reason" in no_reason.json["errors"]["json"]
    assert row_counts() == before

    rejected = client.post(
        f"/api/v1/proposals/{proposal['id']}/reject", json={"reason": "Unsafe area"}, headers=officer
    )
    assert rejected.status_code == 200
    assert (rejected.json["status"], rejected.json["reason"]) == ("rejected", "Unsafe area")
    assert db.get(Rejection, (person, worthing)).rejected_by == "housing_officer.county@test.example"

    later = matching_run(client, officer)
    assert [p["option"] for p in later["proposals"]] == [lancing]
    accept_rejected = client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer)
    assert accept_rejected.status_code == 409
    assert db.get(YoungPerson, person).pathway_status == "not_started"


def test_an_accepted_proposal_cannot_be_rejected(client, officer):
    add_young_person(client, officer, "A")
    supported_place(client, officer)
    proposal = matching_run(client, officer)["proposals"][0]["id"]
    client.post(f"/api/v1/proposals/{proposal}/accept", headers=officer)

    response = client.post(
        f"/api/v1/proposals/{proposal}/reject", json={"reason": "Changed mind"}, headers=officer
    )

    assert response.status_code == 409
