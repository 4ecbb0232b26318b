"""Proposals kept current: each event proposes again at once, once, for those it concerns (v1.2)."""

import pytest
from sqlalchemy import func, select

from housing.actors import SERVICE
from housing.clock import today
from housing.models import Event, MatchingRun, Notification, Proposal, User
from housing.services import accounts, reproposals, runs
from housing.vocabulary import Role
from tests.builders import add_young_person, matching_run, supported_place
from tests.kept_current import automatic_runs, events, immediate  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("immediate")


def reject(client, headers, proposal_id, reason="Too far from college"):
    return client.post(f"/api/v1/proposals/{proposal_id}/reject", json={"reason": reason}, headers=headers)


def test_rejecting_a_proposal_proposes_again_for_them_with_the_trigger_and_no_one_as_its_author(
    client, officer, db
):
    person = add_young_person(client, officer, "A")
    worthing, lancing = (
        supported_place(client, officer, "Worthing"),
        supported_place(client, officer, "Lancing"),
    )
    made_by_places = len(automatic_runs(db))  # each new place proposed for whoever it could serve
    [first] = matching_run(client, officer)["proposals"]

    assert reject(client, officer, first["id"]).status_code == 200

    [after] = automatic_runs(db)[made_by_places:]
    listed = client.get("/api/v1/matching/runs", headers=officer).json["items"][0]
    assert (listed["id"], listed["trigger"], listed["triggered_by"], listed["created_by"]) == (
        after.id,
        "rejected",
        first["id"],
        None,
    )
    [again] = after.proposals
    assert (again.young_person_id, again.option_id) == (
        person,
        ({worthing, lancing} - {first["option"]}).pop(),
    )
    history = client.get(f"/api/v1/young-people/{person}/proposals", headers=officer).json
    assert [p["status"] for p in history["items"]][:2] == ["proposed", "rejected"]
    assert history["items"][0]["run"] == after.id
    assert (history["items"][0]["shared_at"], history["items"][0]["view"]) == (None, None)


def test_a_refused_rejection_makes_no_event_and_no_run(client, officer, db, row_counts):
    add_young_person(client, officer, "A")
    supported_place(client, officer)
    [proposal] = matching_run(client, officer)["proposals"]
    before = row_counts()

    refused = client.post(f"/api/v1/proposals/{proposal['id']}/reject", json={}, headers=officer)

    assert refused.status_code == 422
    assert row_counts() == before


def test_a_repeated_rejection_makes_one_event_and_one_run(client, officer, db, app):
    add_young_person(client, officer, "A")
    supported_place(client, officer, "Worthing")
    supported_place(client, officer, "Lancing")
    [proposal] = matching_run(client, officer)["proposals"]
    before = len(automatic_runs(db))

    assert reject(client, officer, proposal["id"]).status_code == 200
    assert reject(client, officer, proposal["id"]).status_code == 200
    [event] = [e for e in events(db) if e.kind == "rejected"]
    app.extensions["pathways_tasks"]["process_event"](event.id)  # the queue delivering it twice

    assert len(automatic_runs(db)) == before + 1
    assert (
        db.scalar(
            select(func.count()).select_from(Notification).where(Notification.key.like(f"event:{event.id}%"))
        )
        == 1
    )


def test_an_ended_placement_proposes_again_for_them_and_for_whoever_the_freed_place_could_serve(
    client, officer, db
):
    moving = add_young_person(client, officer, "A")
    waiting = add_young_person(client, officer, "B")
    place = supported_place(client, officer, "Worthing", capacity=1)
    [proposal] = matching_run(client, officer, young_people=[moving])["proposals"]
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    [placement] = client.get(f"/api/v1/young-people/{moving}", headers=officer).json["placements"]

    ended = client.post(f"/api/v1/placements/{placement['id']}/end",
                        json={"ends_on": max(today().isoformat(), placement["starts_on"]), "reason": "moved_on"},
                        headers=officer)  # fmt: skip

    assert ended.status_code == 200
    after = automatic_runs(db)[-1]
    assert (after.trigger, after.triggered_by, after.created_by) == ("place_freed", placement["id"], None)
    assert {p.young_person_id for p in after.proposals} | {u["young_person"] for u in after.unmatched} >= {
        waiting
    }
    assert place in {p.option_id for p in after.proposals}


def test_a_new_option_and_more_places_propose_again_for_those_they_could_serve(client, officer, db):
    person = add_young_person(client, officer, "A")
    place = supported_place(client, officer, "Worthing", capacity=1)
    [made] = automatic_runs(db)
    assert (made.trigger, made.triggered_by) == ("new_option", place)
    assert [(p.young_person_id, p.option_id) for p in made.proposals] == [(person, place)]

    refused = client.patch(f"/api/v1/options/{place}", json={"capacity": 0}, headers=officer)
    assert refused.status_code == 422
    assert len(automatic_runs(db)) == 1
    assert client.patch(f"/api/v1/options/{place}", json={"capacity": 2}, headers=officer).status_code == 200
    assert [r.trigger for r in automatic_runs(db)] == ["new_option", "new_option"]


def test_a_run_after_an_event_equals_a_full_re_solve_for_everyone_it_covers(client, officer, db, app):
    people = [add_young_person(client, officer, f"P{n}", current_place=town) for n, town in
              enumerate(["Worthing", "Lancing", "Worthing", "Chichester", "Crawley"])]  # fmt: skip
    for town in ("Worthing", "Lancing", "Chichester"):
        supported_place(client, officer, town, capacity=1)
    [first, *_] = matching_run(client, officer)["proposals"]
    assert reject(client, officer, first["id"]).status_code == 200
    event_run = automatic_runs(db)[-1]

    with app.extensions["pathways"].writer_factory() as session:
        full = runs.run(session, SERVICE, as_of=today(), young_people=None, reach_km=app.config["REACH_KM"])
        covered = {p.young_person_id for p in event_run.proposals} | {
            u["young_person"] for u in event_run.unmatched
        }
        assert covered <= set(people)

        def cost_for(record, who):
            chosen = {p.young_person_id: p.cost for p in record.proposals}
            penalty = {u["young_person"]: u["penalty"] for u in record.unmatched}
            return sum(chosen.get(p, penalty.get(p, 0)) for p in who)

        assert cost_for(event_run, covered) == cost_for(full, covered)
        assert event_run.objective == cost_for(full, covered)


def test_a_failed_job_is_kept_with_its_reason_and_retried_to_one_run(client, officer, db, app, monkeypatch):
    add_young_person(client, officer, "A")
    supported_place(client, officer, "Worthing")
    supported_place(client, officer, "Lancing")
    [proposal] = matching_run(client, officer)["proposals"]
    real_run, calls = runs.run, []

    def fails_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError  # the database went away mid-job
        return real_run(*args, **kwargs)

    monkeypatch.setattr(runs, "run", fails_once)
    before = len(automatic_runs(db))
    assert reject(client, officer, proposal["id"]).status_code == 200  # the decision stands

    [event] = [e for e in events(db) if e.kind == "rejected"]
    assert (event.done_at, event.attempts, event.last_error) == (
        None,
        1,
        "ConnectionError while proposing again",
    )
    assert len(automatic_runs(db)) == before
    app.extensions["pathways_tasks"]["process_event"](event.id)  # the retry

    [event] = [e for e in events(db) if e.kind == "rejected"]
    assert (event.attempts, event.last_error) == (2, None)
    assert event.done_at is not None
    assert len(automatic_runs(db)) == before + 1


def test_processing_an_event_whose_run_was_made_before_a_crash_makes_no_second_run(client, officer, db, app):
    add_young_person(client, officer, "A")
    supported_place(client, officer)
    [made] = automatic_runs(db)
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.get(Event, made.event_id).done_at = None  # as if the worker died before marking it done

    with app.extensions["pathways"].writer_factory() as session:
        done = reproposals.process(session, made.event_id, today=today(), reach_km=80)

    assert done.run.id == made.id
    assert len(automatic_runs(db)) == 1


def test_notifications_are_each_users_own_and_can_be_marked_read(client, officer, auth, db):
    add_young_person(client, officer, "A")
    supported_place(client, officer, "Worthing")
    supported_place(client, officer, "Lancing")
    [proposal] = matching_run(client, officer)["proposals"]
    reject(client, officer, proposal["id"])

    mine = client.get("/api/v1/notifications", headers=officer).json
    [note] = mine["items"]
    assert (note["kind"], note["subject"], note["read_at"]) == (
        "new_proposal",
        "A new proposal is ready",
        None,
    )
    assert note["link"].startswith("/runs/")
    assert "Exampleton" not in note["body"]  # a link, never the record
    assert "WS-0001" not in note["body"]
    other = auth.headers(Role.ADMIN)
    assert client.get("/api/v1/notifications", headers=other).json["total"] == 0
    assert client.post(f"/api/v1/notifications/{note['id']}/read", headers=other).status_code == 404
    assert client.post(f"/api/v1/notifications/{note['id']}/read").status_code == 401

    read = client.post(f"/api/v1/notifications/{note['id']}/read", headers=officer)

    assert read.status_code == 200
    assert read.json["read_at"] is not None
    db.rollback()
    assert db.get(Notification, note["id"]).read_at is not None


def test_a_young_persons_proposals_filter_by_status_and_refuse_what_they_should(client, officer, auth):
    person = add_young_person(client, officer, "A")
    supported_place(client, officer)
    url = f"/api/v1/young-people/{person}/proposals"
    assert client.get(f"{url}?status=proposed", headers=officer).json["total"] == 1
    assert client.get(f"{url}?status=rejected", headers=officer).json["total"] == 0
    assert client.get(f"{url}?status=maybe", headers=officer).status_code == 422
    assert client.get(url, headers=auth.headers(Role.DISTRICT_OFFICER)).status_code == 403
    assert client.get("/api/v1/young-people/nobody/proposals", headers=officer).status_code == 404


def test_runs_made_by_the_service_are_listed_with_every_proposal_it_replaced_superseded(client, officer, db):
    person = add_young_person(client, officer, "A")
    supported_place(client, officer, "Worthing")
    [proposal] = matching_run(client, officer)["proposals"]
    supported_place(client, officer, "Lancing")  # a new place: the service proposes again for them

    history = client.get(f"/api/v1/young-people/{person}/proposals", headers=officer).json["items"]

    assert [p["status"] for p in history][:2] == ["proposed", "superseded"]
    assert history[1]["id"] == proposal["id"]
    assert history[1]["superseded_because"] == "proposed_again"
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 409
    assert db.scalar(select(func.count()).select_from(Proposal)) >= 2
    assert (
        db.scalar(select(func.count()).select_from(MatchingRun).where(MatchingRun.created_by.is_(None))) >= 1
    )


def test_a_young_persons_allocated_officer_is_told_of_the_new_proposal_not_the_officer_who_acted(
    client, officer, auth, db
):
    person = add_young_person(client, officer, "A")
    supported_place(client, officer, "Worthing")
    supported_place(client, officer, "Lancing")
    with auth.app.extensions["pathways"].session_factory() as session:
        token = accounts.create_user(session, "their.officer@test.example", Role.HOUSING_OFFICER, None)
        theirs = session.scalar(select(User.id).where(User.email == "their.officer@test.example"))
    allocated = client.post(
        f"/api/v1/young-people/{person}/workers",
        json={"kind": "housing_officer", "worker": theirs},
        headers=auth.headers(Role.TEAM_MANAGER),
    )
    assert allocated.status_code == 201
    [proposal] = matching_run(client, officer)["proposals"]

    assert reject(client, officer, proposal["id"]).status_code == 200

    told = client.get("/api/v1/notifications", headers={"Authorization": f"Bearer {token}"}).json["items"]
    assert [note["kind"] for note in told] == ["new_proposal"]
    assert client.get("/api/v1/notifications", headers=officer).json["total"] == 0
