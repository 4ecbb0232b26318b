"""A coordinator's pages: starting a cohort, enrolling from the list, the board, the outcomes."""

import re
from datetime import date

from sqlalchemy import select

from housing.models import AuditEntry, Cohort, CohortMember
from housing.vocabulary import Role
from tests import payloads
from tests.web.conftest import csrf


def test_a_cohort_is_started_from_the_suggestion_and_a_wrong_form_is_explained(
    client, officer, person_signing_in, db
):
    client.post("/api/v1/young-people", json=payloads.young_person(reference="EL-1"), headers=officer)
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)

    form = client.get("/cohorts/new").get_data(as_text=True)
    assert 'value="Cohort 1"' in form
    assert "1 would be eligible on" in form
    assert "Testy Exampleton, 17" in form

    token = csrf(client, "/cohorts/new")
    wrong = client.post("/cohorts/new", data={"csrf_token": token, "name": "", "day": "31", "month": "2",
                                              "year": "2027", "capacity": "60", "districts": "crawley"})  # fmt: skip
    page = wrong.get_data(as_text=True)
    assert wrong.status_code == 400
    for field in ("#name", "#starts_on-day", "#capacity"):
        assert f'href="{field}"' in page
    assert 'value="60"' in page  # what was typed is kept

    sent = {"csrf_token": token, "name": "Spring", "day": "1", "month": "3", "year": "2027", "capacity": "12",
            "districts": ["crawley", "adur"]}  # fmt: skip
    check = client.post("/cohorts/new", data=sent)
    assert check.status_code == 200
    assert "12 House Project places are kept at the Crawley hub" in check.get_data(as_text=True)
    assert db.scalars(select(Cohort)).all() == []  # nothing started before it is confirmed
    db.rollback()
    made = client.post("/cohorts/new", data={**sent, "confirmed": "yes"})
    assert made.status_code == 302
    cohort = db.scalars(select(Cohort)).one()
    assert (cohort.name, cohort.starts_on, cohort.capacity, sorted(cohort.districts)) == (
        "Spring", date(2027, 3, 1), 12, ["adur", "crawley"],
    )  # fmt: skip
    assert "Spring created" in client.get(made.headers["Location"]).get_data(as_text=True)


def test_enrolling_from_the_list_and_a_refusal_names_no_rule(client, officer, auth, person_signing_in, db):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post(
        "/api/v1/cohorts", json={"name": "C1", "starts_on": "2026-11-01"}, headers=coordinator
    ).json
    able = client.post(
        "/api/v1/young-people", json=payloads.young_person(reference="OK-1"), headers=officer
    ).json
    unsettled = client.post("/api/v1/young-people", headers=officer, json=payloads.young_person(
        reference="NO-1", given_name="Unsettled", needs={"immigration": "awaiting_decision"})).json  # fmt: skip
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)
    board_url = f"/cohorts/{cohort['id']}"

    board = client.get(board_url).get_data(as_text=True)
    assert "Testy Exampleton</a> (OK-1)" in board
    assert "NO-1" not in board  # only the eligible are offered
    for stage in (
        "Enrolled (0)",
        "Preparing (0)",
        "Tenancy ready (0)",
        "Property offered (0)",
        "Moved in (0)",
    ):
        assert stage in board

    token = csrf(client, board_url)
    refused = client.post(f"{board_url}/members", data={"csrf_token": token, "young_person": unsettled["id"]})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert f"Not eligible for the House Project on {date.today().strftime('%-d %B %Y')}" in text  # noqa: DTZ011
    assert "IMMIGRATION" not in text
    assert "awaiting" not in text
    assert db.scalars(select(AuditEntry.young_person_id).where(AuditEntry.action == "refuse")).all() == [
        unsettled["id"]
    ]

    enrolled = client.post(f"{board_url}/members", data={"csrf_token": token, "young_person": able["id"]})
    assert enrolled.status_code == 302
    board = client.get(board_url).get_data(as_text=True)
    assert "Testy Exampleton enrolled." in board
    assert "Enrolled (1)" in board
    assert "Move to preparing" in board


def test_a_member_past_90_days_in_a_stage_is_highlighted_and_the_outcomes_show_as_table_and_chart(
    client, officer, auth, person_signing_in, app
):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post(
        "/api/v1/cohorts", json={"name": "C2", "starts_on": "2026-11-01"}, headers=coordinator
    ).json
    person = client.post(
        "/api/v1/young-people", json=payloads.young_person(reference="HP-9"), headers=officer
    ).json
    client.post(
        f"/api/v1/cohorts/{cohort['id']}/members", json={"young_person": person["id"]}, headers=coordinator
    )
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        member = session.scalars(select(CohortMember)).one()
        member.stage_since = date(2026, 1, 1)
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)

    board = client.get(f"/cohorts/{cohort['id']}").get_data(as_text=True)
    outcomes = client.get(f"/cohorts/{cohort['id']}/outcomes").get_data(as_text=True)

    assert "Over 90 days in this stage" in board
    assert re.search(r"Enrolled</th>\s*<td[^>]*>1</td>", outcomes)
    assert "<svg" in outcomes
    assert "Enrolled: 1. Still in the programme: 1." in outcomes  # the chart's figures as text
    assert "No one has moved in yet" in outcomes


def test_a_graduate_is_not_offered_a_place_in_a_later_cohort(client, officer, auth, person_signing_in):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    first = client.post(
        "/api/v1/cohorts", json={"name": "C1", "starts_on": "2026-11-01"}, headers=coordinator
    )
    person = client.post(
        "/api/v1/young-people", json=payloads.young_person(reference="GRAD-1"), headers=officer
    ).json["id"]
    members = f"/api/v1/cohorts/{first.json['id']}/members"
    assert client.post(members, json={"young_person": person}, headers=coordinator).status_code == 201
    for stage in ("preparing", "tenancy_ready", "graduated"):
        moved = client.patch(f"{members}/{person}", json={"stage": stage}, headers=coordinator)
        assert moved.status_code == 200, moved.json
    later = client.post(
        "/api/v1/cohorts", json={"name": "C2", "starts_on": "2027-05-01"}, headers=coordinator
    )
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)

    board = client.get(f"/cohorts/{later.json['id']}").get_data(as_text=True)

    assert "GRAD-1" not in board
