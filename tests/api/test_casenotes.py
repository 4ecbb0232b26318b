"""Housing notes, the chronology and tasks through the API (issue 31): who may read them, what is
audited, and the reminder when a task falls due."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from housing.clock import today
from housing.models import AuditEntry, Notification, User
from housing.vocabulary import Role
from tests.builders import placed, supported_place, young_person

TODAY = today()
VISIT = {"kind": "visit", "happened_on": TODAY.isoformat(), "text": "Saw the flat with her; she liked it."}


def test_a_note_keeps_its_author_date_and_kind_and_reading_notes_is_audited(client, officer, db):
    person = young_person(client, officer, "WS-1")
    written = client.post(f"/api/v1/young-people/{person}/notes", json=VISIT, headers=officer)

    assert written.status_code == 201
    assert written.json["author"] == "housing_officer.county@test.example"
    assert (written.json["kind"], written.json["happened_on"]) == ("visit", TODAY.isoformat())
    [note] = client.get(f"/api/v1/young-people/{person}/notes", headers=officer).json
    assert note["text"] == VISIT["text"]
    details = set(db.scalars(select(AuditEntry.detail).where(AuditEntry.young_person_id == person)))
    assert "read housing notes" in details
    assert f"wrote a housing note of a visit on {TODAY.day} {TODAY:%B %Y}" in details  # no note id
    assert not any(VISIT["text"] in d for d in details)


@pytest.mark.parametrize(
    ("change", "field"),
    [({"kind": "letter"}, "kind"), ({"happened_on": (TODAY + timedelta(days=1)).isoformat()}, "happened_on"),
     ({"text": ""}, "text"), ({"colour": "red"}, "colour")],
)  # fmt: skip
def test_a_bad_note_is_refused_naming_the_field_and_nothing_is_written(
    client, officer, row_counts, change, field
):
    person = young_person(client, officer, "WS-1")
    before = row_counts()
    refused = client.post(f"/api/v1/young-people/{person}/notes", json=VISIT | change, headers=officer)
    assert refused.status_code == 422
    assert field in refused.json["errors"]["json"]
    assert row_counts() == before


def test_the_chronology_merges_notes_with_the_records_events_newest_first(client, officer, auth):
    person = young_person(client, officer, "WS-1")
    supported_place(client, officer)
    placed(client, officer, person, client.get("/api/v1/options", headers=officer).json["items"][0]["id"])
    client.post(
        f"/api/v1/young-people/{person}/reviews", json={"reviewed_on": TODAY.isoformat()}, headers=officer
    )
    client.post(f"/api/v1/young-people/{person}/notes", json=VISIT, headers=officer)

    items = client.get(
        f"/api/v1/young-people/{person}/chronology", headers=auth.headers(Role.TEAM_MANAGER)
    ).json["items"]

    kinds = {item["kind"] for item in items}
    assert {"note", "proposal", "decision", "move", "review"} <= kinds
    assert items == sorted(items, key=lambda item: item["on"], reverse=True)
    assert [i["text"] for i in items if i["kind"] == "note"] == [VISIT["text"]]


@pytest.mark.parametrize("role", [Role.DISTRICT_OFFICER, Role.HOUSE_PROJECT_COORDINATOR, Role.COMMISSIONER])
def test_notes_tasks_and_the_chronology_are_refused_to_councils_coordinators_and_commissioners(
    client, officer, auth, role
):
    person = young_person(client, officer, "WS-1")
    headers = auth.headers(role)
    for path in ("notes", "chronology", "tasks"):
        assert client.get(f"/api/v1/young-people/{person}/{path}", headers=headers).status_code == 403
    assert client.post(f"/api/v1/young-people/{person}/notes", json=VISIT, headers=headers).status_code == 403
    assert client.get("/api/v1/tasks", headers=headers).status_code == 403


def test_a_task_goes_to_its_owner_and_is_reminded_once_when_due(app, client, officer, auth, db):
    person = young_person(client, officer, "WS-1")
    manager = auth.headers(Role.TEAM_MANAGER)
    owner = db.scalar(select(User.id).where(User.role == Role.TEAM_MANAGER))
    db.rollback()  # read afresh below, after the job has written
    body = {"title": "Ring the landlord about the deposit", "due_on": TODAY.isoformat(), "owner": owner}
    set_task = client.post(f"/api/v1/young-people/{person}/tasks", json=body, headers=officer)
    assert set_task.status_code == 201, set_task.json
    task = set_task.json
    assert (task["owner_email"], task["created_by"]) == (
        "team_manager.county@test.example", "housing_officer.county@test.example",
    )  # fmt: skip
    assert client.get("/api/v1/tasks", headers=officer).json["items"] == []

    mine = client.get("/api/v1/tasks", headers=manager).json["items"]
    assert [t["title"] for t in mine] == [body["title"]]
    for _ in range(2):
        with app.app_context():
            app.extensions["pathways_tasks"]["casework_notices"].call_local()
    reminders = db.scalars(select(Notification).where(Notification.kind == "task_due")).all()
    assert [(r.subject, r.link) for r in reminders] == [("A task is due", f"/young-people/{person}/tasks")]

    done = client.post(f"/api/v1/tasks/{task['id']}/done", headers=manager)
    assert done.status_code == 200
    assert done.json["done_by"] == "team_manager.county@test.example"
    assert client.get("/api/v1/tasks", headers=manager).json["items"] == []


def test_a_task_for_a_council_officer_or_in_the_past_is_refused(client, officer, auth, row_counts):
    person = young_person(client, officer, "WS-1")
    auth.headers(Role.DISTRICT_OFFICER)
    before = row_counts()
    past = {"title": "Call", "due_on": (TODAY - timedelta(days=1)).isoformat()}
    refused = client.post(f"/api/v1/young-people/{person}/tasks", json=past, headers=officer)
    assert refused.status_code == 422
    assert "due_on" in refused.json["errors"]["json"]
    nobody = client.post(f"/api/v1/young-people/{person}/tasks", json=past | {"owner": "nobody", "due_on": TODAY.isoformat()},
                         headers=officer)  # fmt: skip
    assert nobody.status_code == 422
    assert "owner" in nobody.json["errors"]["json"]
    assert row_counts() == before


def test_unknown_young_people_and_tasks_are_404s(client, officer):
    assert client.get("/api/v1/young-people/nope/notes", headers=officer).status_code == 404
    assert client.post("/api/v1/young-people/nope/notes", json=VISIT, headers=officer).status_code == 404
    assert client.post("/api/v1/tasks/nope/done", headers=officer).status_code == 404
