"""Runs an officer can find and trust: the list of runs, and proposals overtaken since."""

from sqlalchemy import select

from housing.models import Proposal
from housing.vocabulary import Role
from tests.builders import add_young_person, matching_run, supported_place


def test_runs_are_listed_newest_first_with_who_ran_them_and_their_counts(client, officer, admin):
    first, second = add_young_person(client, officer, "A"), add_young_person(client, officer, "B")
    supported_place(client, officer, capacity=1)
    older = matching_run(client, officer, young_people=[first])
    newer = matching_run(client, admin, young_people=[first, second])
    [proposal] = newer["proposals"]
    client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer)

    response = client.get("/api/v1/matching/runs", headers=officer)

    assert response.status_code == 200
    assert response.json["total"] == 2
    assert [r["id"] for r in response.json["items"]] == [newer["id"], older["id"]]
    latest, earlier = response.json["items"]
    assert latest["created_by"] == "admin.county@test.example"
    assert latest["as_of"] == "2026-11-23"
    summary = newer["summary"]  # urgency is the matcher's to judge; the list repeats it
    assert latest["counts"] == {"in_scope": 2, "proposed": 1, "urgent": summary["urgent"],
                                "urgent_matched": summary["urgent_matched"], "unmatched": 1,
                                "accepted": 1, "rejected": 0, "superseded": 0}  # fmt: skip
    # The older run's proposal (same place, same or other young person) is now overtaken.
    assert earlier["counts"]["superseded"] == 1
    assert "proposals" not in latest


def test_the_runs_list_pages_and_is_for_officers_only(client, officer, auth):
    add_young_person(client, officer, "A")
    ids = [matching_run(client, officer)["id"] for _ in range(3)]

    second_page = client.get("/api/v1/matching/runs?page=2&page_size=2", headers=officer).json

    assert [r["id"] for r in second_page["items"]] == [ids[0]]
    assert (second_page["total"], second_page["page"], second_page["page_size"]) == (3, 2, 2)
    district = auth.headers(Role.DISTRICT_OFFICER)
    assert client.get("/api/v1/matching/runs", headers=district).status_code == 403
    assert client.get("/api/v1/matching/runs").status_code == 401
    assert client.get("/api/v1/matching/runs?page=0", headers=officer).status_code == 422


def test_a_proposal_for_a_place_taken_since_reads_as_superseded_and_cannot_be_accepted(
    client, officer, row_counts, db
):
    first, second = add_young_person(client, officer, "A"), add_young_person(client, officer, "B")
    supported_place(client, officer, capacity=1)
    for_first = matching_run(client, officer, young_people=[first])
    for_second = matching_run(client, officer, young_people=[second])
    assert (
        client.post(
            f"/api/v1/proposals/{for_first['proposals'][0]['id']}/accept", headers=officer
        ).status_code
        == 200
    )

    [stale] = client.get(f"/api/v1/matching/runs/{for_second['id']}", headers=officer).json["proposals"]
    assert stale["status"] == "superseded"
    assert stale["superseded_because"] == "no_place_left"
    before = row_counts()
    refused = client.post(f"/api/v1/proposals/{stale['id']}/accept", headers=officer)
    assert refused.status_code == 409
    assert "superseded" in refused.json["message"]
    assert row_counts() == before
    db.rollback()
    assert (
        db.scalar(select(Proposal.status).where(Proposal.id == stale["id"])) == "proposed"
    )  # nothing stored


def test_a_proposal_whose_pathway_was_agreed_elsewhere_reads_as_superseded(client, officer):
    person = add_young_person(client, officer, "A")
    supported_place(client, officer, "Worthing")
    supported_place(client, officer, "Lancing")
    # The later run is the current one (v1.2: it supersedes the earlier's proposal); accept it.
    one, other = matching_run(client, officer, young_people=[person]), matching_run(client, officer)
    assert (
        client.post(f"/api/v1/proposals/{other['proposals'][0]['id']}/accept", headers=officer).status_code
        == 200
    )

    again = client.get(f"/api/v1/matching/runs/{one['id']}", headers=officer).json["proposals"][0]
    accepted = client.get(f"/api/v1/matching/runs/{other['id']}", headers=officer).json["proposals"][0]

    assert (again["status"], again["superseded_because"]) == ("superseded", "pathway_agreed")
    assert (accepted["status"], accepted["superseded_because"]) == ("accepted", None)
    assert client.post(f"/api/v1/proposals/{again['id']}/accept", headers=officer).status_code == 409
