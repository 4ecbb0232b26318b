"""Housing options through the HTTP API: one store, each route's fields, each role's reach."""

import pytest

from housing.models import Option
from housing.vocabulary import Role
from tests import payloads


def create_option(client, headers, route="register_vacancy", **overrides):
    response = client.post("/api/v1/options", json=payloads.option(route, **overrides), headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def a_young_person(client, headers):
    response = client.post("/api/v1/young-people", json=payloads.young_person(), headers=headers)
    return response.json["id"]


def test_an_option_takes_its_district_from_its_place_and_starts_with_all_places_remaining(
    client, officer, db
):
    option = create_option(client, officer, place="Bognor Regis", capacity=3)

    assert option["district"] == "arun"
    assert option["remaining"] == 3
    assert option["registered_16_17"] is None
    row = db.get(Option, option["id"])
    assert (row.route, row.place, row.district, row.capacity) == (
        "register_vacancy",
        "Bognor Regis",
        "arun",
        3,
    )


def test_out_of_county_options_have_no_district(client, officer):
    option = create_option(client, officer, "supported_accommodation", place="Brighton")
    assert option["district"] is None
    assert option["uasc_specialist"] is False  # the documented default


def test_staying_put_names_its_young_person_and_the_carers_willingness(client, officer, db):
    person = a_young_person(client, officer)

    option = create_option(
        client, officer, "staying_put", young_person=person, carer_willing=True, place="Worthing"
    )

    assert option["young_person"] == person
    assert option["carer_willing"] is True
    assert db.get(Option, option["id"]).young_person_id == person


@pytest.mark.parametrize(
    ("route", "overrides", "field"),
    [
        ("register_vacancy", {"capacity": 0}, "capacity"),
        ("register_vacancy", {"min_age": 22, "max_age": 18}, "min_age"),
        (
            "register_vacancy",
            {"available_from": "2027-03-01", "available_until": "2027-02-01"},
            "available_until",
        ),
        ("register_vacancy", {"available_from": "2027-02-30"}, "available_from"),
        ("register_vacancy", {"place": "Atlantis"}, "place"),
        ("register_vacancy", {"carer_willing": True}, "carer_willing"),
        ("register_vacancy", {"support_levels": ["extreme"]}, "support_levels"),
        ("register_vacancy", {"support_levels": []}, "support_levels"),
        ("staying_put", {"carer_willing": True}, "young_person"),
        ("staying_put", {"young_person": "nobody", "carer_willing": True}, "young_person"),
        ("supported_lodgings", {"registered_16_17": None}, "registered_16_17"),
        ("supported_lodgings", {"uasc_specialist": True}, "uasc_specialist"),
        ("house_project", {}, "route"),
        ("castle", {}, "route"),
        ("register_vacancy", {"remaining": 5}, "remaining"),
    ],
)
def test_a_bad_option_is_422_naming_the_field_and_writes_nothing(
    client, officer, row_counts, route, overrides, field
):
    before = row_counts()

    response = client.post("/api/v1/options", json=payloads.option(route, **overrides), headers=officer)

    assert response.status_code == 422, response.json
    assert field in response.json["errors"]["json"]
    assert row_counts() == before


def test_listing_filters_by_route_district_and_place(client, officer):
    create_option(client, officer, place="Crawley")
    create_option(client, officer, place="Worthing")
    create_option(client, officer, "supported_lodgings", place="Worthing")

    def listed(query):
        return client.get(f"/api/v1/options?{query}", headers=officer).json

    assert listed("")["total"] == 3
    assert listed("route=supported_lodgings")["items"][0]["place"] == "Worthing"
    assert listed("district=worthing")["total"] == 2
    assert listed("place=Crawley&route=register_vacancy")["total"] == 1
    assert listed("route=castle").get("code") == 422


def test_patching_changes_fields_but_never_the_route(client, officer, db):
    option = create_option(client, officer)

    changed = client.patch(
        f"/api/v1/options/{option['id']}", json={"capacity": 4, "place": "Horsham"}, headers=officer
    )
    refused = client.patch(f"/api/v1/options/{option['id']}", json={"route": "staying_put"}, headers=officer)

    assert changed.status_code == 200
    assert (changed.json["capacity"], changed.json["district"], changed.json["remaining"]) == (
        4,
        "horsham",
        4,
    )
    assert refused.status_code == 422
    assert db.get(Option, option["id"]).route == "register_vacancy"


def test_a_patch_that_breaks_a_cross_field_rule_changes_nothing(client, officer, db):
    option = create_option(client, officer, min_age=18, max_age=25)

    response = client.patch(
        f"/api/v1/options/{option['id']}", json={"min_age": 26, "name": "New"}, headers=officer
    )

    assert response.status_code == 422
    assert "min_age" in response.json["errors"]["json"]
    row = db.get(Option, option["id"])
    assert (row.min_age, row.name) == (18, "Flat 2, Test Road")


def test_district_officers_keep_register_vacancies_in_their_own_district_only(client, auth, officer):
    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    own = create_option(client, crawley, place="Crawley")
    elsewhere = create_option(client, officer, place="Worthing")
    lodgings = create_option(client, officer, "supported_lodgings", place="Crawley")

    listed = client.get("/api/v1/options", headers=crawley).json
    assert [o["id"] for o in listed["items"]] == [own["id"]]
    assert client.get(f"/api/v1/options/{own['id']}", headers=crawley).status_code == 200
    assert client.get(f"/api/v1/options/{elsewhere['id']}", headers=crawley).status_code == 403
    assert client.get(f"/api/v1/options/{lodgings['id']}", headers=crawley).status_code == 403
    assert (
        client.patch(f"/api/v1/options/{elsewhere['id']}", json={"capacity": 2}, headers=crawley).status_code
        == 403
    )
    moved = client.patch(f"/api/v1/options/{own['id']}", json={"place": "Worthing"}, headers=crawley)
    assert moved.status_code == 403


@pytest.mark.parametrize(
    ("route", "place"),
    [("register_vacancy", "Worthing"), ("supported_lodgings", "Crawley")],
)
def test_district_officers_may_not_create_outside_their_register(client, auth, row_counts, route, place):
    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    before = row_counts()
    response = client.post("/api/v1/options", json=payloads.option(route, place=place), headers=crawley)
    assert response.status_code == 403
    assert row_counts() == before


def test_coordinators_read_only_house_project_options(client, auth, officer):
    create_option(client, officer)
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)

    assert client.get("/api/v1/options", headers=coordinator).json["total"] == 0
    assert client.post("/api/v1/options", json=payloads.option(), headers=coordinator).status_code == 403


def test_an_unknown_option_is_404(client, officer):
    assert client.get("/api/v1/options/nope", headers=officer).status_code == 404
    assert client.patch("/api/v1/options/nope", json={"capacity": 0}, headers=officer).status_code == 404
