"""Bad input at volume: every operation with a body, a corpus of wrong bodies, no 500 and no row written.

Operations come from the OpenAPI document itself, so a new endpoint is covered the day it lands.
A council's file upload (multipart) has its own corpus of bad files: tests/districts/test_vacancy_upload.py.
"""

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from housing.models import ChangeRequest, Notification, User
from housing.vocabulary import Role
from tests import payloads
from tests.builders import awaiting_sign_off
from tests.conftest import trust_figures

HUGE = "x" * 100_000


def wrong_values(valid: object) -> list:
    """Values of the wrong type or shape for a field whose valid value is `valid`."""
    if isinstance(valid, bool):
        return ["maybe", 2, [], {}]
    if isinstance(valid, int):
        return ["x", 1.5, 10**30, -(10**30), [], {}, True]
    if isinstance(valid, str):
        dates = (
            ["2027-02-30", "31/12/2026", "2026-13-01"] if valid[:4].isdigit() and valid[4:5] == "-" else []
        )
        # NUL: PostgreSQL refuses it in text (a 500 Schemathesis found there; SQLite stores it).
        return [123, True, [], {}, HUGE, valid + "\x00", *dates]
    if isinstance(valid, list):
        return ["x", 5, {}, [HUGE] * 3, [[]], list(range(10_000)), ["\x00"]]
    if isinstance(valid, dict):
        return ["x", 5, [], {"unknown_field": 1}, {"\x00": 1}]
    return ["x", 5]


def corpus(valid: dict, required: list[str]) -> list:
    """Wrong bodies built from a valid one: each field wrong every way, required ones missing, unknown ones added."""
    bodies: list = [None, [], "text", 42, {"unknown_field": 1}, {**valid, "unknown_field": 1}]
    if required:
        bodies.append({})
    for field, value in valid.items():
        if field in required:
            bodies.append({k: v for k, v in valid.items() if k != field})
        bodies.extend({**valid, field: wrong} for wrong in wrong_values(value))
        # Inside lists of records (links, preferences) and nested records (needs): each inner field wrong.
        inner = value[0] if isinstance(value, list) and value and isinstance(value[0], dict) else value
        if isinstance(inner, dict):
            for key, inner_value in inner.items():
                for wrong in wrong_values(inner_value):
                    changed = {**inner, key: wrong}
                    bodies.append(
                        {**valid, field: [changed, *value[1:]] if isinstance(value, list) else changed}
                    )
    return bodies


@pytest.fixture
def world(app, client, officer, auth):
    """One of everything, so every path id exists and only the body can be wrong."""
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    person = client.post(
        "/api/v1/young-people", json=payloads.young_person(home_district="crawley"), headers=officer
    ).json["id"]
    application = client.post(f"/api/v1/young-people/{person}/applications",
                              json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"}, headers=officer).json  # fmt: skip
    vacancy = client.post("/api/v1/options", json=payloads.option("register_vacancy", available_from="2026-11-01",
                          step_free=True), headers=officer).json  # fmt: skip
    run = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    proposal = run["proposals"][0]["id"]
    client.post(f"/api/v1/proposals/{proposal}/accept", headers=officer)
    nomination = client.get("/api/v1/districts/crawley/nominations", headers=officer).json["items"][0]["id"]
    cohort = client.post(
        "/api/v1/cohorts", json={"name": "C", "starts_on": "2027-01-01"}, headers=coordinator
    ).json["id"]
    other = client.post(
        "/api/v1/young-people", json=payloads.young_person(reference="OTHER"), headers=officer
    ).json["id"]
    client.post(f"/api/v1/cohorts/{cohort}/members", json={"young_person": other}, headers=coordinator)
    placement = client.get(f"/api/v1/young-people/{person}", headers=officer).json["placements"][0]["id"]
    notification = _a_notification_for_the_admin(app, auth)
    provider = client.post(
        "/api/v1/providers",
        json={
            "name": "Oak Housing Ltd",
            "ofsted_number": "2712345",
            "rating": "good",
            "inspected_on": "2025-03-04",
        },
        headers=officer,
    ).json["id"]
    change = _a_change_request(app, person)
    return {
        "provider_id": provider,
        "young_person_id": person, "option_id": vacancy["id"], "proposal_id": proposal, "run_id": run["id"],
        "placement_id": placement, "change_id": change,
        "sign_off_id": awaiting_sign_off(app, proposal),
        "nomination_id": nomination, "notification_id": notification, "cohort_id": cohort, "application_id": application["id"], "slug": "crawley",
        "valid": {
            "/api/v1/young-people": payloads.young_person(reference="NEW"),
            "/api/v1/young-people/{young_person_id}": {"wishes": "A flat"},
            "/api/v1/young-people/{young_person_id}/applications": {"district": "adur", "band": "A", "applied_on": "2026-06-01"},
            "/api/v1/applications/{application_id}": {"band": "B"},
            "/api/v1/options": payloads.option("register_vacancy"),
            "/api/v1/options/{option_id}": {"capacity": 2},
            "/api/v1/matching/runs": {"as_of": "2026-11-23"},
            "/api/v1/proposals/{proposal_id}/accept": {},
            "/api/v1/proposals/{proposal_id}/reject": {"reason": "No"},
            "/api/v1/nominations/{nomination_id}/decision": {"decision": "declined", "reason": "No"},
            "/api/v1/cohorts": {"name": "D", "starts_on": "2027-06-01", "capacity": 15, "districts": ["adur"]},
            "/api/v1/cohorts/{cohort_id}": {"name": "E", "capacity": 12, "districts": ["adur"]},
            "/api/v1/cohorts/{cohort_id}/members": {"young_person": person},
            "/api/v1/cohorts/{cohort_id}/members/{young_person_id}": {"stage": "preparing"},
            "/api/v1/what-if": {"changes": [{"option": vacancy["id"], "places": 1}], "add": [payloads.option("supported_lodgings")]},
            "/api/v1/placements/{placement_id}/end": {"ends_on": "2027-12-01", "reason": "other", "note": "Left"},
            "/api/v1/options/{option_id}/carer-withdrawal": {"ends_on": "2027-12-01", "note": "Moving away"},
            "/api/v1/advisers": {"name": "Pat Exampleworth", "base": "Worthing"},
            "/api/v1/young-people/{young_person_id}/workers": {"kind": "personal_adviser", "worker": "x", "starts_on": "2026-06-01"},
            "/api/v1/adviser-allocations": {"allocations": [{"young_person": person, "adviser": "x", "as_proposed": True}]},
            "/api/v1/young-people/{young_person_id}/reviews": {"reviewed_on": "2099-06-01"},
            "/api/v1/nominations/{nomination_id}/withdraw": {"reason": "She chose to stay"},
            "/api/v1/young-people/{young_person_id}/move-steps": {"kind": "answer", "on": "2026-12-01",
                                                                  "answer": "yes", "words": "Yes please"},
            "/api/v1/districts/{slug}/scheme": {"bedroom_standard": [1, 2, 2, 3], "larger_homes_allowed": True},
            "/api/v1/notifications/{notification_id}/read": {},
            "/api/v1/sign-offs/{sign_off_id}/decision": {"decision": "sent_back", "reason": "Check the band"},
            "/api/v1/young-people/{young_person_id}/notes": {"kind": "call", "happened_on": "2026-06-01", "text": "Rang"},
            "/api/v1/young-people/{young_person_id}/tasks": {"title": "Ring", "due_on": "2099-06-01"},
            "/api/v1/proposals/{proposal_id}/share": {},
            "/api/v1/young-people/{young_person_id}/invite": {"email": "their.own@young.example"},
            "/api/v1/me/changes": {"about": "links", "words": "My college moved"},
            "/api/v1/proposals/{proposal_id}/view": {"view": "not_sure", "words": "Far from my sister"},
            "/api/v1/providers": {"name": "Birch Ltd", "ofsted_number": "2799999", "rating": "not_yet_inspected"},
            "/api/v1/providers/{provider_id}": {"name": "Oak Homes Ltd"},
            "/api/v1/changes/{change_id}/done": {"note": "I changed your college"},
        },
        "other": other,
    }  # fmt: skip


def _a_notification_for_the_admin(app, auth) -> str:
    """The operations run as an admin: one notification of theirs to mark read."""
    auth.headers(Role.ADMIN)
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        admin = session.scalar(select(User).where(User.role == Role.ADMIN))
        note = Notification(user_id=admin.id, key="test", kind="new_proposal", subject="S", body="B", link="/",
                            created_at=datetime.now(UTC))  # fmt: skip
        session.add(note)
        session.flush()
        return note.id


def _a_change_request(app, young_person_id: str) -> str:
    """A young person's "this is wrong", for an officer to mark as dealt with."""
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        asked = ChangeRequest(young_person_id=young_person_id, about="links", words="Wrong college",
                              asked_at=datetime.now(UTC))  # fmt: skip
        session.add(asked)
        session.flush()
        return asked.id


ROLE_FOR = {
    "/api/v1/sign-offs/{sign_off_id}/decision": Role.TEAM_MANAGER,
    "/api/v1/nominations/{nomination_id}/decision": Role.DISTRICT_OFFICER,
    "/api/v1/cohorts": Role.HOUSE_PROJECT_COORDINATOR,
    "/api/v1/me/": Role.YOUNG_PERSON,
    "/api/v1/proposals/{proposal_id}/view": Role.YOUNG_PERSON,
}


def test_every_body_taking_operation_refuses_a_corpus_of_bad_bodies_and_writes_nothing(
    client, auth, world, row_counts, database_url
):
    document = client.get("/api/v1/openapi.json").json
    operations = [(path, method) for path, item in document["paths"].items() for method, op in item.items()
                  if method in ("post", "patch") and "application/json" in op.get("requestBody", {}).get("content", {})]  # fmt: skip
    assert {path for path, _ in operations} == set(world["valid"]), "a body-taking operation without a corpus"
    failures = []
    sent = 0
    for path, method in operations:
        url = path
        for name, value in (
            world | ({"young_person_id": world["other"]} if "members/" in path else {})
        ).items():
            if isinstance(value, str):
                url = url.replace("{" + name + "}", value)
        role = next((r for prefix, r in ROLE_FOR.items() if path.startswith(prefix)), Role.ADMIN)
        headers = auth.headers(role)
        before = row_counts()
        required = _required(document, document["paths"][path][method])
        bodies = [(json.dumps(b), "application/json") for b in corpus(world["valid"][path], required)]
        bodies += [("{broken json", "application/json"), (json.dumps(world["valid"][path]), "text/plain"),
                   ("a=1&b=2", "application/x-www-form-urlencoded")]  # fmt: skip
        for raw, content_type in bodies:
            response = client.open(
                url, method=method.upper(), data=raw, content_type=content_type, headers=headers
            )
            sent += 1
            if not 400 <= response.status_code < 500:
                failures.append((method, path, raw[-120:], response.status_code))
        if row_counts() != before:
            failures.append((method, path, "rows written", row_counts()))
    assert failures == []
    assert sent > 350
    trust_figures(
        "bad_input", database_url, operations=len(operations), requests=sent, server_errors=0, rows_written=0
    )


def _required(document: dict, operation: dict) -> list[str]:
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema.get("required", [])


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/v1/options?place=Craw%00ley", "place"),
        ("/api/v1/young-people?home_district=crawley%00", "home_district"),
        ("/api/v1/districts/crawley/applicants?band=A%00", "band"),
    ],
)
def test_a_nul_character_in_a_query_is_a_422_naming_the_field(client, admin, path, field):
    response = client.get(path, headers=admin)
    assert response.status_code == 422
    assert list(response.json["errors"]["query"]) == [field]


@pytest.mark.parametrize(
    "path", ["/api/v1/options/a%00b", "/api/v1/young-people/a%00b", "/api/v1/cohorts/a%00"]
)
def test_a_nul_character_in_an_id_is_no_record_a_404(client, admin, path):
    assert client.get(path, headers=admin).status_code == 404


def test_a_nul_character_in_a_body_is_a_422_naming_the_field_and_writes_nothing(client, admin, row_counts):
    before = row_counts()
    response = client.post(
        "/api/v1/young-people",
        json=payloads.young_person(
            given_name="Te\x00sty",
            local_links=[{"kind": "work", "place": "Worthing", "importance": 1, "note": "\x00"}],
        ),
        headers=admin,
    )
    assert response.status_code == 422
    assert response.json["errors"]["json"] == {
        "given_name": ["must not contain the NUL character (U+0000)"],
        "local_links": {"0": {"note": ["must not contain the NUL character (U+0000)"]}},
    }
    assert row_counts() == before
