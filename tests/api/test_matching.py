"""Matching runs through the HTTP API: propose, explain, accept, reject, and never one place twice."""

import pytest
from sqlalchemy import func, select

import matching
from housing.models import MatchingRun, Option, Proposal
from housing.vocabulary import Role
from matching import tiered
from matching.snapshot import digest, from_data
from matching.vocabulary import DUE_TIERS
from tests.builders import SCENARIO_DAY, add_young_person, matching_run, supported_place

pytestmark = pytest.mark.usefixtures("every_stored_run_is_rechecked")


def test_a_run_proposes_for_everyone_in_scope_and_is_stored(client, officer, db):
    near = add_young_person(client, officer, "NEAR")
    add_young_person(client, officer, "TOO-YOUNG", date_of_birth="2011-06-01")  # 15 on the as-of date
    worthing = supported_place(client, officer, "Worthing")

    body = matching_run(client, officer)

    assert body["status"] == "optimal"
    assert body["as_of"] == SCENARIO_DAY
    assert body["solver"]["name"] == tiered.SOLVER  # the tiers served in order (contract v1.2)
    [proposal] = body["proposals"]
    assert (proposal["young_person"], proposal["option"], proposal["status"]) == (near, worthing, "proposed")
    assert proposal["explanation"]["links"][0]["distance_km"] == 0.0
    assert body["unmatched"] == []
    assert body["summary"]["in_scope"] == 1
    assert client.get(f"/api/v1/matching/runs/{body['id']}", headers=officer).json == body
    assert db.scalar(select(func.count()).select_from(Proposal)) == 1


def test_the_candidates_are_the_problem_solved_and_the_snapshot_re_solves_the_same(client, officer, db):
    people = [add_young_person(client, officer, f"P{n}") for n in range(3)]
    options = [supported_place(client, officer, town) for town in ("Worthing", "Lancing")]
    body = matching_run(client, officer)

    candidates = client.get(f"/api/v1/matching/runs/{body['id']}/candidates", headers=officer).json

    assert {(a["young_person"], a["option"]) for a in candidates["arcs"]} == {
        (p, o) for p in people for o in options
    }
    assert set(candidates["unassigned_penalty"]) == set(people)
    assert candidates["capacity"] == dict.fromkeys(options, 1)
    # Each young person's tier as the run was given it (the service's), and no place held back.
    assert set(candidates["due_tier"]) == set(people)
    assert set(candidates["due_tier"].values()) <= set(DUE_TIERS)
    assert candidates["held"] == {}
    chosen = {(p["young_person"], p["option"]) for p in body["proposals"]}
    unmatched = {u["young_person"] for u in body["unmatched"]}
    cost = {(a["young_person"], a["option"]): a["cost"] for a in candidates["arcs"]}
    recomputed = sum(cost[pair] for pair in chosen) + sum(
        candidates["unassigned_penalty"][p] for p in unmatched
    )
    assert recomputed == body["objective"]

    stored = db.get(MatchingRun, body["id"])
    assert stored.digest == digest(stored.snapshot)
    again = matching.solve(from_data(stored.snapshot))
    assert [(p.young_person, p.option, p.cost) for p in again.proposals] == [
        (p["young_person"], p["option"], p["cost"]) for p in body["proposals"]
    ]


@pytest.mark.parametrize(
    ("body", "status", "where"),
    [
        ({"as_of": "23/11/2026"}, 422, "as_of"),
        ({"as_of": "2026-02-30"}, 422, "as_of"),
        ({"as_of": "9999-12-31"}, 422, "as_of"),  # found by Schemathesis: date arithmetic overflowed (500)
        ({"as_of": "0001-01-01"}, 422, "as_of"),
        ({"young_people": ["nobody", "no-one"]}, 404, None),
        ({"young_people": []}, 422, "young_people"),
        ({"young_people": "everyone"}, 422, "young_people"),
        ({"reach_km": 5}, 422, "reach_km"),
    ],
)
def test_a_bad_run_request_is_refused_and_writes_nothing(client, officer, row_counts, body, status, where):
    add_young_person(client, officer, "A")
    before = row_counts()

    response = client.post("/api/v1/matching/runs", json=body, headers=officer)

    assert response.status_code == status
    if where:
        assert where in response.json["errors"]["json"]
    else:
        assert "nobody" in response.json["message"]
        assert "no-one" in response.json["message"]
    assert row_counts() == before


def test_young_people_out_of_scope_are_named_with_the_reason(client, officer, row_counts):
    too_young = add_young_person(client, officer, "Y", date_of_birth="2011-06-01")
    before = row_counts()

    response = client.post(
        "/api/v1/matching/runs", json={"as_of": SCENARIO_DAY, "young_people": [too_young]}, headers=officer
    )

    assert response.status_code == 422
    assert "16-25" in response.json["errors"]["json"]["young_people"][too_young][0]
    assert row_counts() == before


def test_only_officers_run_and_decide(client, auth, officer):
    add_young_person(client, officer, "A")
    supported_place(client, officer)
    body = matching_run(client, officer)
    proposal = body["proposals"][0]["id"]
    for role in (Role.DISTRICT_OFFICER, Role.HOUSE_PROJECT_COORDINATOR):
        headers = auth.headers(role)
        assert client.post("/api/v1/matching/runs", json={}, headers=headers).status_code == 403
        assert client.get(f"/api/v1/matching/runs/{body['id']}", headers=headers).status_code == 403
        assert client.post(f"/api/v1/proposals/{proposal}/accept", headers=headers).status_code == 403
    assert client.get("/api/v1/matching/runs/nope", headers=officer).status_code == 404
    assert client.post("/api/v1/proposals/nope/accept", headers=officer).status_code == 404
    assert client.post("/api/v1/proposals/nope/reject", json={}, headers=officer).status_code == 404


def test_lowering_capacity_below_the_places_accepted_is_409(client, officer, db):
    add_young_person(client, officer, "A")
    place = supported_place(client, officer, capacity=2)
    proposal = matching_run(client, officer)["proposals"][0]["id"]
    client.post(f"/api/v1/proposals/{proposal}/accept", headers=officer)

    lowered = client.patch(f"/api/v1/options/{place}", json={"capacity": 1}, headers=officer)
    too_low = client.patch(f"/api/v1/options/{place}", json={"capacity": 0}, headers=officer)

    assert lowered.status_code == 200
    assert lowered.json["remaining"] == 0
    assert too_low.status_code == 422  # capacity is at least 1 whatever the placements
    assert db.get(Option, place).placed == 1


def test_the_match_command_runs_and_summarises(app, client, officer):
    add_young_person(client, officer, "A")
    supported_place(client, officer)

    result = app.test_cli_runner().invoke(args=["match", "--as-of", SCENARIO_DAY])

    assert result.exit_code == 0, result.output
    for line in ("matched", "urgent matched", "unmatched", "mean distance to links"):
        assert line in result.stdout
    assert "optimal" in result.stdout


def test_explanations_say_what_is_due_and_the_soonest_due_come_first(client, officer):
    """Contract v1.1, "Due first": a move due in 20 days, a pathway due by 17½ in 70, nothing due."""
    pathway = add_young_person(client, officer, "PATHWAY", date_of_birth="2009-08-01")  # 17½ on 2027-02-01
    move = add_young_person(client, officer, "MOVE", date_of_birth="2004-01-01", move_date="2026-12-13")
    settled = add_young_person(client, officer, "SETTLED", date_of_birth="2003-01-01")  # 23, no move date
    supported_place(client, officer, "Worthing", capacity=3, max_age=25)

    body = matching_run(client, officer)

    assert [p["young_person"] for p in body["proposals"]] == [move, pathway, settled]
    due = [
        {key: p["explanation"][key] for key in ("due", "due_date", "days_to_due", "pathway_deadline")}
        for p in body["proposals"]
    ]
    assert due == [
        {"due": "move", "due_date": "2026-12-13", "days_to_due": 20, "pathway_deadline": "2021-07-01"},
        {"due": "pathway", "due_date": "2027-02-01", "days_to_due": 70, "pathway_deadline": "2027-02-01"},
        {"due": None, "due_date": None, "days_to_due": None, "pathway_deadline": "2020-07-01"},
    ]
