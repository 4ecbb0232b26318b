"""A nomination's life on both sides, an accept undone, the move to the door, councils' bedroom rules (issue 29)."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from housing.models import (
    AuditEntry,
    District,
    MatchingRun,
    MoveStep,
    Nomination,
    Placement,
    Rejection,
    YoungPerson,
)
from housing.reads import moves as move_reads
from housing.services import moves
from housing.vocabulary import Role
from tests import payloads
from tests.kept_current import immediate  # noqa: F401 (a fixture: jobs run as they are queued)

TODAY = date.today()  # noqa: DTZ011 - the service dates decisions by its today


@pytest.fixture(autouse=True)
def schemes_as_seeded(app) -> Iterator[None]:
    """Reference data outlives a test: put every council's scheme back as the seed has it."""
    yield
    with app.extensions["pathways"].writer_factory() as session:
        session.execute(update(District).values(bedroom_standard=None, larger_homes_allowed=False))
        session.commit()


def crawley_applicant(client, officer, reference="LIFE-1", children=0) -> str:
    body = payloads.young_person(reference=reference, home_district="crawley")
    body["needs"]["children"] = children
    person = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    client.post(f"/api/v1/young-people/{person}/applications",
                json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
    return person


def crawley_home(client, officer, bedrooms=1, name="Flat 3, Ifield") -> str:
    body = payloads.option("register_vacancy", place="Crawley", available_from="2026-11-01", step_free=True,
                           name=name, bedrooms=bedrooms, accepts_children=True)  # fmt: skip
    return client.post("/api/v1/options", json=body, headers=officer).json["id"]


def accepted(client, officer) -> tuple[str, str, str]:
    """A Crawley applicant accepted for a Crawley home: (person, proposal, nomination)."""
    person = crawley_applicant(client, officer)
    crawley_home(client, officer)
    [proposal] = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json[
        "proposals"
    ]
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    [nomination] = client.get("/api/v1/nominations", headers=officer).json["items"]
    return person, proposal["id"], nomination["id"]


def test_while_the_council_decides_the_record_reads_agreed_with_the_nomination_pending(client, officer):
    person, _proposal, nomination = accepted(client, officer)

    pathway = client.get(f"/api/v1/young-people/{person}", headers=officer).json["pathway"]

    assert pathway["status"] == "agreed"
    assert pathway["nomination"] == {"id": nomination, "status": "pending", "district": "crawley"}


def test_an_accept_is_undone_before_the_council_opens_the_nomination_and_not_after(
    client, officer, auth, db, row_counts
):
    person, proposal, _nomination = accepted(client, officer)

    undone = client.post(f"/api/v1/proposals/{proposal}/undo", headers=officer)

    assert undone.status_code == 200
    assert undone.json["status"] == "proposed"
    assert undone.json["undone_by"] == "housing_officer.county@test.example"
    assert (
        client.get(f"/api/v1/young-people/{person}", headers=officer).json["pathway"]["status"]
        == "in_progress"
    )
    assert db.scalar(select(Nomination.id)) is None
    assert client.post(f"/api/v1/proposals/{proposal}/accept", headers=officer).status_code == 200
    client.get(
        "/api/v1/districts/crawley/nominations", headers=auth.headers(Role.DISTRICT_OFFICER, "crawley")
    )
    before = row_counts()
    refused = client.post(f"/api/v1/proposals/{proposal}/undo", headers=officer)
    assert refused.status_code == 409
    assert "the council has opened the nomination" in refused.json["message"]
    assert row_counts() == before
    audit = client.get(f"/api/v1/audit?young_person={person}", headers=auth.headers(Role.ADMIN)).json["items"]
    assert [e["action"] for e in audit if e["action"] in ("accept", "undo")] == ["accept", "undo", "accept"]


def test_the_county_withdraws_a_pending_nomination_with_a_reason_freeing_the_place(
    client, officer, auth, db, row_counts
):
    person, _proposal, nomination = accepted(client, officer)
    council = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    before = row_counts()
    assert (
        client.post(
            f"/api/v1/nominations/{nomination}/withdraw", json={"nope": 1}, headers=council
        ).status_code
        == 403
    )
    no_reason = client.post(f"/api/v1/nominations/{nomination}/withdraw", json={}, headers=officer)
    assert no_reason.status_code == 422
    assert "reason" in no_reason.json["errors"]["json"]
    assert row_counts() == before

    withdrawn = client.post(f"/api/v1/nominations/{nomination}/withdraw",
                            json={"reason": "Moving to her aunt's"}, headers=officer)  # fmt: skip

    assert withdrawn.status_code == 200
    assert withdrawn.json["status"] == "withdrawn"
    assert withdrawn.json["reason"] == "Moving to her aunt's"
    record = client.get(f"/api/v1/young-people/{person}", headers=officer).json
    assert record["pathway"]["status"] == "in_progress"
    assert record["placements"][0]["end_reason"] == "nomination_withdrawn"
    assert client.get("/api/v1/nominations", headers=officer).json["total"] == 0
    assert db.scalar(select(Rejection.reason)) == "withdrawn by the county: Moving to her aunt's"
    again = client.post(f"/api/v1/nominations/{nomination}/withdraw", json={"reason": "x"}, headers=officer)
    assert again.status_code == 409
    decide = client.post(
        f"/api/v1/nominations/{nomination}/decision", json={"decision": "accepted"}, headers=council
    )
    assert decide.status_code == 409


def test_the_move_is_dated_step_by_step_and_moving_in_starts_the_placement(
    client, officer, auth, db, row_counts
):
    person, _proposal, nomination = accepted(client, officer)
    steps = f"/api/v1/young-people/{person}/move-steps"
    today = TODAY.isoformat()
    assert client.post(steps, json={"kind": "offer_made", "on": today}, headers=officer).status_code == 409
    client.post(f"/api/v1/nominations/{nomination}/decision", json={"decision": "accepted"},
                headers=auth.headers(Role.DISTRICT_OFFICER, "crawley"))  # fmt: skip
    before = row_counts()
    no_answer = client.post(steps, json={"kind": "answer", "on": today}, headers=officer)
    future = client.post(steps, json={"kind": "moved_in", "on": (TODAY + timedelta(days=1)).isoformat()},
                         headers=officer)  # fmt: skip
    assert (no_answer.status_code, list(no_answer.json["errors"]["json"])) == (422, ["answer"])
    assert (future.status_code, list(future.json["errors"]["json"])) == (422, ["on"])
    assert row_counts() == before

    for step in ({"kind": "offer_made"}, {"kind": "viewing"},
                 {"kind": "answer", "answer": "yes", "words": "Near my college"}, {"kind": "signed"},
                 {"kind": "moved_in"}):  # fmt: skip
        assert client.post(steps, json={**step, "on": today}, headers=officer).status_code == 201

    listed = client.get(steps, headers=officer).json
    assert [s["kind"] for s in listed["items"]] == ["offer_made", "viewing", "answer", "signed", "moved_in"]
    assert listed["items"][2]["words"] == "Near my college"
    assert db.scalar(select(Placement.starts_on).where(Placement.status == "active")) == TODAY
    assert client.post(steps, json={"kind": "viewing", "on": today}, headers=officer).status_code == 409


@pytest.mark.usefixtures("immediate")
def test_a_move_falling_through_frees_the_place_reopens_the_pathway_and_proposes_again(
    client, officer, auth, db
):
    person, _proposal, nomination = accepted(client, officer)
    client.post(f"/api/v1/nominations/{nomination}/decision", json={"decision": "accepted"},
                headers=auth.headers(Role.DISTRICT_OFFICER, "crawley"))  # fmt: skip
    steps = f"/api/v1/young-people/{person}/move-steps"
    assert (
        client.post(
            steps, json={"kind": "fell_through", "on": TODAY.isoformat()}, headers=officer
        ).status_code
        == 422
    )

    fell = client.post(steps, json={"kind": "fell_through", "on": TODAY.isoformat(), "reason": "Failed the viewing"},
                       headers=officer)  # fmt: skip

    assert fell.status_code == 201
    record = client.get(f"/api/v1/young-people/{person}", headers=officer).json
    assert record["pathway"]["status"] == "in_progress"
    option = client.get(f"/api/v1/options/{record['placements'][0]['option']}", headers=officer).json
    assert option["remaining"] == 1
    assert db.scalar(select(Rejection.reason)) == "the move fell through: Failed the viewing"
    # The place is free again and they are due again: the service proposes again without being asked.
    placement = record["placements"][0]["id"]
    after = db.scalars(select(MatchingRun).where(MatchingRun.trigger == "place_freed")).all()
    assert [(run.triggered_by, run.created_by) for run in after] == [(placement, None)]


def test_a_move_with_no_step_for_three_weeks_has_stalled(client, officer, auth, db, app):
    person, _proposal, nomination = accepted(client, officer)
    client.post(f"/api/v1/nominations/{nomination}/decision", json={"decision": "accepted"},
                headers=auth.headers(Role.DISTRICT_OFFICER, "crawley"))  # fmt: skip
    with app.extensions["pathways"].writer_factory() as session:
        long_ago = TODAY - timedelta(days=moves.STALLED_AFTER_DAYS + 1)
        session.execute(update(YoungPerson).values(pathway_agreed_on=long_ago))
        month_ago = datetime.now(UTC) - timedelta(days=30)
        session.execute(update(Nomination).values(decided_at=month_ago))
        session.commit()
        assert [p.id for p, _ in move_reads.stalled(session, TODAY)] == [person]
        assert move_reads.stalled(session, TODAY - timedelta(days=1)) == []
        session.add(MoveStep(young_person_id=person, placement_id=session.scalar(select(Placement.id)),
                             kind="viewing", on=TODAY, recorded_by="x", recorded_at=month_ago))  # fmt: skip
        session.flush()
        assert move_reads.stalled(session, TODAY) == []
        session.rollback()


def test_a_council_sets_its_bedroom_standard_and_only_its_own(client, auth, row_counts):
    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    before = row_counts()
    assert client.patch("/api/v1/districts/horsham/scheme", json={"bedroom_standard": "x"},
                        headers=crawley).status_code == 403  # fmt: skip
    shrinking = client.patch("/api/v1/districts/crawley/scheme", json={"bedroom_standard": [2, 1, 2, 3]},
                             headers=crawley)  # fmt: skip
    assert shrinking.status_code == 422
    assert row_counts() == before

    set_ = client.patch("/api/v1/districts/crawley/scheme",
                        json={"bedroom_standard": [1, 2, 3, 4], "larger_homes_allowed": False}, headers=crawley)  # fmt: skip

    assert set_.status_code == 200
    assert set_.json["bedroom_standard"] == [1, 2, 3, 4]
    listed = client.get("/api/v1/districts", headers=crawley).json["items"]
    assert next(d for d in listed if d["slug"] == "crawley")["larger_homes_allowed"] is False


def test_a_single_young_person_is_proposed_the_one_bedroom_home_not_the_two(client, officer, auth):
    person = crawley_applicant(client, officer)
    two = crawley_home(client, officer, bedrooms=2, name="Two-bed, Bewbush")
    run = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    assert run["proposals"] == []
    assert any(r["code"] == "BEDROOMS" for r in run["unmatched"][0]["reasons"])

    one = crawley_home(client, officer, bedrooms=1, name="One-bed, Ifield")
    [proposal] = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json[
        "proposals"
    ]
    assert (proposal["young_person"], proposal["option"]) == (person, one)
    assert proposal["explanation"]["bedrooms"] == {
        "needed": 1, "offered": 1, "children": 0, "by": "service_need", "larger_allowed": False
    }  # fmt: skip

    client.patch("/api/v1/districts/crawley/scheme", json={"larger_homes_allowed": True},
                 headers=auth.headers(Role.DISTRICT_OFFICER, "crawley"))  # fmt: skip
    arcs = client.get(f"/api/v1/matching/runs/{run['id']}/candidates", headers=officer).json["arcs"]
    assert arcs == []  # a stored run keeps the rule as it was when it ran
    again = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    later_arcs = client.get(f"/api/v1/matching/runs/{again['id']}/candidates", headers=officer).json["arcs"]
    assert {arc["option"] for arc in later_arcs} == {one, two}


def test_the_districts_own_standard_decides_the_size(client, officer, auth):
    """A council housing a single person in two bedrooms (its standard, as configured) gets two-bed
    homes proposed to them and not one-bed ones; the county's own CHILDREN minimum still holds."""
    client.patch("/api/v1/districts/crawley/scheme", json={"bedroom_standard": [2, 2, 3, 3]},
                 headers=auth.headers(Role.DISTRICT_OFFICER, "crawley"))  # fmt: skip
    crawley_applicant(client, officer)
    crawley_home(client, officer, bedrooms=1, name="One-bed, Ifield")
    two = crawley_home(client, officer, bedrooms=2, name="Two-bed, Bewbush")

    [proposal] = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json[
        "proposals"
    ]

    assert proposal["option"] == two
    assert proposal["explanation"]["bedrooms"] == {
        "needed": 2, "offered": 2, "children": 0, "by": "district_standard", "larger_allowed": False
    }  # fmt: skip


def test_nominations_awaiting_are_paged_and_only_the_page_shown_is_audited(client, officer, db):
    for n in range(3):
        crawley_applicant(client, officer, reference=f"PAGED-{n}")
        crawley_home(client, officer, name=f"Flat {n}, Ifield")
    proposals = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json[
        "proposals"
    ]
    for proposal in proposals:
        assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    everyone = client.get("/api/v1/nominations", headers=officer).json

    second = client.get("/api/v1/nominations?page=2&page_size=2", headers=officer).json

    assert everyone["total"] == second["total"] == 3
    assert [n["id"] for n in second["items"]] == [everyone["items"][2]["id"]]
    seen = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (seen.detail, seen.young_person_id) == (
        "nominations awaiting councils",
        everyone["items"][2]["young_person"],
    )
