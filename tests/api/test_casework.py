"""Who works the case through the API (issue 31): workers allocated with history, advisers proposed
from 16½ within the cap, accepted or changed by a team manager, exported, and counted."""

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from housing.clock import today
from housing.lifedates import add_months
from housing.models import Allocation, AuditEntry, Sibling, User
from housing.services import accounts
from housing.vocabulary import Role
from tests.builders import adviser, casework_person

TODAY = today()


@pytest.fixture
def manager(auth):
    return auth.headers(Role.TEAM_MANAGER)


def test_a_team_manager_allocates_a_personal_adviser_and_the_record_shows_them_with_dates(
    client, officer, manager, db
):
    young = casework_person(client, officer, "WS-1")
    pat = adviser(client, manager)

    response = client.post(
        f"/api/v1/young-people/{young}/workers",
        json={"kind": "personal_adviser", "worker": pat},
        headers=manager,
    )

    assert response.status_code == 201, response.json
    assert response.json | {"id": None, "allocated_at": None} == {
        "id": None,
        "young_person": young,
        "kind": "personal_adviser",
        "worker": pat,
        "worker_name": "Pat Exampleworth",
        "base": "Worthing",
        "starts_on": TODAY.isoformat(),
        "ends_on": None,
        "allocated_by": "team_manager.county@test.example",
        "allocated_at": None,
        "as_proposed": False,
    }
    shown = client.get(f"/api/v1/young-people/{young}/workers", headers=officer).json
    assert shown["personal_adviser"]["worker_name"] == "Pat Exampleworth"
    assert shown["housing_officer"] is None
    assert db.scalars(select(AuditEntry.action).where(AuditEntry.young_person_id == young)).all()[-2:] == [
        "allocate",
        "view",
    ]


def test_a_new_worker_ends_the_last_one_on_the_day_and_the_history_keeps_both(client, officer, manager, auth):
    young = casework_person(client, officer, "WS-1")
    auth.token(Role.HOUSING_OFFICER)
    first = client.get("/api/v1/team", headers=manager).json["officers"][0]["id"]
    other = _second_officer(auth)
    start = (TODAY + timedelta(days=7)).isoformat()
    for officer_id, starts in ((first, None), (other, start)):
        body = {"kind": "housing_officer", "worker": officer_id} | ({"starts_on": starts} if starts else {})
        assert (
            client.post(f"/api/v1/young-people/{young}/workers", json=body, headers=manager).status_code
            == 201
        )

    shown = client.get(f"/api/v1/young-people/{young}/workers", headers=manager).json
    assert shown["housing_officer"]["worker"] == other
    assert [(a["worker"], a["starts_on"], a["ends_on"]) for a in shown["history"]] == [
        (other, start, None),
        (first, TODAY.isoformat(), start),
    ]


def _second_officer(auth):
    with auth.app.extensions["pathways"].session_factory() as session:
        accounts.create_user(session, "second.officer@test.example", Role.HOUSING_OFFICER, None)
        return session.scalar(select(User.id).where(User.email == "second.officer@test.example"))


def test_an_adviser_at_the_cap_takes_nobody_more_and_nothing_is_written(
    app, client, officer, manager, row_counts
):
    app.config["ADVISER_CASELOAD_CAP"] = 1
    first, second = casework_person(client, officer, "WS-1"), casework_person(client, officer, "WS-2")
    pat = adviser(client, manager)
    client.post(
        f"/api/v1/young-people/{first}/workers",
        json={"kind": "personal_adviser", "worker": pat},
        headers=manager,
    )
    before = row_counts()

    response = client.post(
        f"/api/v1/young-people/{second}/workers",
        json={"kind": "personal_adviser", "worker": pat},
        headers=manager,
    )

    assert response.status_code == 409
    assert response.json["message"] == "Pat Exampleworth's caseload is full (1 of 1)"
    assert row_counts() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "personal_adviser", "worker": "nobody"}, "worker"),
        ({"kind": "housing_officer", "worker": "nobody"}, "worker"),
        ({"kind": "carer", "worker": "x"}, "kind"),
        ({"kind": "personal_adviser"}, "worker"),
        ({"kind": "personal_adviser", "worker": "x", "colour": "red"}, "colour"),
    ],
)
def test_a_bad_allocation_is_a_422_naming_the_field_and_writes_nothing(
    client, officer, manager, row_counts, body, field
):
    young = casework_person(client, officer, "WS-1")
    before = row_counts()
    response = client.post(f"/api/v1/young-people/{young}/workers", json=body, headers=manager)
    assert response.status_code == 422
    assert field in response.json["errors"]["json"]
    assert row_counts() == before


def test_only_managers_and_admins_allocate_and_the_checks_run_in_the_contracts_order(
    client, officer, manager, auth
):
    young = casework_person(client, officer, "WS-1")
    body = {"kind": "personal_adviser", "worker": "x"}
    assert client.post(f"/api/v1/young-people/{young}/workers", json=body).status_code == 401
    for role in (
        Role.HOUSING_OFFICER,
        Role.DISTRICT_OFFICER,
        Role.COMMISSIONER,
        Role.HOUSE_PROJECT_COORDINATOR,
    ):
        assert (
            client.post(
                f"/api/v1/young-people/{young}/workers", json=body, headers=auth.headers(role)
            ).status_code
            == 403
        )
    assert client.post("/api/v1/young-people/nobody/workers", json=body, headers=manager).status_code == 404
    assert (
        client.post(
            f"/api/v1/young-people/{young}/workers", json=body, headers=auth.headers(Role.ADMIN)
        ).status_code
        == 422
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.HOUSING_OFFICER, 200),
        (Role.TEAM_MANAGER, 200),
        (Role.ADMIN, 200),
        (Role.DISTRICT_OFFICER, 403),
        (Role.COMMISSIONER, 403),
        (Role.HOUSE_PROJECT_COORDINATOR, 403),
    ],
)
def test_who_works_a_case_is_read_by_those_who_read_records(client, officer, auth, role, status):
    young = casework_person(client, officer, "WS-1")
    assert (
        client.get(f"/api/v1/young-people/{young}/workers", headers=auth.headers(role)).status_code == status
    )


def test_advisers_are_proposed_near_the_links_and_those_nearest_seventeen_and_a_half_first(
    app, client, officer, manager
):
    app.config["ADVISER_CASELOAD_CAP"] = 1
    older = casework_person(client, officer, "WS-1", months_old=206, place="Crawley")  # 17 and 2 months
    younger = casework_person(client, officer, "WS-2", months_old=199, place="Crawley")  # 16 and 7 months
    casework_person(client, officer, "WS-3", months_old=190)  # not yet 16 1/2 this month: not in scope
    crawley = adviser(client, manager, "Lee Specimen", base="Crawley")

    found = client.get("/api/v1/adviser-proposals", headers=manager).json

    assert (found["cap"], found["waiting"]) == (1, 1)
    assert [(p["young_person"], p["adviser"]) for p in found["items"]] == [(older, crawley), (younger, None)]
    assert found["items"][0]["distance_km"] == 0.0


def test_a_brothers_adviser_is_proposed_for_his_sister(client, officer, manager, app):
    brother, sister = (
        casework_person(client, officer, "WS-1", months_old=230),
        casework_person(client, officer, "WS-2", months_old=200),
    )
    near, family = (
        adviser(client, manager, "Near", base="Worthing"),
        adviser(client, manager, "Family", base="Lancing"),
    )
    client.post(
        f"/api/v1/young-people/{brother}/workers",
        json={"kind": "personal_adviser", "worker": family},
        headers=manager,
    )
    _siblings(app, brother, sister)

    [item] = client.get("/api/v1/adviser-proposals", headers=manager).json["items"]

    assert (item["young_person"], item["adviser"], item["continuity"]) == (sister, family, "sibling")
    assert near != family


def _siblings(app, a, b):
    with app.extensions["pathways"].session_factory() as session, session.begin():
        session.add_all([Sibling(young_person_id=a, sibling_id=b), Sibling(young_person_id=b, sibling_id=a)])


def test_accepting_proposals_allocates_every_pair_or_none(app, client, officer, manager, row_counts, db):
    app.config["ADVISER_CASELOAD_CAP"] = 1
    first, second = casework_person(client, officer, "WS-1"), casework_person(client, officer, "WS-2")
    pat = adviser(client, manager)
    before = row_counts()
    both = [
        {"young_person": first, "adviser": pat, "as_proposed": True},
        {"young_person": second, "adviser": pat},
    ]

    refused = client.post("/api/v1/adviser-allocations", json={"allocations": both}, headers=manager)
    assert refused.status_code == 409
    assert row_counts() == before

    accepted = client.post("/api/v1/adviser-allocations", json={"allocations": both[:1]}, headers=manager)
    assert accepted.status_code == 201
    assert [a["as_proposed"] for a in accepted.json["items"]] == [True]
    assert db.scalar(select(Allocation.adviser_id).where(Allocation.young_person_id == first)) == pat


def test_accepting_for_an_unknown_young_person_names_the_pair(client, manager, row_counts):
    before = row_counts()
    response = client.post(
        "/api/v1/adviser-allocations",
        json={"allocations": [{"young_person": "nobody", "adviser": "x"}]},
        headers=manager,
    )
    assert response.status_code == 422
    assert response.json["errors"]["json"] == {
        "allocations": {"0": {"young_person": ["no young person with this id"]}}
    }
    assert row_counts() == before


def test_accepted_allocations_export_for_the_case_system(client, officer, manager):
    young = casework_person(client, officer, "=WS-1")
    pat = adviser(client, manager)
    client.post(
        "/api/v1/adviser-allocations",
        json={"allocations": [{"young_person": young, "adviser": pat, "as_proposed": True}]},
        headers=manager,
    )

    response = client.get(f"/api/v1/exports/allocations.csv?since={TODAY.isoformat()}", headers=manager)

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [(r["reference"], r["worker_kind"], r["worker"], r["base"], r["as_proposed"]) for r in rows] == [
        ("'=WS-1", "personal_adviser", "Pat Exampleworth", "Worthing", "yes")
    ]
    later = (TODAY + timedelta(days=1)).isoformat()
    assert (
        client.get(f"/api/v1/exports/allocations.csv?since={later}", headers=manager)
        .get_data(as_text=True)
        .count("\n")
        == 1
    )


def test_the_figures_count_an_adviser_by_sixteen_and_a_half_and_by_seventeen(client, officer, manager):
    early, late = (
        casework_person(client, officer, "WS-1", months_old=205),
        casework_person(client, officer, "WS-2", months_old=205),
    )
    pat = adviser(client, manager)
    early_start = add_months(TODAY - timedelta(days=1), -205 + 198).isoformat()  # on their 16 1/2 date
    client.post(
        f"/api/v1/young-people/{early}/workers",
        json={"kind": "personal_adviser", "worker": pat, "starts_on": early_start},
        headers=manager,
    )
    client.post(
        f"/api/v1/young-people/{late}/workers",
        json={"kind": "personal_adviser", "worker": pat},
        headers=manager,
    )

    found = client.get("/api/v1/adviser-figures", headers=officer).json

    assert found["by_16_and_a_half"] == {"reached": 2, "with_adviser": 1, "percent": 50}
    assert found["by_17"] == {"reached": 2, "with_adviser": 1, "percent": 50}
    assert [(a["name"], a["caseload"], a["room"]) for a in found["caseloads"]] == [
        ("Pat Exampleworth", 2, 21)
    ]


def test_an_officer_sees_their_own_young_people_and_a_manager_the_team(client, officer, manager, auth):
    mine, other = casework_person(client, officer, "WS-1"), casework_person(client, officer, "WS-2")
    me = client.get("/api/v1/team", headers=manager).json["officers"][0]["id"]
    client.post(
        f"/api/v1/young-people/{mine}/workers",
        json={"kind": "housing_officer", "worker": me},
        headers=manager,
    )

    listed = client.get("/api/v1/my-young-people", headers=officer).json
    team = client.get("/api/v1/team", headers=manager).json

    assert [p["id"] for p in listed["items"]] == [mine]
    assert listed["total"] == 1
    assert team["officers"] == [{"id": me, "email": "housing_officer.county@test.example", "young_people": 1}]
    assert team["without_officer"] == 1
    assert other != mine
    assert client.get("/api/v1/my-young-people", headers=manager).status_code == 403
    assert client.get("/api/v1/team", headers=officer).status_code == 403


def test_an_adviser_needs_a_known_base(client, manager, row_counts):
    before = row_counts()
    response = client.post("/api/v1/advisers", json={"name": "X", "base": "Atlantis"}, headers=manager)
    assert response.status_code == 422
    assert "base" in response.json["errors"]["json"]
    assert row_counts() == before
