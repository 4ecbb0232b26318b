"""A record as the API reads it: the same bytes as the model a change returns, and the same few queries
however much it holds (each list of a page of records is read at once, issue 24)."""

import pytest
from sqlalchemy import event

from housing.vocabulary import Role
from tests.builders import option, placed, young_person

API = "/api/v1/young-people"


@pytest.fixture
def statements(app):
    """How many statements each request sends on the app's engine."""
    engine = app.extensions["pathways"].engine
    sent = []

    def one(*statement) -> None:
        sent.append(statement)

    def count(client, path, headers) -> int:
        before = len(sent)
        assert client.get(path, headers=headers).status_code == 200, path
        return len(sent) - before

    event.listen(engine, "before_cursor_execute", one)
    yield count
    event.remove(engine, "before_cursor_execute", one)


def plain(client, officer, reference):
    return young_person(client, officer, reference, local_links=[], preferences=[])


def full(client, officer, reference, place_name):
    """Four links, three preferences, two applications and a placement with its option."""
    links = [
        {"kind": kind, "place": "Worthing", "importance": 2}
        for kind in ("college", "family", "work", "health")
    ]
    wishes = [{"rank": rank, "district": "worthing"} for rank in (1, 2, 3)]
    person = young_person(client, officer, reference, local_links=links, preferences=wishes)
    for district, day in (("crawley", "2026-06-01"), ("adur", "2026-06-02")):
        applied = {"district": district, "band": "B", "applied_on": day}
        assert client.post(f"{API}/{person}/applications", json=applied, headers=officer).status_code == 201
    placed(client, officer, person, option(client, officer, name=place_name))
    return person


def test_a_record_full_of_lists_costs_as_many_queries_as_a_bare_one(client, auth, statements):
    officer = auth.headers(Role.HOUSING_OFFICER)
    bare = plain(client, officer, "QR-001")
    rich = full(client, officer, "QR-002", "Room A")
    shown = client.get(f"{API}/{rich}", headers=officer).json
    assert (len(shown["local_links"]), len(shown["applications"]), len(shown["placements"])) == (4, 2, 1)

    assert statements(client, f"{API}/{rich}", officer) == statements(client, f"{API}/{bare}", officer)


@pytest.mark.parametrize("order", ["deadline", "due"])
def test_a_page_of_records_costs_as_many_queries_for_six_as_for_two(client, auth, statements, order):
    officer = auth.headers(Role.HOUSING_OFFICER)
    for n in range(2):
        full(client, officer, f"QR-1{n}", f"Room {n}")
    few = statements(client, f"{API}?order={order}", officer)

    for n in range(2, 6):
        full(client, officer, f"QR-1{n}", f"Room {n}")
    many = statements(client, f"{API}?order={order}", officer)

    assert client.get(f"{API}?order={order}", headers=officer).json["total"] == 6
    assert many == few


def test_a_record_read_is_byte_for_byte_the_record_a_change_returns(client, auth):
    """The read's frozen record and the model a change writes dump alike, to the byte (api-contract)."""
    officer = auth.headers(Role.HOUSING_OFFICER)
    person = full(client, officer, "QR-003", "Room B")
    changed = client.patch(f"{API}/{person}", json={"wishes": "Stay near my college."}, headers=officer)
    read = client.get(f"{API}/{person}", headers=officer)

    assert changed.status_code == read.status_code == 200
    assert read.data == changed.data
    listed = client.get(f"{API}?q=QR-003", headers=officer).json["items"]
    assert listed == [read.json]


def test_my_young_people_shows_each_record_as_its_own_read_shows_it(client, auth):
    officer, manager = auth.headers(Role.HOUSING_OFFICER), auth.headers(Role.TEAM_MANAGER)
    person = full(client, officer, "QR-004", "Room C")
    me = client.get("/api/v1/team", headers=manager).json["officers"][0]["id"]
    allocated = {"kind": "housing_officer", "worker": me}
    assert client.post(f"{API}/{person}/workers", json=allocated, headers=manager).status_code == 201

    [mine] = client.get("/api/v1/my-young-people", headers=officer).json["items"]

    assert mine == client.get(f"{API}/{person}", headers=officer).json
    assert (len(mine["local_links"]), len(mine["applications"]), len(mine["placements"])) == (4, 2, 1)
