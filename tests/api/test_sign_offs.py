"""A team manager's sign-off of housing decisions through the API (issue 31): held nominations,
signing off, sending back with a reason, the setting per route, and who may do what."""

import pytest
from sqlalchemy import select

from housing.models import AuditEntry, Nomination, SignOff
from housing.vocabulary import Role
from tests.builders import nominated, record

ON = {"routes": ["register_vacancy"]}


@pytest.fixture
def manager(auth):
    return auth.headers(Role.TEAM_MANAGER)


@pytest.fixture
def held(client, officer, manager):
    """Sign-off on for register vacancies, then a Crawley vacancy accepted: the decision awaits."""
    assert client.put("/api/v1/sign-off/routes", json=ON, headers=manager).status_code == 200
    person = nominated(client, officer)
    [awaiting] = client.get("/api/v1/sign-offs?status=awaiting", headers=manager).json["items"]
    return person, awaiting


def test_with_sign_off_on_the_nomination_is_held_and_the_council_never_sees_it(
    client, officer, auth, held, db
):
    person, awaiting = held
    council = auth.headers(Role.DISTRICT_OFFICER, district="crawley")

    assert awaiting["young_person"] == person
    assert (awaiting["status"], awaiting["nomination"]) == ("awaiting", "held")
    assert awaiting["agreed_by"] == "housing_officer.county@test.example"
    assert record(client, officer, person)["pathway"]["status"] == "agreed"
    assert db.scalar(select(Nomination.id)) is None
    assert client.get("/api/v1/districts/crawley/nominations", headers=council).json["items"] == []
    applicants = client.get("/api/v1/districts/crawley/applicants", headers=council).json["items"]
    assert [a["nomination"] for a in applicants] == [None]


def test_signing_off_sends_the_nomination_and_records_who_and_when(client, auth, manager, held, db):
    person, awaiting = held
    council = auth.headers(Role.DISTRICT_OFFICER, district="crawley")

    signed = client.post(f"/api/v1/sign-offs/{awaiting['id']}/decision", json={"decision": "signed_off"},
                         headers=manager)  # fmt: skip

    assert signed.status_code == 200
    assert signed.json["status"] == "signed_off"
    assert signed.json["signed_off_by"] == "team_manager.county@test.example"
    assert signed.json["decided_at"] is not None
    assert signed.json["nomination"] == "pending"
    [nomination] = client.get("/api/v1/districts/crawley/nominations", headers=council).json["items"]
    assert nomination["young_person"] == person
    actions = set(db.scalars(select(AuditEntry.action).where(AuditEntry.young_person_id == person)))
    assert {"accept", "sign off"} <= actions


def test_sending_back_needs_a_reason_then_takes_the_accept_back(
    client, officer, manager, held, db, row_counts
):
    person, awaiting = held
    path = f"/api/v1/sign-offs/{awaiting['id']}/decision"
    before = row_counts()

    refused = client.post(path, json={"decision": "sent_back"}, headers=manager)
    assert refused.status_code == 422
    assert "reason" in refused.json["errors"]["json"]
    assert row_counts() == before

    sent = client.post(
        path, json={"decision": "sent_back", "reason": "Check the band first"}, headers=manager
    )
    assert sent.status_code == 200
    assert (sent.json["status"], sent.json["reason"]) == ("sent_back", "Check the band first")
    assert record(client, officer, person)["pathway"]["status"] == "in_progress"
    assert db.scalar(select(Nomination.id)) is None
    assert db.scalar(select(AuditEntry.action).where(AuditEntry.action == "send back")) == "send back"
    again = client.post(path, json={"decision": "signed_off"}, headers=manager)
    assert again.status_code == 409


def test_whoever_agreed_a_decision_cannot_sign_it_off(client, admin, manager):
    client.put("/api/v1/sign-off/routes", json=ON, headers=manager)
    nominated(client, admin)
    [awaiting] = client.get("/api/v1/sign-offs", headers=admin).json["items"]
    own = client.post(
        f"/api/v1/sign-offs/{awaiting['id']}/decision", json={"decision": "signed_off"}, headers=admin
    )
    assert own.status_code == 409
    assert "someone other than who agreed it" in own.json["message"]


def test_with_sign_off_off_the_nomination_goes_at_once(client, officer, manager, db):
    nominated(client, officer)
    assert db.scalar(select(Nomination.status)) == "pending"
    assert db.scalar(select(SignOff.id)) is None
    assert client.get("/api/v1/sign-off/routes", headers=manager).json == {"routes": []}


def test_the_setting_refuses_the_house_project_and_unknown_routes(client, manager):
    for routes in (["house_project"], ["castle"]):
        refused = client.put("/api/v1/sign-off/routes", json={"routes": routes}, headers=manager)
        assert refused.status_code == 422


@pytest.mark.parametrize("role", [Role.HOUSING_OFFICER, Role.DISTRICT_OFFICER, Role.COMMISSIONER,
                                  Role.HOUSE_PROJECT_COORDINATOR])  # fmt: skip
def test_only_team_managers_and_admins_sign_off_or_switch_it_on(client, auth, held, role):
    _person, awaiting = held
    headers = auth.headers(role, district="crawley") if role is Role.DISTRICT_OFFICER else auth.headers(role)
    decided = client.post(f"/api/v1/sign-offs/{awaiting['id']}/decision", json={"decision": "signed_off"},
                          headers=headers)  # fmt: skip
    assert decided.status_code == 403
    assert client.put("/api/v1/sign-off/routes", json=ON, headers=headers).status_code == 403


@pytest.mark.parametrize("role", [Role.DISTRICT_OFFICER, Role.COMMISSIONER, Role.HOUSE_PROJECT_COORDINATOR])
def test_councils_and_others_cannot_read_decisions_awaiting_sign_off(client, auth, held, role):
    _person, awaiting = held
    headers = auth.headers(role, district="crawley") if role is Role.DISTRICT_OFFICER else auth.headers(role)
    assert client.get("/api/v1/sign-offs", headers=headers).status_code == 403
    assert client.get(f"/api/v1/sign-offs/{awaiting['id']}", headers=headers).status_code == 403


def test_an_unknown_sign_off_is_a_404(client, manager):
    assert client.get("/api/v1/sign-offs/nope", headers=manager).status_code == 404
    assert client.post("/api/v1/sign-offs/nope/decision", json={"decision": "signed_off"},
                       headers=manager).status_code == 404  # fmt: skip
