"""The young person's own view through the API, by role (contract v1.2, issue 32): they see their
own record and what is shared with them, answer it in their own words, and nothing else."""

from sqlalchemy import select

from housing.models import AuditEntry, Notification, Proposal, User
from housing.vocabulary import Role
from tests.builders import own_headers, run, shared_proposal, supported_place, young_person

STAFF_OPERATIONS = (
    ("GET", "/api/v1/young-people"),
    ("GET", "/api/v1/young-people/{person}"),
    ("GET", "/api/v1/young-people/{person}/proposals"),
    ("GET", "/api/v1/options"),
    ("GET", "/api/v1/matching/runs"),
    ("GET", "/api/v1/audit"),
    ("POST", "/api/v1/proposals/{proposal}/accept"),
    ("POST", "/api/v1/proposals/{proposal}/share"),
    ("POST", "/api/v1/young-people/{person}/invite"),
)


def test_me_shows_their_record_and_the_shared_proposal_without_notes_costs_or_scores(app, client, officer):
    person, proposal = shared_proposal(client, officer, "YP-ME-1")
    own = own_headers(app, "YP-ME-1", "me1@test.example")

    me = client.get("/api/v1/me", headers=own)

    assert me.status_code == 200
    assert me.json["young_person"]["id"] == person
    assert "placements" not in me.json["young_person"]
    assert all("note" not in link for link in me.json["young_person"]["local_links"])
    [shown] = me.json["proposals"]
    assert shown["id"] == proposal["id"]
    assert {"name", "route", "place", "available_from", "links"} <= set(shown)
    assert not {"cost", "explanation", "run", "score"} & set(shown)
    assert "level 3 course" not in me.get_data(as_text=True)  # an officer's note on a link


def test_an_unshared_proposal_is_not_shown_and_answering_it_is_a_404(app, client, officer):
    person = young_person(client, officer, "YP-UNSHARED")
    supported_place(client, officer)
    [proposal] = run(client, officer, young_people=[person])["proposals"]
    own = own_headers(app, "YP-UNSHARED", "unshared@test.example")

    assert client.get("/api/v1/me", headers=own).json["proposals"] == []
    answered = client.post(f"/api/v1/proposals/{proposal['id']}/view", json={"view": "yes"}, headers=own)
    assert answered.status_code == 404


def test_another_young_persons_proposal_is_a_404_even_with_a_bad_body(app, client, officer):
    _, theirs = shared_proposal(client, officer, "YP-OTHER-A")
    young_person(client, officer, "YP-OTHER-B")
    other = own_headers(app, "YP-OTHER-B", "b@test.example")

    assert (
        client.post(f"/api/v1/proposals/{theirs['id']}/view", json={"view": "yes"}, headers=other).status_code
        == 404
    )
    assert (
        client.post(f"/api/v1/proposals/{theirs['id']}/view", json={"view": "?"}, headers=other).status_code
        == 404
    )


def test_every_staff_operation_is_a_403_for_a_young_person_and_their_own_things_are_allowed(
    app, client, officer
):
    person, proposal = shared_proposal(client, officer, "YP-403")
    own = own_headers(app, "YP-403", "yp403@test.example")

    for method, path in STAFF_OPERATIONS:
        response = client.open(path.format(person=person, proposal=proposal["id"]), method=method,
                                headers=own, json={})  # fmt: skip
        assert response.status_code == 403, (method, path, response.status_code)
    for path in ("/api/v1/me", "/api/v1/notifications", "/api/v1/districts", "/api/v1/places"):
        assert client.get(path, headers=own).status_code == 200, path


def test_staff_cannot_use_a_young_persons_own_operations(client, auth):
    for role in (Role.HOUSING_OFFICER, Role.ADMIN, Role.COMMISSIONER):
        assert client.get("/api/v1/me", headers=auth.headers(role)).status_code == 403
        assert (
            client.post(
                "/api/v1/proposals/x/view", json={"view": "yes"}, headers=auth.headers(role)
            ).status_code
            == 403
        )


def test_their_answer_in_their_words_reaches_the_officer_the_proposal_and_the_audit(app, client, officer, db):
    person, proposal = shared_proposal(client, officer, "YP-SAY")
    own = own_headers(app, "YP-SAY", "say@test.example")

    answered = client.post(f"/api/v1/proposals/{proposal['id']}/view",
                           json={"view": "not_sure", "words": "It is far from my sister"}, headers=own)  # fmt: skip

    assert answered.status_code == 200
    assert answered.json["view"] == "not_sure"
    history = client.get(f"/api/v1/young-people/{person}/proposals", headers=officer).json["items"]
    assert (history[0]["view"], history[0]["view_words"]) == ("not_sure", "It is far from my sister")
    assert history[0]["shared_at"] is not None
    officer_user = db.scalar(select(User).where(User.role == Role.HOUSING_OFFICER))
    told = db.scalars(select(Notification).where(Notification.user_id == officer_user.id)).all()
    assert [n.kind for n in told] == ["view_given"]
    assert "YP-SAY" not in told[0].body
    assert "sister" not in told[0].body
    actions = db.scalars(select(AuditEntry.action).where(AuditEntry.young_person_id == person)).all()
    assert {"proposal shared", "view given"} <= set(actions)


def test_sharing_tells_the_young_person_with_a_link_never_the_record(app, client, officer, db):
    person = young_person(client, officer, "YP-TOLD")
    own_headers(app, "YP-TOLD", "told@test.example")
    supported_place(client, officer)
    [proposal] = run(client, officer, young_people=[person])["proposals"]
    client.post(f"/api/v1/proposals/{proposal['id']}/share", headers=officer)

    [told] = db.scalars(select(Notification).where(Notification.kind == "proposal_shared")).all()
    assert told.link == f"/me/proposals/{proposal['id']}"
    assert "Worthing" not in told.body
    assert "YP-TOLD" not in told.body


def test_an_answer_is_checked_and_a_decided_proposal_cannot_be_answered(app, client, officer):
    _, proposal = shared_proposal(client, officer, "YP-CHECK")
    own = own_headers(app, "YP-CHECK", "check@test.example")
    path = f"/api/v1/proposals/{proposal['id']}/view"

    assert client.post(path, json={"view": "maybe"}, headers=own).status_code == 422
    assert client.post(path, json={"view": "yes", "words": "x" * 1001}, headers=own).status_code == 422
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    assert client.post(path, json={"view": "yes"}, headers=own).status_code == 409


def test_an_accept_against_their_no_needs_a_reason_which_is_kept(app, client, officer, db):
    _, proposal = shared_proposal(client, officer, "YP-NO")
    own = own_headers(app, "YP-NO", "no@test.example")
    client.post(f"/api/v1/proposals/{proposal['id']}/view", json={"view": "no"}, headers=own)
    accept = f"/api/v1/proposals/{proposal['id']}/accept"

    refused = client.post(accept, headers=officer)
    assert refused.status_code == 422
    assert "reason" in refused.json["errors"]["json"]
    assert db.get(Proposal, proposal["id"]).status == "proposed"

    done = client.post(
        accept, json={"reason": "The only step-free place; we will visit together"}, headers=officer
    )
    assert done.status_code == 200
    assert done.json["reason"] == "The only step-free place; we will visit together"


def test_only_an_open_proposal_is_shared_and_sharing_twice_changes_nothing(client, officer):
    _, proposal = shared_proposal(client, officer, "YP-TWICE")
    again = client.post(f"/api/v1/proposals/{proposal['id']}/share", headers=officer)
    assert again.status_code == 200
    assert again.json["shared_at"] == proposal["shared_at"]
    person = young_person(client, officer, "YP-DECIDED")
    [decided] = run(client, officer, young_people=[person])["proposals"]
    client.post(f"/api/v1/proposals/{decided['id']}/reject", json={"reason": "Too far"}, headers=officer)
    assert client.post(f"/api/v1/proposals/{decided['id']}/share", headers=officer).status_code == 409


def test_they_ask_for_a_change_and_their_worker_is_told(app, client, officer, db):
    person = young_person(client, officer, "YP-WRONG")
    own = own_headers(app, "YP-WRONG", "wrong@test.example")

    asked = client.post("/api/v1/me/changes", json={"about": "links", "words": "My college moved to Crawley"},
                        headers=own)  # fmt: skip

    assert asked.status_code == 201
    [told] = db.scalars(select(Notification).where(Notification.kind == "change_asked")).all()
    assert told.link == f"/young-people/{person}"
    assert "Crawley" not in told.body
    assert (
        client.post("/api/v1/me/changes", json={"about": "x", "words": "y"}, headers=own).status_code == 422
    )


def test_the_command_line_binds_a_young_persons_account_to_their_record(app, client, officer):
    young_person(client, officer, "YP-CLI")
    runner = app.test_cli_runner()

    unbound = runner.invoke(args=["users", "create", "cli@test.example", "--role", "young_person"])
    made = runner.invoke(
        args=["users", "create", "cli@test.example", "--role", "young_person", "--young-person", "YP-CLI"]
    )

    assert unbound.exit_code != 0
    assert made.exit_code == 0, made.output
    token = made.output.strip().splitlines()[-1]
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200
