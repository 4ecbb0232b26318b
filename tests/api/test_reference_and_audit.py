"""Reference data, the audit trail, and the error envelope every failure shares."""

from housing.vocabulary import Role
from tests import payloads


def test_the_seven_districts_with_gss_codes_and_their_own_bands(client, officer):
    body = client.get("/api/v1/districts", headers=officer).json

    assert body["total"] == 7
    by_slug = {d["slug"]: d for d in body["items"]}
    assert list(by_slug) == ["adur", "arun", "chichester", "crawley", "horsham", "mid-sussex", "worthing"]
    assert [by_slug[s]["gss_code"] for s in by_slug] == [f"E0700022{i}" for i in range(3, 10)]
    assert by_slug["crawley"]["bands"] == ["A+", "A", "B", "C", "D"]
    assert by_slug["arun"]["bands"] == ["A", "B", "C"]
    assert by_slug["mid-sussex"]["name"] == "Mid Sussex"


def test_places_carry_coordinates_and_out_of_county_places_no_district(client, officer):
    body = client.get("/api/v1/places?page_size=500", headers=officer).json
    places = {p["name"]: p for p in body["items"]}

    assert places["Crawley"] == {"name": "Crawley", "district": "crawley", "lat": 51.109, "lon": -0.187}
    assert places["Brighton"]["district"] is None
    for town in (
        "Shoreham-by-Sea",
        "Littlehampton",
        "Midhurst",
        "Billingshurst",
        "East Grinstead",
        "Goring-by-Sea",
    ):
        assert town in places
    assert {p["district"] for p in places.values()} >= {
        "adur", "arun", "chichester", "crawley", "horsham", "mid-sussex", "worthing", None,
    }  # fmt: skip


def test_the_audit_trail_says_who_saw_or_changed_a_record(client, officer, admin):
    person = client.post("/api/v1/young-people", json=payloads.young_person(), headers=officer).json
    client.get(f"/api/v1/young-people/{person['id']}", headers=officer)
    client.patch(f"/api/v1/young-people/{person['id']}", json={"wishes": "A flat"}, headers=officer)

    body = client.get(f"/api/v1/audit?young_person={person['id']}", headers=admin).json

    assert [e["action"] for e in body["items"]] == ["create", "view", "update"]
    first = body["items"][0]
    assert first["user"] == "housing_officer.county@test.example"
    assert first["role"] == "housing_officer"
    assert first["young_person"] == person["id"]
    assert first["at"].endswith("+00:00")
    assert "A flat" not in str(body)  # their own words are named, never copied into the trail
    assert body["items"][2]["detail"] == "changed their wishes (not shown)"


def test_an_update_is_audited_with_exactly_the_fields_that_changed(client, officer, admin):
    """A page sends every field of its form: only those that changed are named, ordinary ones with
    their values before and after in words, sensitive ones by name alone (issue 30)."""
    sent = payloads.young_person(move_date="2027-03-01", support_level="low")
    person = client.post("/api/v1/young-people", json=sent, headers=officer).json
    whole_form = {key: value for key, value in sent.items() if key not in ("local_links", "preferences")}
    changed = whole_form | {
        "move_date": "2027-04-15",
        "support_level": "medium",
        "date_of_birth": "2008-01-02",
    }
    unchanged = client.patch(f"/api/v1/young-people/{person['id']}", json=whole_form, headers=officer)
    client.patch(f"/api/v1/young-people/{person['id']}", json=changed, headers=officer)

    body = client.get(f"/api/v1/audit?young_person={person['id']}", headers=admin).json

    assert unchanged.status_code == 200
    assert [e["action"] for e in body["items"]] == ["create", "update"]  # nothing changed: no entry
    assert body["items"][1]["detail"] == (
        "changed date of birth (not shown); support level from low to medium; "
        "move date from 1 March 2027 to 15 April 2027"
    )
    assert "2008" not in body["items"][1]["detail"]


def test_every_error_shares_one_envelope(client, officer):
    not_found = client.get("/api/v1/young-people/nope", headers=officer).json
    forbidden = client.get("/api/v1/audit", headers=officer).json
    invalid = client.post("/api/v1/young-people", json={}, headers=officer).json
    unauthorised = client.get("/api/v1/audit").json

    for body, code in ((not_found, 404), (forbidden, 403), (invalid, 422), (unauthorised, 401)):
        assert body["code"] == code
        assert set(body) <= {"code", "status", "message", "errors"}
        assert body["message"]
    assert invalid["errors"]["json"]["reference"] == ["required: send this field"]  # no library text


def test_a_body_over_a_megabyte_is_413_and_writes_nothing(client, officer, row_counts):
    before = row_counts()
    body = payloads.young_person(wishes="x" * 2_000_000)

    response = client.post("/api/v1/young-people", json=body, headers=officer)

    assert response.status_code == 413
    assert response.json["code"] == 413
    assert row_counts() == before


def test_a_body_that_is_not_json_is_refused_and_writes_nothing(client, officer, row_counts):
    before = row_counts()

    broken = client.post(
        "/api/v1/young-people", data="{not json", content_type="application/json", headers=officer
    )
    plain = client.post("/api/v1/young-people", data="hello", content_type="text/plain", headers=officer)

    assert broken.status_code == 400
    assert broken.json["errors"]["json"] == ["Invalid JSON body."]
    assert plain.status_code == 415
    assert row_counts() == before


def test_a_patch_with_a_body_that_is_not_json_changes_nothing(client, officer, row_counts):
    person = client.post("/api/v1/young-people", json=payloads.young_person(), headers=officer).json["id"]
    before = row_counts()

    response = client.patch(
        f"/api/v1/young-people/{person}", data="wishes=x", content_type="text/plain", headers=officer
    )

    assert response.status_code == 415
    assert response.json["code"] == 415
    assert row_counts() == before


def test_a_page_size_over_500_is_422(client, officer):
    response = client.get("/api/v1/young-people?page_size=10000", headers=officer)
    assert response.status_code == 422
    assert "page_size" in response.json["errors"]["query"]


def test_district_officers_may_read_reference_data(client, auth):
    assert client.get("/api/v1/districts", headers=auth.headers(Role.DISTRICT_OFFICER)).status_code == 200
