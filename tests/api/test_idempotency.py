"""Idempotency-Key: a client that lost the answer to a create sends it again and gets one record."""

import threading

import pytest
from sqlalchemy import func, select

from housing.models import IdempotentRequest, Option
from housing.vocabulary import Role
from tests import payloads


def with_key(headers: dict, key: str) -> dict:
    return {**headers, "Idempotency-Key": key}


def test_a_create_sent_twice_with_one_key_makes_one_option_and_answers_the_same(client, officer, row_counts):
    first = client.post("/api/v1/options", json=payloads.option(), headers=with_key(officer, "opt-1"))
    after_first = row_counts()

    again = client.post("/api/v1/options", json=payloads.option(), headers=with_key(officer, "opt-1"))

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json == first.json
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert row_counts() == after_first
    assert after_first["idempotent_requests"] == 1


def test_without_a_key_two_sends_are_two_options(client, officer, db):
    for _ in range(2):
        assert client.post("/api/v1/options", json=payloads.option(), headers=officer).status_code == 201
    assert db.scalar(select(func.count()).select_from(Option)) == 2
    assert db.scalar(select(func.count()).select_from(IdempotentRequest)) == 0


def a_person(client, headers) -> str:
    return client.post("/api/v1/young-people", json=payloads.young_person(), headers=headers).json["id"]


CREATES = {
    "young person": lambda client, h: ("/api/v1/young-people", payloads.young_person(reference="WS-9")),
    "application": lambda client, h: (
        f"/api/v1/young-people/{a_person(client, h)}/applications",
        {"district": "crawley", "band": "B", "applied_on": "2026-01-05"},
    ),
    "matching run": lambda client, h: ("/api/v1/matching/runs", {"as_of": "2026-11-23"}),
    "cohort": lambda client, h: ("/api/v1/cohorts", {"name": "Cohort 9", "starts_on": "2027-05-01"}),
}


@pytest.mark.parametrize("create", CREATES.values(), ids=CREATES.keys())
def test_every_create_replays_its_record_for_a_repeated_key(client, admin, row_counts, create):
    path, body = create(client, admin)
    first = client.post(path, json=body, headers=with_key(admin, "k-1"))
    after_first = row_counts()

    again = client.post(path, json=body, headers=with_key(admin, "k-1"))

    assert first.status_code == 201, first.json
    assert again.status_code == 201
    assert again.json["id"] == first.json["id"]
    assert {k: v for k, v in row_counts().items() if k != "audit"} == {
        k: v for k, v in after_first.items() if k != "audit"
    }


def test_a_key_used_for_another_request_is_refused_and_writes_nothing(client, officer, row_counts):
    client.post("/api/v1/options", json=payloads.option(), headers=with_key(officer, "opt-2"))
    before = row_counts()

    other = client.post(
        "/api/v1/options", json=payloads.option(capacity=4), headers=with_key(officer, "opt-2")
    )

    assert other.status_code == 422
    assert "Idempotency-Key" in other.json["errors"]["headers"]
    assert row_counts() == before


@pytest.mark.parametrize("key", ["", "x" * 101, "with space", "caf\u00e9"])
def test_a_malformed_key_is_422_and_writes_nothing(client, officer, row_counts, key):
    before = row_counts()
    response = client.post(
        "/api/v1/options", json=payloads.option(), headers=with_key(officer, key.encode().decode("latin-1"))
    )
    assert response.status_code == 422
    assert list(response.json["errors"]["headers"]) == ["Idempotency-Key"]
    assert row_counts() == before


def test_a_refused_create_leaves_its_key_unused(client, officer, row_counts):
    before = row_counts()
    refused = client.post(
        "/api/v1/options", json=payloads.option(place="Atlantis"), headers=with_key(officer, "k")
    )
    assert refused.status_code == 422
    assert row_counts() == before

    assert (
        client.post("/api/v1/options", json=payloads.option(), headers=with_key(officer, "k")).status_code
        == 201
    )


def test_keys_belong_to_their_user(client, auth, db):
    for role in (Role.HOUSING_OFFICER, Role.ADMIN):
        response = client.post(
            "/api/v1/options", json=payloads.option(), headers=with_key(auth.headers(role), "same")
        )
        assert response.status_code == 201
        assert "Idempotent-Replayed" not in response.headers
    assert db.scalar(select(func.count()).select_from(Option)) == 2


def test_simultaneous_sends_with_one_key_make_one_record(app, auth):
    postgres = app.config["DATABASE_URL"].startswith("postgresql")
    senders = 8 if postgres else 4
    headers = with_key(auth.headers(Role.HOUSING_OFFICER), "together")
    start = threading.Barrier(senders)
    answers: list[tuple[int, str]] = []
    lock = threading.Lock()

    def send() -> None:
        client = app.test_client()
        start.wait()
        response = client.post("/api/v1/options", json=payloads.option(), headers=headers)
        with lock:
            answers.append((response.status_code, response.json.get("id")))

    threads = [threading.Thread(target=send) for _ in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert {status for status, _ in answers} == {201}
    assert len({made for _, made in answers}) == 1
    with app.extensions["pathways"].session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Option)) == 1
