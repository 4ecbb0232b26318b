"""A run's fairness through the API: ranks, pass-overs across tiers, distances by group, and the CSV."""

from sqlalchemy import null, select, update

from housing.models import AuditEntry, MatchingRun
from housing.vocabulary import Role
from tests.builders import create, due_soon, worthing_place
from tests.payloads import born_aged, young_person


def test_a_young_person_due_soon_passed_over_so_that_one_due_later_with_no_other_place_is_housed_is_listed(
    client, officer, auth, db, tiers
):
    # Only the Worthing place takes a wheelchair, so the less due wheelchair user is placed there,
    # and the more due young person, whose links are also near Worthing, goes to Crawley: the
    # exchange would leave the wheelchair user with no place, so the run keeps it, and says why.
    tiers.update({"WS-0001": "soon", "WS-0002": "later"})
    due = create(client, officer, "/api/v1/young-people", due_soon("WS-0001"))
    needs = {"step_free": True, "wheelchair": True, "children": 0, "immigration": "not_applicable"}
    body = young_person(reference="WS-0002", date_of_birth=born_aged(17), needs=needs)
    less_due = create(client, officer, "/api/v1/young-people", body)
    worthing = worthing_place(client, officer, wheelchair=True)
    worthing_place(client, officer, place="Crawley")
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json

    body = client.get(f"/api/v1/matching/runs/{run['id']}/fairness", headers=officer).json
    csv = client.get(f"/api/v1/matching/runs/{run['id']}/fairness.csv", headers=officer)
    seen_by_commissioner = client.get(
        f"/api/v1/matching/runs/{run['id']}/fairness", headers=auth.headers(Role.COMMISSIONER)
    ).json

    assert sum(body["ranks"].values()) == 2
    assert body["ranks"]["unmatched"] == 0
    assert body["passed_over_count"] == 1
    assert body["passed_over"] == [
        {"young_person": due, "option": worthing, "holder": less_due, "reason": "no_other_place"}
    ]
    assert {row["by"] for row in body["distances"]} == {
        "home_district",
        "support_level",
        "uasc",
        "parents",
        "disabled",
    }
    assert body["county"]["placed"] == 2
    assert csv.status_code == 200
    assert csv.headers["Content-Type"].startswith("text/csv")
    assert "distance_to_links,county,,2," in csv.get_data(as_text=True)
    assert "passed_over_pair" in csv.get_data(as_text=True)
    # Both young people a pair names are audited as seen, the one holding the place too.
    views = db.scalars(
        select(AuditEntry).where(
            AuditEntry.action == "view", AuditEntry.detail.startswith("fairness of the matching run")
        )
    ).all()
    assert [sorted(view.shown_ids) for view in views] == [sorted([due, less_due])] * 2  # the JSON and the CSV
    # A run of two describes those two: not for a commissioner (tests/api/test_commissioner_disclosure.py).
    assert seen_by_commissioner["code"] == 403


def test_an_unknown_run_is_404_and_a_district_officer_403(client, officer, auth):
    assert client.get("/api/v1/matching/runs/nope/fairness", headers=officer).status_code == 404
    refused = client.get("/api/v1/matching/runs/nope/fairness", headers=auth.headers(Role.DISTRICT_OFFICER))
    assert refused.status_code == 403


def test_young_people_of_one_tier_are_never_passed_over_for_each_other(client, officer, tiers):
    # The same two, both due soon: the run weighs only their links, and lists no pass-over.
    tiers.update({"WS-0001": "soon", "WS-0002": "soon"})
    create(client, officer, "/api/v1/young-people", due_soon("WS-0001"))
    needs = {"step_free": True, "wheelchair": True, "children": 0, "immigration": "not_applicable"}
    create(
        client,
        officer,
        "/api/v1/young-people",
        young_person(reference="WS-0002", date_of_birth=born_aged(17), needs=needs),
    )
    worthing_place(client, officer, wheelchair=True)
    worthing_place(client, officer, place="Crawley")
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json

    body = client.get(f"/api/v1/matching/runs/{run['id']}/fairness", headers=officer).json

    assert (body["passed_over_count"], body["passed_over"]) == (0, [])


def test_a_runs_fairness_is_kept_as_it_is_stored_and_is_what_its_snapshot_gives(client, officer, db, tiers):
    # The passed-over pair of the first test: the figures kept have a listed pair to compare.
    tiers.update({"WS-0001": "soon", "WS-0002": "later"})
    person = create(client, officer, "/api/v1/young-people", due_soon("WS-0001"))
    needs = {"step_free": True, "wheelchair": True, "children": 0, "immigration": "not_applicable"}
    body = young_person(reference="WS-0002", date_of_birth=born_aged(17), needs=needs)
    create(client, officer, "/api/v1/young-people", body)
    worthing_place(client, officer, wheelchair=True)
    worthing_place(client, officer, place="Crawley")
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json
    kept = db.get(MatchingRun, run["id"]).fairness  # before anyone reads them
    first = client.get(f"/api/v1/matching/runs/{run['id']}/fairness", headers=officer).json
    # A run stored before they were kept: worked out from its snapshot when first read, the same.
    db.rollback()
    db.execute(update(MatchingRun).where(MatchingRun.id == run["id"]).values(fairness=null()))
    db.commit()
    from_snapshot = client.get(f"/api/v1/matching/runs/{run['id']}/fairness", headers=officer).json
    # The store moves on; the run's figures are the run's, as first worked out.
    moved = client.patch(f"/api/v1/young-people/{person}", json={"home_district": "crawley"}, headers=officer)
    assert moved.status_code == 200

    again = client.get(f"/api/v1/matching/runs/{run['id']}/fairness", headers=officer).json

    assert kept["passed_over_count"] == 1  # kept as the run was stored
    assert from_snapshot == first
    assert again == first
    assert {row["group"] for row in again["distances"] if row["by"] == "home_district"} == {"worthing"}
    db.rollback()
    assert db.get(MatchingRun, run["id"]).fairness == kept
