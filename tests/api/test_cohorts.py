"""House Project cohorts through the HTTP API: enrolment, stages, outcomes, and who sees what."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from housing.lifedates import add_months
from housing.models import AuditEntry, YoungPerson
from housing.vocabulary import Role
from tests import payloads
from tests.cohorts import cohort, enrol, young_person

MEMBER_FIELDS = {"young_person", "given_name", "family_name", "age", "support_level", "links", "stage", "stage_since",
                 "days_in_stage", "enrolled_on", "moved_in_on", "property",
                 "stage_reason", "undoable"}  # fmt: skip
MARKERS = ("MARKER-WISHES-QZX", "2027-03-17", "awaiting_decision", "leave_granted")


@pytest.fixture
def coordinator(auth):
    return auth.headers(Role.HOUSE_PROJECT_COORDINATOR)


def move(client, headers, cohort_id, person, **body):
    return client.patch(f"/api/v1/cohorts/{cohort_id}/members/{person}", json=body, headers=headers)


def test_a_cohort_comes_with_its_own_house_project_option(client, coordinator, officer):
    made = cohort(client, coordinator)

    assert (made["capacity"], made["remaining"], made["counts"]["enrolled"]) == (15, 15, 0)
    assert made["starts_in_the_past"] is True  # recording a cohort already started is allowed, and flagged
    option = client.get(f"/api/v1/options/{made['option']}", headers=coordinator).json
    assert (option["route"], option["place"], option["min_age"], option["max_age"]) == (
        "house_project",
        "Crawley",
        16,
        25,
    )
    assert option["available_from"] == "2026-11-01"
    listed = client.get("/api/v1/options?route=house_project", headers=coordinator).json
    assert [o["id"] for o in listed["items"]] == [made["option"]]
    assert (
        client.patch(f"/api/v1/options/{made['option']}", json={"capacity": 40}, headers=officer).status_code
        == 409
    )
    assert client.get("/api/v1/cohorts", headers=officer).json["total"] == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [({"capacity": 0}, "capacity"), ({"capacity": 200}, "capacity"), ({"districts": ["kent"]}, "districts"),
     ({"starts_on": "2026-02-30"}, "starts_on"), ({"name": ""}, "name"), ({"starts_on": "9999-12-31"}, "starts_on")],
)  # fmt: skip
def test_a_bad_cohort_is_422_and_writes_nothing(client, coordinator, row_counts, body, field):
    before = row_counts()
    response = client.post(
        "/api/v1/cohorts", json={"name": "C", "starts_on": "2027-01-01", **body}, headers=coordinator
    )
    assert response.status_code == 422
    assert field in response.json["errors"]["json"]
    assert row_counts() == before


def test_enrolling_puts_the_pathway_in_progress_and_out_of_the_matchers_scope(client, coordinator, officer):
    made = cohort(client, coordinator)
    person = young_person(client, officer, "A")

    response = enrol(client, coordinator, made["id"], person)

    assert response.status_code == 201, response.json
    assert set(response.json) == MEMBER_FIELDS
    assert response.json["stage"] == "enrolled"
    pathway = client.get(f"/api/v1/young-people/{person}", headers=officer).json["pathway"]
    assert (pathway["status"], pathway["route"]) == ("in_progress", "house_project")
    assert client.get(f"/api/v1/cohorts/{made['id']}", headers=coordinator).json["remaining"] == 14
    run = client.post("/api/v1/matching/runs", json={"young_people": [person]}, headers=officer)
    assert run.status_code == 422
    assert "House Project" in run.json["errors"]["json"]["young_people"][person][0]


def test_the_enrolment_rules(client, coordinator, officer, db, row_counts):
    made = cohort(client, coordinator, capacity=1)
    other = cohort(client, coordinator, name="Cohort 8")
    unsettled = young_person(client, officer, "U", needs={"immigration": "awaiting_decision"})
    too_young_to_move = young_person(client, officer, "Y", date_of_birth=payloads.born_aged(15),
                                     move_date=(date.today() + timedelta(days=30)).isoformat())  # fmt: skip  # noqa: DTZ011
    aged_out = YoungPerson(reference="OLD", given_name="Old", family_name="Enough", home_district="crawley",
                           date_of_birth=add_months(date.today(), -12 * 27), current_place="Crawley",  # noqa: DTZ011
                           support_level="low", immigration="not_applicable")  # fmt: skip
    db.add(aged_out)
    db.commit()
    first, second = young_person(client, officer, "A"), young_person(client, officer, "B")
    before = row_counts()

    on_today = f"not eligible for the House Project on {date.today().isoformat()}"  # noqa: DTZ011
    for refused in (unsettled, too_young_to_move, aged_out.id):
        response = enrol(client, coordinator, made["id"], refused)
        assert response.status_code == 422
        assert response.json["errors"]["json"]["young_person"] == [on_today]  # no rule named
        assert "IMMIGRATION" not in response.get_data(as_text=True)
        assert "AGE" not in response.get_data(as_text=True)
    refusals = db.scalars(select(AuditEntry).where(AuditEntry.action == "refuse")).all()
    assert sorted(e.young_person_id for e in refusals) == sorted([unsettled, too_young_to_move, aged_out.id])
    before = before | {"audit": before["audit"] + 3}
    assert row_counts() == before  # the refusals audited, and nothing else written
    assert enrol(client, coordinator, made["id"], "nobody").status_code == 404
    assert enrol(client, coordinator, "no-cohort", first).status_code == 404
    assert row_counts() == before
    assert enrol(client, coordinator, made["id"], first).status_code == 201
    full = enrol(client, coordinator, made["id"], second)
    assert full.status_code == 409
    assert "full" in full.json["message"]
    assert enrol(client, coordinator, other["id"], first).status_code == 409  # one active cohort each


def test_stages_move_one_step_at_a_time_to_their_own_home_and_graduation(client, coordinator, officer):
    made = cohort(client, coordinator)
    person = young_person(client, officer, "A")
    enrol(client, coordinator, made["id"], person)

    skipped = move(client, coordinator, made["id"], person, stage="moved_in")
    assert skipped.status_code == 422
    assert skipped.json["errors"]["json"]["stage"] == [
        "from enrolled the next stages are preparing, withdrawn"
    ]
    assert move(client, coordinator, made["id"], person, stage="flying").status_code == 422
    for stage in ("preparing", "tenancy_ready"):
        assert move(client, coordinator, made["id"], person, stage=stage).status_code == 200
    offered = move(
        client, coordinator, made["id"], person, stage="property_offered", property={"place": "Horsham"}
    )
    assert offered.json["property"] == {"place": "Horsham", "option": None, "description": None}
    assert move(client, coordinator, made["id"], person, property={"place": "Atlantis"}).status_code == 422
    moved = move(client, coordinator, made["id"], person, stage="moved_in")
    assert moved.json["moved_in_on"] == date.today().isoformat()  # noqa: DTZ011
    pathway = client.get(f"/api/v1/young-people/{person}", headers=officer).json["pathway"]
    assert (pathway["status"], pathway["route"], pathway["option"]) == (
        "agreed",
        "house_project",
        made["option"],
    )
    assert move(client, coordinator, made["id"], person, stage="graduated").status_code == 200

    shown = client.get(f"/api/v1/cohorts/{made['id']}", headers=coordinator).json
    assert shown["outcomes"] == {"enrolled": 1, "withdrawn": 0, "graduated": 1, "in_own_home": 1}
    assert shown["counts"]["graduated"] == 1
    assert shown["remaining"] == 14  # graduates keep their place; only withdrawal frees one
    assert move(client, coordinator, made["id"], person, stage="withdrawn").status_code == 422


def test_withdrawing_frees_the_place_and_reopens_the_pathway(client, coordinator, officer):
    made = cohort(client, coordinator)
    person = young_person(client, officer, "A")
    enrol(client, coordinator, made["id"], person)

    withdrawn = move(client, coordinator, made["id"], person, stage="withdrawn")
    again = move(client, coordinator, made["id"], person, stage="preparing")

    assert withdrawn.status_code == 200
    assert again.status_code == 422
    assert again.json["errors"]["json"]["stage"] == ["from withdrawn the next stages are none: it is final"]
    assert client.get(f"/api/v1/cohorts/{made['id']}", headers=coordinator).json["remaining"] == 15
    pathway = client.get(f"/api/v1/young-people/{person}", headers=officer).json["pathway"]
    assert (pathway["status"], pathway["route"]) == ("in_progress", None)
    assert move(client, coordinator, made["id"], "nobody", stage="preparing").status_code == 404


def test_the_next_cohort_is_six_months_on_with_who_would_be_eligible(client, coordinator, officer):
    made = cohort(client, coordinator, starts_on="2026-11-30")
    member = young_person(client, officer, "M")
    enrol(client, coordinator, made["id"], member)
    older = young_person(client, officer, "OLDER", date_of_birth=payloads.born_aged(19))
    younger = young_person(client, officer, "YOUNGER", date_of_birth=payloads.born_aged(17))
    young_person(client, officer, "UNSETTLED", needs={"immigration": "appeal_rights_exhausted"})

    body = client.get("/api/v1/cohorts/next", headers=coordinator).json

    assert body["starts_on"] == "2027-05-30"
    assert [p["young_person"] for p in body["eligible"]] == [older, younger]
    assert set(body["eligible"][0]) == {
        "young_person",
        "given_name",
        "family_name",
        "age",
        "support_level",
        "links",
    }


def test_coordinators_see_what_a_cohort_needs_and_nothing_more(client, coordinator, officer, auth):
    made = cohort(client, coordinator)
    enrol(client, coordinator, made["id"], young_person(client, officer, "A"))

    shown = client.get(f"/api/v1/cohorts/{made['id']}", headers=coordinator)
    listed = client.get("/api/v1/cohorts", headers=coordinator)

    for response in (shown, listed):
        assert not [m for m in MARKERS if m in response.get_data(as_text=True)]
    assert set(shown.json["members"][0]) == MEMBER_FIELDS
    assert shown.json["members"][0]["links"][0] == {
        "kind": "college",
        "place": "Worthing",
        "district": "worthing",
    }
    assert client.get("/api/v1/young-people", headers=coordinator).status_code == 403
    for role in (Role.DISTRICT_OFFICER,):
        assert client.get("/api/v1/cohorts", headers=auth.headers(role)).status_code == 403
    assert (
        client.post(
            "/api/v1/cohorts", json={"name": "X", "starts_on": "2027-01-01"}, headers=officer
        ).status_code
        == 403
    )


def test_accepting_a_house_project_proposal_enrols(client, coordinator, officer):
    made = cohort(client, coordinator, starts_on=date.today().isoformat())  # noqa: DTZ011
    person = young_person(client, officer, "A", current_place="Crawley", date_of_birth=payloads.born_aged(18),
                          local_links=[{"kind": "family", "place": "Crawley", "importance": 3}],
                          preferences=[{"rank": 1, "route": "house_project"}], needs={"custody_release_date": None})  # fmt: skip
    run = client.post("/api/v1/matching/runs", json={"young_people": [person]}, headers=officer).json
    [proposal] = run["proposals"]
    assert proposal["route"] == "house_project"

    accepted = client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer)

    assert accepted.status_code == 200
    shown = client.get(f"/api/v1/cohorts/{made['id']}", headers=coordinator).json
    assert [m["young_person"] for m in shown["members"]] == [person]
    assert (
        client.get(f"/api/v1/young-people/{person}", headers=officer).json["pathway"]["status"]
        == "in_progress"
    )


def test_an_older_proposal_for_an_active_cohort_member_is_409(client, coordinator, officer, row_counts):
    made = cohort(client, coordinator)
    person = young_person(client, officer, "A", needs={"custody_release_date": None, "step_free": True})
    place = payloads.option("supported_accommodation", place="Worthing", available_from="2026-01-01", min_age=16,
                            step_free=True)  # fmt: skip
    client.post("/api/v1/options", json=place, headers=officer)
    [proposal] = client.post("/api/v1/matching/runs", json={}, headers=officer).json["proposals"]
    enrol(client, coordinator, made["id"], person)
    before = row_counts()

    response = client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer)

    assert response.status_code == 409
    assert "House Project" in response.json["message"]
    assert row_counts() == before
