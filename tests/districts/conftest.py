"""The councils' fixtures: an applicant carrying a marker in every field a council may not see, and
their pending nomination."""

import pytest

from tests import payloads

# Values that must never reach a council: each is unique to a field the district may not see.
MARKERS = {
    "date_of_birth": "2009-04-11",
    "custody_release_date": "2027-03-17",
    "immigration": "leave_granted",
    "wishes": "MARKER-WISHES-QZX",
    "note": "MARKER-NOTE-QZX",
    "avoid_place": "Midhurst",
    "avoid_district": "adur",
    "outside_link": "Selsey",
}


@pytest.fixture
def applicant(client, officer):
    """A care leaver applying to Crawley's register, with a marker in every field a council may not see."""
    body = payloads.young_person(
        reference="CL-1",
        date_of_birth=MARKERS["date_of_birth"],
        home_district="crawley",
        current_place="Crawley",
        needs={
            "uasc": True, "immigration": MARKERS["immigration"],
            "custody_release_date": MARKERS["custody_release_date"],
            "avoid_places": [MARKERS["avoid_place"]], "avoid_districts": [MARKERS["avoid_district"]],
        },
        local_links=[{"kind": "college", "place": "Crawley", "importance": 3, "note": MARKERS["note"]},
                     {"kind": "family", "place": MARKERS["outside_link"], "importance": 2}],
        wishes=MARKERS["wishes"],
    )  # fmt: skip
    person = client.post("/api/v1/young-people", json=body, headers=officer).json
    application = client.post(
        f"/api/v1/young-people/{person['id']}/applications",
        json={"district": "crawley", "band": "A+", "applied_on": "2026-06-01"},
        headers=officer,
    )
    assert application.status_code == 201, application.json
    return person["id"]


@pytest.fixture
def nomination(client, officer, applicant):
    """The applicant proposed and accepted for a Crawley vacancy: a pending nomination."""
    vacancy = payloads.option(
        "register_vacancy", place="Crawley", available_from="2026-11-01", step_free=True
    )
    client.post("/api/v1/options", json=vacancy, headers=officer)
    run = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    [proposal] = run["proposals"]
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    [pending] = client.get("/api/v1/districts/crawley/nominations", headers=officer).json["items"]
    return pending
