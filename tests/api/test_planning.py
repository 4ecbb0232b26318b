"""Sufficiency and what-if through the API: exact values, nothing written, a commissioner's view."""

from datetime import date

import pytest
from sqlalchemy import select

from housing.models import AuditEntry, Option
from housing.vocabulary import Role
from seeds.load import write_scenario
from seeds.scenario import generate
from tests import payloads
from tests.builders import create, due_soon, worthing_place


def item(body, district, route):
    return next(i for i in body["items"] if i["district"] == district and i["route"] == route)


@pytest.fixture
def two_for_one_place(client, officer):
    """Two urgent young people near Worthing and one supported place there: one of them waits."""
    people = [create(client, officer, "/api/v1/young-people", due_soon(f"WS-000{n}")) for n in (1, 2)]
    return people, worthing_place(client, officer)


def test_one_more_place_where_a_young_person_waits_is_worth_exactly_what_a_re_solve_saves(
    client, officer, two_for_one_place
):
    _, option = two_for_one_place

    body = client.get("/api/v1/sufficiency", headers=officer).json
    worthing = item(body, "worthing", "supported_accommodation")
    after = client.post(
        "/api/v1/what-if", json={"changes": [{"option": option, "places": 1}]}, headers=officer
    ).json

    assert (worthing["places"], worthing["remaining"], worthing["demand_in_reach"]) == (1, 1, 2)
    assert worthing["shadow_price"] > 0
    assert worthing["gain"] == {"houses": True, "urgent": True, "moves": 0, "nearer_km": 0.0}
    assert after["before"]["objective"] - after["after"]["objective"] == worthing["shadow_price"]
    assert (after["before"]["urgent_matched"], after["after"]["urgent_matched"]) == (1, 2)


def test_a_full_option_keeps_its_arcs_so_its_place_is_still_priced_and_the_base_equals_a_run(
    client, officer, two_for_one_place
):
    people, option = two_for_one_place
    run = client.post("/api/v1/matching/runs", json={"young_people": people}, headers=officer).json
    accepted = client.post(f"/api/v1/proposals/{run['proposals'][0]['id']}/accept", headers=officer)
    assert accepted.status_code == 200
    second_run = client.post("/api/v1/matching/runs", json={}, headers=officer).json

    worthing = item(
        client.get("/api/v1/sufficiency", headers=officer).json, "worthing", "supported_accommodation"
    )
    compared = client.post(
        "/api/v1/what-if", json={"changes": [{"option": option, "places": 1}]}, headers=officer
    )

    assert (worthing["remaining"], worthing["demand_in_reach"]) == (0, 1)
    assert (
        worthing["shadow_price"]
        == compared.json["before"]["objective"] - compared.json["after"]["objective"]
        > 0
    )
    assert compared.json["before"]["objective"] == second_run["objective"]


def test_a_what_if_writes_nothing_but_one_audit_entry_naming_its_user(
    client, officer, two_for_one_place, row_counts, db
):
    _, option = two_for_one_place
    before = row_counts()
    added = payloads.option("supported_lodgings", place="Lancing", capacity=2, min_age=16, step_free=True)

    response = client.post(
        "/api/v1/what-if",
        json={"changes": [{"option": option, "places": -1}], "add": [added]},
        headers=officer,
    )

    assert response.status_code == 200
    assert row_counts() == before | {"audit": before["audit"] + 1}
    entry = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.user_email, entry.action, entry.young_person_id) == (
        "housing_officer.county@test.example",
        "what_if",
        None,
    )
    assert response.json["before"]["matched"] == 1
    assert response.json["after"]["matched"] == 2  # the Worthing place gone, two in Lancing
    routes = {row["key"]: row for row in response.json["by_route"]}
    assert routes["supported_lodgings"] == {"key": "supported_lodgings", "before": 0, "after": 2, "change": 2}
    assert routes["total"]["change"] == 1
    assert db.scalar(select(Option).where(Option.place == "Lancing")) is None


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"changes": [{"option": "nope", "places": 1}]}, ("changes", "0", "option")),
        ({"changes": [{"option": "x", "places": 1.5}]}, ("changes", "0", "places")),
        ({"add": [payloads.option(place="Atlantis")]}, ("add", "0", "place")),
        (
            {"add": [payloads.option("staying_put", young_person="x", carer_willing=True)]},
            ("add", "0", "route"),
        ),
        ({"add": [payloads.option(min_age=30, max_age=20)]}, ("add", "0", "min_age")),
        ({"surprise": 1}, ("surprise",)),
    ],
)
def test_a_bad_change_or_option_is_a_422_naming_it_and_writes_nothing(
    client, officer, row_counts, body, where
):
    before = row_counts()

    response = client.post("/api/v1/what-if", json=body, headers=officer)

    assert response.status_code == 422
    errors = response.json["errors"]["json"]
    for key in where:
        errors = errors[key]
    assert errors
    assert row_counts() == before


def test_a_commissioner_sees_places_minimised_small_counts_hidden_and_no_staying_put(
    client, officer, auth, two_for_one_place
):
    people, option = two_for_one_place
    staying = payloads.option("staying_put", young_person=people[0], carer_willing=True, place="Worthing")
    staying_id = create(client, officer, "/api/v1/options", staying)
    commissioner = auth.headers(Role.COMMISSIONER)

    listed = client.get("/api/v1/options", headers=commissioner).json
    one = client.get(f"/api/v1/options/{option}", headers=commissioner).json
    sufficiency = client.get("/api/v1/sufficiency", headers=commissioner).json
    compared = client.post(
        "/api/v1/what-if", json={"changes": [{"option": option, "places": 1}]}, headers=commissioner
    )
    hidden_change = client.post(
        "/api/v1/what-if", json={"changes": [{"option": staying_id, "places": 1}]}, headers=commissioner
    )

    assert [o["id"] for o in listed["items"]] == [option]
    assert set(one) == {"id", "route", "name", "place", "district", "capacity", "remaining", "weekly_cost"}
    assert client.get(f"/api/v1/options/{staying_id}", headers=commissioner).status_code == 403
    assert [i["route"] for i in sufficiency["items"]] == ["supported_accommodation"]
    assert sufficiency["items"][0]["demand_in_reach"] == "<5"
    assert compared.json["before"]["matched"] == compared.json["before"]["urgent_matched"] == "<5"
    assert compared.json["after"]["matched"] == "<5"
    assert [row["before"] for row in compared.json["by_home_district"]] == ["<5", "<5"]  # worthing, total
    assert hidden_change.status_code == 422
    assert "staying" not in str(hidden_change.json)


def test_on_the_seeded_county_the_groups_add_up_and_the_dearest_places_match_re_solves(app, client, officer):
    as_of = date(2026, 11, 23)
    with app.extensions["pathways"].writer_factory() as session:
        write_scenario(session, generate(2026, 1.0, as_of))
        session.commit()
    with app.extensions["pathways"].session_factory() as session:
        capacity = {o.id: (o.route, o.district, o.capacity) for o in session.scalars(select(Option))}

    items = client.get(f"/api/v1/sufficiency?as_of={as_of}", headers=officer).json["items"]

    assert sum(i["places"] for i in items) == sum(
        c for route, _, c in capacity.values() if route != "staying_put"
    )
    assert all(i["route"] != "staying_put" for i in items)
    assert any(i["shadow_price"] > 0 for i in items)
    for dearest in sorted(items, key=lambda i: -i["shadow_price"])[:2]:
        group = [
            k
            for k, (route, district, _) in capacity.items()
            if (district, route) == (dearest["district"], dearest["route"])
        ]
        falls = []
        for option in group[:40]:
            body = {"as_of": as_of.isoformat(), "changes": [{"option": option, "places": 1}]}
            compared = client.post("/api/v1/what-if", json=body, headers=officer).json
            falls.append(compared["before"]["objective"] - compared["after"]["objective"])
            if falls[-1] == dearest["shadow_price"]:
                break
        assert max(falls) == dearest["shadow_price"]


def test_sufficiency_and_what_if_carry_the_weekly_cost_of_a_place_beside_its_value(client, officer, auth):
    create(client, officer, "/api/v1/young-people", due_soon("WS-0001"))
    create(client, officer, "/api/v1/young-people", due_soon("WS-0002"))
    option = worthing_place(client, officer, weekly_cost=1450)
    worthing_place(client, officer, capacity=3, weekly_cost=1200)
    commissioner = auth.headers(Role.COMMISSIONER)

    group = item(
        client.get("/api/v1/sufficiency", headers=commissioner).json, "worthing", "supported_accommodation"
    )
    answer = client.post("/api/v1/what-if", headers=commissioner, json={
        "changes": [{"option": option, "places": 2}],
        "add": [payloads.option("supported_lodgings", capacity=1, weekly_cost=300)],
    }).json  # fmt: skip

    assert (group["weekly_cost"], group["costed_places"]) == (1200, 4)
    assert answer["weekly_cost"] == {"change": 2 * 1450 + 300, "uncosted_places": 0}
