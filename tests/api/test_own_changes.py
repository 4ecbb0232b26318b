"""A young person's "this is wrong", dealt with (issue 32): an officer marks it with a short note of
what was done; officers read it on the record, the young person on their own pages; audited; other
roles 403 before anything else; unknown 404; a bad note 422; a second mark 409; nothing written on
any refusal."""

from sqlalchemy import select

from housing.models import AuditEntry, ChangeRequest
from housing.vocabulary import Role
from tests.builders import own_headers, young_person


def asked(app, client, officer, reference: str) -> tuple[str, dict, dict]:
    """A young person with their own account who said their links are wrong: (id, their headers, it)."""
    person = young_person(client, officer, reference)
    own = own_headers(app, reference, f"{reference.lower()}@young.example")
    said = client.post("/api/v1/me/changes", json={"about": "links", "words": "My college is in Crawley now"},
                       headers=own)  # fmt: skip
    assert said.status_code == 201, said.json
    return person, own, said.json


def test_an_officer_marks_it_dealt_with_and_both_sides_see_it_audited(app, client, officer, db):
    person, own, change = asked(app, client, officer, "YP-DONE")
    done = f"/api/v1/changes/{change['id']}/done"

    before = client.get(f"/api/v1/young-people/{person}/changes", headers=officer).json
    marked = client.post(done, json={"note": "I changed your college to Crawley College."}, headers=officer)

    assert [(c["words"], c["done_at"]) for c in before["items"]] == [("My college is in Crawley now", None)]
    assert marked.status_code == 200, marked.json
    assert marked.json["done_note"] == "I changed your college to Crawley College."
    assert marked.json["done_by"] == "housing_officer.county@test.example"
    [shown] = client.get(f"/api/v1/young-people/{person}/changes", headers=officer).json["items"]
    assert shown["done_at"] is not None
    [own_shown] = client.get("/api/v1/me/changes", headers=own).json["items"]
    assert own_shown["done_note"] == "I changed your college to Crawley College."
    assert "done_by" not in own_shown  # the young person reads what was done, not the officer's address
    details = db.scalars(select(AuditEntry.detail).where(AuditEntry.action == "change dealt with")).all()
    assert details == [
        "marked as dealt with their request about their links: I changed your college to Crawley College."
    ]


def test_a_second_mark_is_a_conflict_and_the_first_note_stands(app, client, officer, db):
    _, _, change = asked(app, client, officer, "YP-TWICE-DONE")
    done = f"/api/v1/changes/{change['id']}/done"
    client.post(done, json={"note": "Changed it."}, headers=officer)

    again = client.post(done, json={"note": "Something else."}, headers=officer)

    assert again.status_code == 409
    assert "already" in again.json["message"]
    db.rollback()
    assert db.get(ChangeRequest, change["id"]).done_note == "Changed it."


def test_roles_that_may_not_are_refused_before_the_body_is_read_and_nothing_is_written(
    app, client, officer, auth, db
):
    person, own, change = asked(app, client, officer, "YP-ROLES")
    done = f"/api/v1/changes/{change['id']}/done"

    for role in (Role.TEAM_MANAGER, Role.DISTRICT_OFFICER, Role.HOUSE_PROJECT_COORDINATOR, Role.COMMISSIONER):
        headers = auth.headers(role, "crawley" if role is Role.DISTRICT_OFFICER else None)
        assert client.post(done, json={"note": "Changed it."}, headers=headers).status_code == 403, role
        assert client.post(done, json={"note": ""}, headers=headers).status_code == 403, role
    assert client.post(done, json={"note": "I did it myself"}, headers=own).status_code == 403
    assert client.get(f"/api/v1/young-people/{person}/changes", headers=own).status_code == 403
    assert client.get("/api/v1/me/changes", headers=officer).status_code == 403  # theirs alone
    assert client.get(f"/api/v1/young-people/{person}/changes",
                      headers=auth.headers(Role.DISTRICT_OFFICER, "crawley")).status_code == 403  # fmt: skip
    assert client.get(f"/api/v1/young-people/{person}/changes",
                      headers=auth.headers(Role.TEAM_MANAGER)).status_code == 200  # fmt: skip
    db.rollback()
    assert db.get(ChangeRequest, change["id"]).done_at is None
    assert db.scalar(select(AuditEntry).where(AuditEntry.action == "change dealt with")) is None


def test_an_unknown_request_is_a_404_and_a_bad_note_a_422_naming_it(app, client, officer, db):
    _, _, change = asked(app, client, officer, "YP-BADNOTE")
    done = f"/api/v1/changes/{change['id']}/done"

    assert (
        client.post("/api/v1/changes/no-such-request/done", json={"note": "x"}, headers=officer).status_code
        == 404
    )
    for body in ({}, {"note": ""}, {"note": "   "}, {"note": "x" * 501}, {"note": "Fine", "colour": "blue"},
                 {"note": "Changed\u202eit"}):  # fmt: skip
        refused = client.post(done, json=body, headers=officer)
        assert refused.status_code == 422, (body, refused.status_code)
        assert refused.json["errors"]["json"], body
    db.rollback()
    assert db.get(ChangeRequest, change["id"]).done_at is None
