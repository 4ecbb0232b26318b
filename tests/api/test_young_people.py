"""Young people through the HTTP API: the record returned, the rows written, the audit kept."""

from datetime import date

import pytest
from sqlalchemy import select

from housing.lifedates import add_months
from housing.models import AuditEntry, LocalLink, YoungPerson
from tests import payloads


def create(client, headers, **overrides):
    response = client.post("/api/v1/young-people", json=payloads.young_person(**overrides), headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def test_creating_a_young_person_returns_the_record_with_deadline_and_bedrooms(client, officer, db):
    record = create(client, officer, date_of_birth="2009-08-31", needs={"children": 1})

    assert record["pathway_deadline"] == "2027-02-28"
    assert record["bedrooms_needed"] == 2
    assert record["pathway"] == {
        "status": "not_started",
        "agreed_on": None,
        "route": None,
        "option": None,
        "nomination": None,
    }
    assert record["needs"]["children"] == 1
    assert record["needs"]["immigration"] == "not_applicable"
    assert [link["place"] for link in record["local_links"]] == ["Worthing", "Lancing"]
    row = db.get(YoungPerson, record["id"])
    assert row.reference == "WS-0001"
    assert row.date_of_birth == date(2009, 8, 31)
    assert len(db.scalars(select(LocalLink).where(LocalLink.young_person_id == row.id)).all()) == 2


def test_getting_a_record_writes_a_view_to_the_audit_trail(client, officer, db):
    record = create(client, officer)

    response = client.get(f"/api/v1/young-people/{record['id']}", headers=officer)

    assert response.status_code == 200
    assert response.json == record
    actions = db.scalars(
        select(AuditEntry.action).where(AuditEntry.young_person_id == record["id"]).order_by(AuditEntry.id)
    )
    assert list(actions) == ["create", "view"]


def test_an_unknown_young_person_is_404(client, officer):
    response = client.get("/api/v1/young-people/nope", headers=officer)
    assert response.status_code == 404
    assert response.json["code"] == 404
    assert "nope" in response.json["message"]


def test_listing_is_soonest_deadline_first_filtered_and_paginated(client, officer):
    older = create(client, officer, reference="A", date_of_birth=payloads.born_aged(17, days_ago=200))
    younger = create(
        client, officer, reference="B", date_of_birth=payloads.born_aged(16), home_district="crawley"
    )
    create(client, officer, reference="C", date_of_birth=payloads.born_aged(19))

    first = client.get("/api/v1/young-people?page=1&page_size=2", headers=officer).json
    assert first["total"] == 3
    assert first["page_size"] == 2
    assert [p["reference"] for p in first["items"]] == ["C", "A"]
    second = client.get("/api/v1/young-people?page=2&page_size=2", headers=officer).json
    assert [p["reference"] for p in second["items"]] == ["B"]

    by_district = client.get("/api/v1/young-people?home_district=crawley", headers=officer).json
    assert [p["id"] for p in by_district["items"]] == [younger["id"]]
    soon = client.get(f"/api/v1/young-people?deadline_before={younger['pathway_deadline']}", headers=officer)
    assert {p["reference"] for p in soon.json["items"]} == {"A", "C"}
    assert older["id"] in {p["id"] for p in soon.json["items"]}
    not_started = client.get("/api/v1/young-people?status=agreed", headers=officer).json
    assert not_started["total"] == 0


def test_a_deadline_filter_far_outside_any_life_is_422_not_500(client, officer):
    for day in ("0001-01-01", "9999-12-31"):
        response = client.get(f"/api/v1/young-people?deadline_before={day}", headers=officer)
        assert response.status_code == 422
        assert "deadline_before" in response.json["errors"]["query"]


def test_the_deadline_filter_is_exact_on_the_day(client, officer):
    record = create(client, officer, date_of_birth="2009-08-31")  # deadline 2027-02-28

    on_the_day = client.get("/api/v1/young-people?deadline_before=2027-02-28", headers=officer).json
    the_day_after = client.get("/api/v1/young-people?deadline_before=2027-03-01", headers=officer).json

    assert on_the_day["total"] == 0
    assert [p["id"] for p in the_day_after["items"]] == [record["id"]]


def test_every_record_in_a_list_is_audited_as_a_view(client, officer, db):
    ids = {create(client, officer, reference=f"R{i}", given_name=name)["id"] for i, name in enumerate("ABC")}

    client.get("/api/v1/young-people", headers=officer)

    [view] = db.scalars(select(AuditEntry).where(AuditEntry.action == "view")).all()  # one per page view
    assert set(view.shown_ids) == ids
    assert view.detail == "viewed in a list (3 young people shown)"


def test_a_list_view_is_found_when_the_trail_is_read_for_anyone_it_showed(client, officer, admin):
    ids = [create(client, officer, reference=f"R{i}")["id"] for i in range(3)]
    client.get("/api/v1/young-people", headers=officer)

    trail = client.get(f"/api/v1/audit?young_person={ids[1]}", headers=admin).json["items"]

    assert [entry["action"] for entry in trail] == ["create", "view"]
    assert sorted(trail[1]["shown"]) == sorted(ids)


def test_patching_merges_needs_and_replaces_links(client, officer, db):
    record = create(client, officer)

    response = client.patch(
        f"/api/v1/young-people/{record['id']}",
        json={
            "needs": {"wheelchair": True},
            "local_links": [{"kind": "work", "place": "Crawley", "importance": 1}],
            "preferences": [{"rank": 1, "place": "Crawley"}],
        },
        headers=officer,
    )

    assert response.status_code == 200, response.json
    assert response.json["needs"]["wheelchair"] is True
    assert response.json["needs"]["step_free"] is True  # kept from before
    assert response.json["local_links"] == [
        {"kind": "work", "place": "Crawley", "importance": 1, "note": None}
    ]
    assert response.json["preferences"] == [{"rank": 1, "route": None, "place": "Crawley", "district": None}]
    assert db.get(YoungPerson, record["id"]).wheelchair is True
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert entry.detail == (
        "changed uses a wheelchair from no to yes; local links from Worthing (college), Lancing (family) "
        "to Crawley (work); preferences from 1. Worthing, 2. supported lodgings to 1. Crawley"
    )


def test_patching_to_a_reference_another_record_holds_is_409(client, officer, row_counts):
    create(client, officer, reference="TAKEN")
    other = create(client, officer, reference="MINE")
    before = row_counts()

    response = client.patch(
        f"/api/v1/young-people/{other['id']}", json={"reference": "TAKEN"}, headers=officer
    )

    assert response.status_code == 409
    assert row_counts() == before


def test_patching_an_unknown_young_person_with_a_bad_body_is_404_first(client, officer):
    response = client.patch("/api/v1/young-people/nope", json={"support_level": "extreme"}, headers=officer)
    assert response.status_code == 404


AGE_26 = add_months(date.today(), -12 * 26).isoformat()  # noqa: DTZ011 - a day either way is still over 25


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"date_of_birth": "2027-02-30"}, "date_of_birth"),
        ({"date_of_birth": "31/08/2009"}, "date_of_birth"),
        ({"date_of_birth": "2099-01-01"}, "date_of_birth"),
        ({"date_of_birth": AGE_26}, "date_of_birth"),
        ({"local_links": [{"kind": "family", "place": "Worthing", "importance": 0}]}, "local_links"),
        ({"local_links": [{"kind": "family", "place": "Worthing", "importance": 4}]}, "local_links"),
        ({"needs": {"children": -1}}, "needs"),
        ({"needs": {"immigration": "unknown"}}, "needs"),
        ({"current_place": "Atlantis"}, "current_place"),
        ({"home_district": "sussex"}, "home_district"),
        ({"local_links": [{"kind": "family", "place": "Atlantis", "importance": 1}]}, "local_links"),
        ({"preferences": [{"rank": 1}]}, "preferences"),
        ({"preferences": [{"rank": 1, "place": "Worthing"}, {"rank": 1, "district": "adur"}]}, "preferences"),
        ({"support_level": "extreme"}, "support_level"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
        ({"id": "chosen-by-me"}, "id"),
    ],
)
def test_bad_input_is_422_naming_the_field_and_writes_nothing(client, officer, row_counts, overrides, field):
    before = row_counts()

    response = client.post("/api/v1/young-people", json=payloads.young_person(**overrides), headers=officer)

    assert response.status_code == 422, response.json
    assert field in response.json["errors"]["json"]
    assert response.json["message"]
    assert row_counts() == before


def test_a_duplicate_reference_is_409_writes_nothing_and_does_not_repeat_the_reference(
    client, officer, row_counts
):
    create(client, officer)
    before = row_counts()

    response = client.post("/api/v1/young-people", json=payloads.young_person(), headers=officer)

    assert response.status_code == 409
    assert response.json["message"] == "another young person already has this reference"
    assert row_counts() == before


def test_a_young_person_may_apply_to_any_register_in_its_own_bands(client, officer, db):
    record = create(client, officer)  # home district Worthing

    crawley = client.post(
        f"/api/v1/young-people/{record['id']}/applications",
        json={"district": "crawley", "band": "A+", "applied_on": "2026-01-05"},
        headers=officer,
    )
    arun = client.post(
        f"/api/v1/young-people/{record['id']}/applications",
        json={"district": "arun", "band": "C", "applied_on": "2026-01-05"},
        headers=officer,
    )

    assert crawley.status_code == 201, crawley.json
    assert crawley.json["status"] == "active"
    assert crawley.json["district"] == "crawley"
    assert arun.status_code == 201
    shown = client.get(f"/api/v1/young-people/{record['id']}", headers=officer).json["applications"]
    assert {a["district"] for a in shown} == {"crawley", "arun"}


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"district": "arun", "band": "D", "applied_on": "2026-01-05"}, 422, "band"),  # Arun has A-C
        ({"district": "adur", "band": "A+", "applied_on": "2026-01-05"}, 422, "band"),  # A+ is Crawley's
        ({"district": "sussex", "band": "A", "applied_on": "2026-01-05"}, 422, "district"),
        ({"district": "adur", "band": "A", "applied_on": "2999-01-05"}, 422, "applied_on"),
        ({"district": "adur", "band": "A"}, 422, "applied_on"),
    ],
)
def test_a_bad_application_is_refused_and_writes_nothing(client, officer, row_counts, body, status, field):
    record = create(client, officer)
    before = row_counts()

    response = client.post(f"/api/v1/young-people/{record['id']}/applications", json=body, headers=officer)

    assert response.status_code == status
    assert field in response.json["errors"]["json"]
    assert row_counts() == before


def test_a_second_active_application_to_one_district_is_409(client, officer, row_counts):
    record = create(client, officer)
    url = f"/api/v1/young-people/{record['id']}/applications"
    body = {"district": "adur", "band": "A", "applied_on": "2026-01-05"}
    assert client.post(url, json=body, headers=officer).status_code == 201
    before = row_counts()

    response = client.post(url, json=body | {"band": "B"}, headers=officer)

    assert response.status_code == 409
    assert row_counts() == before


def test_applying_for_an_unknown_young_person_is_404(client, officer):
    response = client.post(
        "/api/v1/young-people/nope/applications",
        json={"district": "adur", "band": "A", "applied_on": "2026-01-05"},
        headers=officer,
    )
    assert response.status_code == 404
