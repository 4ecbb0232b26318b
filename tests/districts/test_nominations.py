"""Nominations: an accepted register vacancy nominates, and only the nominated council decides."""

from housing.vocabulary import Role
from tests.builders import NOMINATION_FIELDS


def test_accepting_a_vacancy_nominates_and_the_district_accepts(client, officer, auth, nomination, applicant):
    crawley = auth.headers(Role.DISTRICT_OFFICER)
    assert nomination["status"] == "pending"
    assert set(nomination) == NOMINATION_FIELDS
    listed = client.get("/api/v1/districts/crawley/applicants?status=pending", headers=crawley).json
    assert [row["nomination"] for row in listed["items"]] == ["pending"]

    decided = client.post(f"/api/v1/nominations/{nomination['id']}/decision", json={"decision": "accepted"},
                          headers=crawley)  # fmt: skip
    again = client.post(f"/api/v1/nominations/{nomination['id']}/decision", json={"decision": "declined",
                        "reason": "second thoughts"}, headers=crawley)  # fmt: skip

    assert decided.status_code == 200
    assert decided.json["status"] == "accepted"
    assert again.status_code == 409
    assert (
        client.get(f"/api/v1/young-people/{applicant}", headers=officer).json["pathway"]["status"] == "agreed"
    )


def test_a_declined_nomination_frees_the_place_reopens_the_pathway_and_is_not_proposed_again(
    client, officer, auth, nomination, applicant, row_counts
):
    crawley = auth.headers(Role.DISTRICT_OFFICER)
    option = nomination["option"]
    assert client.get(f"/api/v1/options/{option}", headers=officer).json["remaining"] == 0
    before = row_counts()
    no_reason = client.post(f"/api/v1/nominations/{nomination['id']}/decision", json={"decision": "declined"},
                            headers=crawley)  # fmt: skip
    assert no_reason.status_code == 422
    assert row_counts() == before

    declined = client.post(f"/api/v1/nominations/{nomination['id']}/decision",
                           json={"decision": "declined", "reason": "Band too low for this property"},
                           headers=crawley)  # fmt: skip

    assert declined.status_code == 200
    assert client.get(f"/api/v1/options/{option}", headers=officer).json["remaining"] == 1
    pathway = client.get(f"/api/v1/young-people/{applicant}", headers=officer).json["pathway"]
    assert pathway == {
        "status": "in_progress",
        "route": None,
        "option": None,
        "agreed_on": None,
        "nomination": None,
    }
    later = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    assert later["proposals"] == []
    assert later["unmatched"][0]["reasons"][0]["code"] == "REJECTED"


def test_only_the_nominated_districts_officer_decides(client, auth, officer, admin, nomination):
    url = f"/api/v1/nominations/{nomination['id']}/decision"
    body = {"decision": "accepted"}
    assert (
        client.post(url, json=body, headers=auth.headers(Role.DISTRICT_OFFICER, "worthing")).status_code
        == 403
    )
    assert client.post(url, json=body, headers=officer).status_code == 403
    assert client.post(url, json=body, headers=admin).status_code == 403
    assert (
        client.post(
            "/api/v1/nominations/nope/decision", json=body, headers=auth.headers(Role.DISTRICT_OFFICER)
        ).status_code
        == 404
    )
    assert (
        client.post(url, json={"decision": "maybe"}, headers=auth.headers(Role.DISTRICT_OFFICER)).status_code
        == 422
    )
