"""House Project places are costed where the cohort's homes will be, its districts, not the Crawley hub (issue 25)."""

from housing.clock import today
from housing.vocabulary import Role
from tests import payloads


def test_a_young_person_who_chose_the_house_project_gets_the_cohort_open_in_their_own_district(
    client, auth, officer
):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    body = {"name": "Cohort West", "starts_on": today().isoformat(), "districts": ["chichester", "arun"]}
    cohort = client.post("/api/v1/cohorts", json=body, headers=coordinator).json
    lodgings = client.post(
        "/api/v1/options",
        json=payloads.option("supported_lodgings", place="Chichester", min_age=16, name="Host in Chichester"),
        headers=officer,
    ).json
    person = payloads.young_person(
        reference="HP-FIRST",
        date_of_birth=payloads.born_aged(18, 100),
        home_district="chichester",
        current_place="Chichester",
        needs={"step_free": False, "children": 0, "immigration": "not_applicable"},
        local_links=[
            {"kind": "college", "place": "Chichester", "importance": 3},
            {"kind": "family", "place": "Bognor Regis", "importance": 2},
        ],
        preferences=[{"rank": 1, "route": "house_project"}],
    )
    created = client.post("/api/v1/young-people", json=person, headers=officer)
    assert created.status_code == 201, created.json

    run = client.post("/api/v1/matching/runs", json={"young_people": [created.json["id"]]}, headers=officer)

    assert run.status_code == 201, run.json
    assert len(run.json["proposals"]) == 1, run.json["unmatched"]
    [proposal] = run.json["proposals"]
    assert proposal["option"] == cohort["option"], f"proposed {proposal['route']}, not the House Project"
    distances = {link["place"]: link["distance_km"] for link in proposal["explanation"]["links"]}
    assert distances["Chichester"] < 5  # measured from the cohort's districts, not Crawley 50 km away
    arcs = client.get(f"/api/v1/matching/runs/{run.json['id']}/candidates", headers=officer).json["arcs"]
    cost = {arc["option"]: arc["cost"] for arc in arcs}
    assert cost[cohort["option"]] < cost[lodgings["id"]]
