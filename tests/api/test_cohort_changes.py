"""Changing and closing a cohort through the API (issue 30): the pages' use cases, the contract's order of checks."""

import pytest
from sqlalchemy import select

from housing.clock import today
from housing.models import AuditEntry, Option
from housing.vocabulary import Role
from tests.cohorts import cohort, enrol, young_person


@pytest.fixture
def coordinator(auth):
    return auth.headers(Role.HOUSE_PROJECT_COORDINATOR)


def change(client, headers, cohort_id, **body):
    return client.patch(f"/api/v1/cohorts/{cohort_id}", json=body, headers=headers)


def close(client, headers, cohort_id):
    return client.post(f"/api/v1/cohorts/{cohort_id}/close", headers=headers)


def test_a_coordinator_changes_name_places_and_districts_and_the_option_follows(client, coordinator, db):
    made = cohort(client, coordinator)

    changed = change(
        client, coordinator, made["id"], name="Cohort 8", capacity=12, districts=["adur", "arun"]
    )

    assert changed.status_code == 200
    assert (changed.json["name"], changed.json["capacity"], changed.json["remaining"]) == ("Cohort 8", 12, 12)
    assert changed.json["districts"] == ["adur", "arun"]
    option = db.get(Option, made["option"])
    assert (option.name, option.capacity) == ("House Project: Cohort 8", 12)
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert entry.detail == (
        "cohort Cohort 8: name from Cohort 7 to Cohort 8; places from 15 to 12; "
        "districts from Crawley, Horsham to Adur, Arun"
    )
    assert client.get(f"/api/v1/cohorts/{made['id']}", headers=coordinator).json["name"] == "Cohort 8"


def test_one_field_may_be_changed_alone(client, coordinator):
    made = cohort(client, coordinator)

    changed = change(client, coordinator, made["id"], capacity=20)

    assert changed.status_code == 200
    assert (changed.json["name"], changed.json["capacity"], changed.json["districts"]) == (
        "Cohort 7",
        20,
        ["crawley", "horsham"],
    )


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"_schema"}),
        ({"districts": []}, {"districts"}),
        ({"districts": ["atlantis"]}, {"districts"}),
        ({"capacity": 0, "name": ""}, {"capacity", "name"}),
        ({"starts_on": "2027-01-01"}, {"starts_on"}),
        ({"capacity": "twelve"}, {"capacity"}),
    ],
)
def test_a_bad_change_is_422_naming_every_field_and_writes_nothing(
    client, coordinator, row_counts, body, fields
):
    made = cohort(client, coordinator)
    before = row_counts()

    refused = change(client, coordinator, made["id"], **body)

    assert refused.status_code == 422
    assert set(refused.json["errors"]["json"]) == fields
    assert row_counts() == before


def test_a_name_another_cohort_has_or_fewer_places_than_members_is_a_409_and_writes_nothing(
    client, coordinator, officer, row_counts
):
    made = cohort(client, coordinator)
    cohort(client, coordinator, name="Cohort 9")
    for reference in ("A-1", "A-2"):
        assert (
            enrol(client, coordinator, made["id"], young_person(client, officer, reference)).status_code
            == 201
        )
    before = row_counts()

    refused = change(client, coordinator, made["id"], name="Cohort 9", capacity=1)

    assert refused.status_code == 409
    assert refused.json["message"] == (
        "There is already a cohort called Cohort 9; 2 young people are in it: it needs at least 2 places."
    )
    assert row_counts() == before


def test_the_body_is_judged_before_the_state(client, coordinator, row_counts):
    made = cohort(client, coordinator)
    cohort(client, coordinator, name="Cohort 9")

    refused = change(client, coordinator, made["id"], name="Cohort 9", districts=["atlantis"])

    assert refused.status_code == 422
    assert set(refused.json["errors"]["json"]) == {"districts"}


def test_closing_ends_the_offer_and_refuses_new_members_and_a_second_close(client, coordinator, officer, db):
    made = cohort(client, coordinator)

    closed = close(client, coordinator, made["id"])

    assert closed.status_code == 200
    assert closed.json["closed_on"] == today().isoformat()
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert entry.detail == "cohort Cohort 7: closed to new members"
    joining = enrol(client, coordinator, made["id"], young_person(client, officer, "B-1"))
    assert joining.status_code == 409
    assert joining.json["message"] == "Cohort 7 is closed: no one can join it"
    again = close(client, coordinator, made["id"])
    assert again.status_code == 409
    assert again.json["message"] == f"Cohort 7 was closed on {today().day} {today():%B %Y}"


@pytest.mark.parametrize("role", [Role.HOUSING_OFFICER, Role.COMMISSIONER, Role.DISTRICT_OFFICER])
def test_only_coordinators_and_admins_change_or_close_and_403_comes_before_404_and_422(
    client, coordinator, auth, row_counts, role
):
    made = cohort(client, coordinator)
    headers = auth.headers(role, "crawley" if role is Role.DISTRICT_OFFICER else None)
    before = row_counts()

    assert change(client, headers, made["id"], capacity=0).status_code == 403
    assert change(client, headers, "no-such-cohort", capacity=0).status_code == 403
    assert close(client, headers, made["id"]).status_code == 403
    assert row_counts() == before


def test_an_unknown_cohort_is_404_before_its_body_is_judged(client, coordinator, auth):
    assert change(client, coordinator, "no-such-cohort", capacity=0).status_code == 404
    assert close(client, coordinator, "no-such-cohort").status_code == 404
    admin = auth.headers(Role.ADMIN)
    made = cohort(client, coordinator)
    assert change(client, admin, made["id"], name="By an admin").status_code == 200
    assert close(client, admin, made["id"]).status_code == 200


def test_the_openapi_document_describes_both_operations(client):
    document = client.get("/api/v1/openapi.json").json
    paths = document["paths"]

    patch = paths["/api/v1/cohorts/{cohort_id}"]["patch"]
    closing = paths["/api/v1/cohorts/{cohort_id}/close"]["post"]
    for operation in (patch, closing):
        assert {"200", "403", "404", "409", "422"} <= set(operation["responses"])
    body = document["components"]["schemas"]["CohortChange"]
    assert set(body["properties"]) == {"name", "capacity", "districts"}
    assert body["additionalProperties"] is False
    assert "required" not in body
