"""POSSIBLE DUPLICATE on the API's create (issue 30): the pages' rule, told by default, refused on request."""

from sqlalchemy import func, select

from housing.models import AuditEntry, AuditShown, YoungPerson
from tests import payloads


def post(client, headers, **overrides):
    return client.post("/api/v1/young-people", json=payloads.young_person(**overrides), headers=headers)


def test_a_record_with_no_namesake_is_answered_exactly_as_it_is_read_back(client, officer):
    created = post(client, officer)

    assert created.status_code == 201
    assert "possible_duplicates" not in created.json
    assert "duplicate_warning" not in created.json
    assert client.get(f"/api/v1/young-people/{created.json['id']}", headers=officer).json == created.json


def test_the_same_name_and_date_of_birth_under_a_new_reference_is_recorded_and_named_by_default(
    client, officer, db
):
    first = post(client, officer, reference="WS-1001").json

    second = post(client, officer, reference="WS-1002", given_name=" testy ", family_name="EXAMPLETON")

    assert second.status_code == 201
    assert second.json["possible_duplicates"] == [{"id": first["id"], "reference": "WS-1001"}]
    assert second.json["duplicate_warning"] == (
        "A young person with this name and date of birth is already recorded: WS-1001. "
        "Check they are not the same person."
    )
    assert db.scalar(select(func.count()).select_from(YoungPerson)) == 2
    created = db.scalar(select(AuditEntry).where(AuditEntry.young_person_id == second.json["id"]))
    assert created.detail == (
        "created record; the same name and date of birth as WS-1001, named to the officer as a possible duplicate"
    )
    # Only their references are told, so no view of the first record is written.
    assert db.scalars(select(AuditEntry.action).where(AuditEntry.young_person_id == first["id"])).all() == [
        "create"
    ]


def test_a_client_that_asks_is_refused_with_the_records_named_and_nothing_recorded(
    client, officer, db, row_counts
):
    post(client, officer, reference="WS-1001")
    post(client, officer, reference="WS-1002", if_possible_duplicate="record")
    before = row_counts()

    refused = post(client, officer, reference="WS-1003", if_possible_duplicate="refuse")

    assert refused.status_code == 409
    assert refused.json["message"] == (
        "2 young people with this name and date of birth are already recorded: WS-1001 and WS-1002. "
        "Check they are not the same person; to record a different person, send the record again with "
        '"if_possible_duplicate": "record".'
    )
    assert "Testy" not in refused.json["message"]  # an error names no one
    after = row_counts()
    assert after["young_people"] == before["young_people"]
    # The one thing written: who was shown the two records by reference (every view is audited).
    assert after["audit"] == before["audit"] + 1
    assert after["audit_shown"] == before["audit_shown"] + 2
    shown = db.scalar(select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()))
    assert shown.detail == "possible duplicate of a new record (2 young people shown)"
    assert db.scalar(select(func.count()).select_from(AuditShown).where(AuditShown.audit_id == shown.id)) == 2


def test_refusing_on_request_records_a_young_person_with_no_namesake(client, officer):
    post(client, officer, reference="WS-1001")

    other = post(client, officer, reference="WS-1002", given_name="Other", if_possible_duplicate="refuse")

    assert other.status_code == 201
    assert "possible_duplicates" not in other.json


def test_the_same_reference_is_a_taken_reference_not_a_possible_duplicate(client, officer):
    post(client, officer, reference="WS-1001")

    again = post(client, officer, reference="ws-1001", if_possible_duplicate="refuse")

    assert again.status_code == 409
    assert again.json["message"] == "another young person already has this reference"


def test_an_unknown_choice_is_a_422_naming_the_field(client, officer, row_counts):
    before = row_counts()

    wrong = post(client, officer, if_possible_duplicate="ask")

    assert wrong.status_code == 422
    assert "if_possible_duplicate" in wrong.json["errors"]["json"]
    assert row_counts() == before


def test_the_choice_is_for_a_create_only(client, officer):
    created = post(client, officer).json

    patched = client.patch(
        f"/api/v1/young-people/{created['id']}", json={"if_possible_duplicate": "refuse"}, headers=officer
    )

    assert patched.status_code == 422
    assert "if_possible_duplicate" in patched.json["errors"]["json"]
