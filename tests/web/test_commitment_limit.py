"""A council asks the matcher to keep to its yearly commitment (issue 33): off by default; when on,
a run proposes no more of its register's vacancies than the commitment has left, and the run page
says in words who the limit held back."""

import pytest

from housing.vocabulary import Role
from tests import builders, payloads

SCHEME = "/api/v1/districts/crawley/scheme"


@pytest.fixture(autouse=True)
def crawley_as_found(client, auth):
    """Councils are reference data, kept from test to test: each test leaves Crawley's as it found it."""
    yield
    body = {"yearly_commitment": None, "commitment_limits_matching": False}
    client.patch(SCHEME, json=body, headers=auth.headers(Role.ADMIN))


def two_applicants_two_homes(client, officer) -> list[str]:
    people = []
    for reference in ("LIM-1", "LIM-2"):
        person = builders.young_person(client, officer, reference)
        applied = client.post(f"/api/v1/young-people/{person}/applications",
                              json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
        assert applied.status_code == 201, applied.json
        people.append(person)
    for name in ("Flat 1, Ifield", "Flat 2, Ifield"):
        home = payloads.option("register_vacancy", place="Crawley", step_free=True, name=name)
        assert client.post("/api/v1/options", json=home, headers=officer).status_code == 201
    return people


def test_a_commitment_alone_limits_nothing(client, officer, auth):
    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    assert client.patch(SCHEME, json={"yearly_commitment": 1}, headers=crawley).status_code == 200
    people = two_applicants_two_homes(client, officer)

    run = builders.run(client, officer, young_people=people)

    assert len(run["proposals"]) == 2


def test_a_council_keeping_to_its_commitment_gets_no_more_than_is_left_and_the_run_page_says_why(
    client, officer, auth, person_signing_in
):
    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    asked = client.patch(
        SCHEME, json={"yearly_commitment": 1, "commitment_limits_matching": True}, headers=crawley
    )
    assert asked.status_code == 200, asked.json
    assert asked.json["commitment_limits_matching"] is True
    people = two_applicants_two_homes(client, officer)

    run = builders.run(client, officer, young_people=people)

    assert len(run["proposals"]) == 1
    [left] = run["unmatched"]
    assert [r["district"] for r in left["reasons"] if r["code"] == "COMMITMENT"] == ["crawley"]
    person_signing_in(client)
    page = client.get(f"/runs/{run['id']}").get_data(as_text=True)
    assert "Crawley has given all the homes it committed to care leavers this year" in page
    assert (
        "council home with room held back: Crawley&#39;s yearly commitment to care leavers is used up" in page
    )


def test_the_council_turns_the_limit_on_from_its_own_page(client, person_signing_in, auth):
    person_signing_in(client, Role.DISTRICT_OFFICER, "crawley")
    form = client.get("/district").get_data(as_text=True)
    assert "Ask the matcher to keep to it" in form
    token = form.split('name="csrf_token" value="')[1].split('"')[0]

    saved = client.post(
        "/district/commitment", data={"csrf_token": token, "commitment": "4", "limits": "yes"}
    )

    assert saved.status_code == 302
    assert "The matcher will keep to what is left of it." in client.get("/district").get_data(as_text=True)
    districts = client.get("/api/v1/districts", headers=auth.headers(Role.ADMIN)).json
    [crawley] = [
        d
        for d in (districts if isinstance(districts, list) else districts["items"])
        if d["slug"] == "crawley"
    ]
    assert (crawley["yearly_commitment"], crawley["commitment_limits_matching"]) == (4, True)
