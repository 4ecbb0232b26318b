"""Placements shown and ended through the HTTP API (api-contract v1.1, *Placements and their end*)."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from housing.due import Due, DueKind, due_on
from housing.models import AuditEntry, Option, Placement, Rejection, YoungPerson
from housing.vocabulary import Role
from tests.builders import LATER, TODAY, accept, end, option, placed, record, run, young_person


def test_an_accepted_proposal_shows_as_the_young_persons_current_placement(client, officer):
    person = young_person(client, officer, "A")
    place = option(client, officer)

    placement = placed(client, officer, person, place)

    assert placement == {
        "id": placement["id"], "option": place, "route": "supported_accommodation", "place": "Worthing",
        "starts_on": TODAY.isoformat(), "ends_on": None, "end_reason": None,
    }  # fmt: skip


def test_ending_returns_the_pathway_to_in_progress_due_on_the_end_date(client, officer, db):
    person = young_person(client, officer, "A")
    place = option(client, officer)
    placement = placed(client, officer, person, place)

    answer = end(client, officer, placement["id"], reason="breakdown", note="MARKER-NOTE-7Q")

    assert answer.status_code == 200, answer.json
    assert (answer.json["ends_on"], answer.json["end_reason"]) == (LATER.isoformat(), "breakdown")
    shown = record(client, officer, person)
    assert shown["pathway"] == {
        "status": "in_progress",
        "route": None,
        "option": None,
        "agreed_on": None,
        "nomination": None,
    }
    assert shown["move_date"] == LATER.isoformat()
    row_person = db.get(YoungPerson, person)
    assert due_on(TODAY, row_person.date_of_birth, row_person.move_date) == Due(LATER, DueKind.MOVE)
    assert shown["placements"][0]["ends_on"] == LATER.isoformat()
    row = db.get(Placement, placement["id"])
    assert (row.status, row.end_note, row.held_until, row.ended_by) == (
        "ended",
        "MARKER-NOTE-7Q",
        LATER,
        "housing_officer.county@test.example",
    )
    assert db.get(Rejection, (person, place)).reason == "placement ended: breakdown"
    [entry] = db.scalars(select(AuditEntry).where(AuditEntry.action == "end")).all()
    assert (entry.young_person_id, entry.user_email) == (person, "housing_officer.county@test.example")
    assert "MARKER-NOTE-7Q" not in entry.detail


def test_a_supported_place_is_free_again_from_the_end_date_and_not_before(client, officer):
    first = young_person(client, officer, "A")
    place = option(client, officer)
    end(client, officer, placed(client, officer, first, place)["id"])  # moved on: the pair stays allowed
    second = young_person(client, officer, "B", move_date=LATER.isoformat())

    before = run(client, officer, as_of=LATER - timedelta(days=1), young_people=[second])
    on_the_day = run(client, officer, as_of=LATER, young_people=[second])

    assert before["proposals"] == []
    assert [p["option"] for p in on_the_day["proposals"]] == [place]
    assert client.get(f"/api/v1/options/{place}", headers=officer).json["remaining"] == 0  # held today
    assert accept(client, officer, on_the_day["proposals"][0]).status_code == 200
    assert record(client, officer, second)["placements"][0]["starts_on"] == LATER.isoformat()


def test_an_accept_that_would_overfill_a_day_before_the_end_is_a_409(client, officer, db):
    first, second = young_person(client, officer, "A"), young_person(client, officer, "B")
    place = option(client, officer)
    [for_first] = run(client, officer, young_people=[first])["proposals"]
    [for_second] = run(client, officer, young_people=[second])["proposals"]  # before the first is accepted
    assert accept(client, officer, for_first).status_code == 200
    end(client, officer, record(client, officer, first)["placements"][0]["id"])

    refused = accept(client, officer, for_second)

    assert refused.status_code == 409, refused.json
    assert "still held" in refused.json["message"]
    assert db.get(YoungPerson, second).pathway_status == "not_started"
    assert (
        db.scalar(select(func.count()).select_from(Placement).where(Placement.young_person_id == second)) == 0
    )
    assert db.get(Option, place).placed == 0


@pytest.mark.parametrize("route", ["staying_put", "register_vacancy"])
def test_a_staying_put_or_register_home_does_not_return_when_its_placement_ends(
    client, officer, auth, db, route
):
    person = young_person(client, officer, "A")
    if route == "staying_put":
        place = option(client, officer, route, young_person=person)
    else:
        client.post(f"/api/v1/young-people/{person}/applications", headers=officer,
                    json={"district": "crawley", "band": "A", "applied_on": TODAY.isoformat()})  # fmt: skip
        place = option(client, officer, route, place="Crawley", min_age=18)
    [proposal] = run(client, officer, young_people=[person])["proposals"]
    assert accept(client, officer, proposal).status_code == 200
    if route == "register_vacancy":
        [nomination] = client.get("/api/v1/districts/crawley/nominations", headers=officer).json["items"]
        pending = end(client, officer, record(client, officer, person)["placements"][0]["id"])
        assert pending.status_code == 409  # the council decides first
        decided = client.post(f"/api/v1/nominations/{nomination['id']}/decision", json={"decision": "accepted"},
                              headers=auth.headers(Role.DISTRICT_OFFICER, "crawley"))  # fmt: skip
        assert decided.status_code == 200, decided.json

    assert end(client, officer, record(client, officer, person)["placements"][0]["id"]).status_code == 200

    assert client.get(f"/api/v1/options/{place}", headers=officer).json["remaining"] == 0
    assert db.get(Option, place).placed == 1


def test_ending_an_ended_placement_is_a_409_and_writes_nothing(client, officer, row_counts):
    person = young_person(client, officer, "A")
    placement = placed(client, officer, person, option(client, officer))
    assert end(client, officer, placement["id"]).status_code == 200
    before = row_counts()

    again = end(client, officer, placement["id"], reason="other")

    assert again.status_code == 409
    assert row_counts() == before


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        ({"ends_on": "31/02/2027"}, "ends_on", "must be a real date, as year-month-day like 2026-03-27"),
        (
            {"reason": "evicted"},
            "reason",
            "must be one of carer_withdrew, breakdown, notice_to_leave, moved_on, other",
        ),
        (
            {"reason": "nomination_declined"},
            "reason",
            "must be one of carer_withdrew, breakdown, notice_to_leave",
        ),
        ({"ends_on": None}, "ends_on", "must not be null"),
        ({"colour": "red"}, "colour", "not a field this operation takes: remove it"),
    ],
)
def test_a_bad_end_is_a_422_naming_the_field(client, officer, row_counts, body, field, reason):
    person = young_person(client, officer, "A")
    placement = placed(client, officer, person, option(client, officer))
    before = row_counts()

    refused = end(client, officer, placement["id"], **body)

    assert refused.status_code == 422
    assert reason in " ".join(refused.json["errors"]["json"][field])
    assert row_counts() == before


def test_an_end_already_past_can_be_recorded_and_the_young_person_is_due_again(client, officer, db):
    """An officer often learns of a breakdown days after it (issue 30)."""
    person = young_person(client, officer, "A")
    placement = placed(client, officer, person, option(client, officer))
    db.get(Placement, placement["id"]).starts_on = TODAY - timedelta(days=30)  # begun a month ago
    db.commit()
    last_week = TODAY - timedelta(days=7)

    ended = end(client, officer, placement["id"], ends_on=last_week.isoformat(), reason="breakdown")

    assert ended.status_code == 200, ended.json
    assert ended.json["ends_on"] == last_week.isoformat()
    assert record(client, officer, person)["due_tier"] == "move_now"
    detail = db.scalar(select(AuditEntry.detail).where(AuditEntry.action == "end"))
    assert f"on {last_week.day} {last_week:%B %Y}, because breakdown" in detail
    assert placement["id"] not in detail  # names, not ids


def test_an_end_before_the_start_is_a_422(client, officer):
    person = young_person(client, officer, "A", move_date=(TODAY + timedelta(days=30)).isoformat())
    placement = placed(client, officer, person, option(client, officer))

    refused = end(client, officer, placement["id"])

    assert refused.status_code == 422
    assert refused.json["errors"]["json"]["ends_on"] == [
        f"must be on or after the placement's start, {(TODAY + timedelta(days=30)).isoformat()}"
    ]


def test_who_may_end_and_the_order_of_the_checks(client, officer, auth):
    person = young_person(client, officer, "A")
    placement = placed(client, officer, person, option(client, officer))
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)

    assert client.post(f"/api/v1/placements/{placement['id']}/end", json={}).status_code == 401
    assert end(client, coordinator, placement["id"]).status_code == 403
    assert end(client, auth.headers(Role.DISTRICT_OFFICER), placement["id"]).status_code == 403
    assert end(client, officer, "no-such-placement").status_code == 404
    assert end(client, auth.headers(Role.ADMIN), placement["id"]).status_code == 200


def test_a_house_project_home_ends_through_its_cohort_not_here(client, officer, auth, db):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    person = young_person(client, officer, "A")
    made = client.post("/api/v1/cohorts", json={"name": "C", "starts_on": TODAY.isoformat(), "districts": ["worthing"]},
                       headers=coordinator).json  # fmt: skip
    assert client.post(f"/api/v1/cohorts/{made['id']}/members", json={"young_person": person},
                       headers=coordinator).status_code == 201  # fmt: skip
    for stage in ("preparing", "tenancy_ready", "property_offered", "moved_in"):
        moved = client.patch(
            f"/api/v1/cohorts/{made['id']}/members/{person}", json={"stage": stage}, headers=coordinator
        )
        assert moved.status_code == 200, moved.json
    [home] = record(client, officer, person)["placements"]
    assert (home["route"], home["option"], home["ends_on"]) == ("house_project", made["option"], None)

    refused = end(client, officer, home["id"])
    withdrawn = client.patch(f"/api/v1/cohorts/{made['id']}/members/{person}", json={"stage": "withdrawn"},
                             headers=coordinator)  # fmt: skip

    assert refused.status_code == 422
    assert "cohort" in refused.json["message"]
    assert withdrawn.status_code == 200
    assert record(client, officer, person)["placements"][0]["end_reason"] == "withdrawn_from_cohort"
