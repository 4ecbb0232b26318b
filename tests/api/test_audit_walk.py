"""Every answer that carries a young person's data leaves an audit row naming them: a walk over every
operation that reads, with every role it admits, as test_access.py walks every route for its role."""

import io
from collections import Counter

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from housing.models import AuditEntry, YoungPerson
from housing.vocabulary import Role
from tests import payloads
from tests.builders import api_routes, awaiting_sign_off, handler

ROLES = {
    Role.HOUSING_OFFICER: None,
    Role.ADMIN: None,
    Role.DISTRICT_OFFICER: "crawley",
    Role.HOUSE_PROJECT_COORDINATOR: None,
    Role.COMMISSIONER: None,
    Role.TEAM_MANAGER: None,
    Role.YOUNG_PERSON: None,  # their own record (tests/conftest.py's Auth binds one)
}
# The reads that carry young people when the store holds one of everything; each must be seen to
# carry one in the walk, so that a walk which found nobody (and so checked nothing) fails too.
CARRYING = {
    "/api/v1/young-people", "/api/v1/young-people/<young_person_id>",
    "/api/v1/young-people/<young_person_id>/applications", "/api/v1/options", "/api/v1/options/<option_id>",
    "/api/v1/matching/runs/<run_id>", "/api/v1/matching/runs/<run_id>/candidates",
    "/api/v1/districts/<slug>/applicants", "/api/v1/districts/<slug>/applicants.csv",
    "/api/v1/districts/<slug>/applicants.xlsx", "/api/v1/districts/<slug>/nominations", "/api/v1/cohorts",
    "/api/v1/cohorts/<cohort_id:cohort_id>", "/api/v1/cohorts/next",
    "/api/v1/young-people/<young_person_id>/workers", "/api/v1/adviser-proposals", "/api/v1/reviews-due",
    "/api/v1/young-people/<young_person_id>/reviews",
    "/api/v1/nominations",
    "/api/v1/young-people/<young_person_id>/move-steps",
    "/api/v1/young-people/<young_person_id>/proposals",
    "/api/v1/young-people/<young_person_id>/notes", "/api/v1/young-people/<young_person_id>/chronology",
    "/api/v1/young-people/<young_person_id>/tasks", "/api/v1/sign-offs", "/api/v1/sign-offs/<sign_off_id>",
    "/api/v1/young-people/<young_person_id>/triple-plan", "/api/v1/young-people/<young_person_id>/changes",
    "/api/v1/young-people/<young_person_id>/setting-up-home",
    "/api/v1/me",
}  # fmt: skip
# The trail itself names young people by id beside who saw them; reading it shows none of their data.
THE_TRAIL = "/api/v1/audit"


@pytest.fixture
def one_of_everything(app, client, officer, auth):
    """A Crawley applicant nominated to a vacancy by a run, a Staying Put offer naming a second young
    person, and a cohort with a third as its member: every kind of answer that names someone."""
    applicant = client.post(
        "/api/v1/young-people",
        json=payloads.young_person(reference="W-1", home_district="crawley", current_place="Crawley"),
        headers=officer,
    ).json["id"]
    client.post(
        f"/api/v1/young-people/{applicant}/applications",
        json={"district": "crawley", "band": "A+", "applied_on": "2026-06-01"},
        headers=officer,
    )
    vacancy = payloads.option(
        "register_vacancy", place="Crawley", available_from="2026-11-01", step_free=True
    )
    client.post("/api/v1/options", json=vacancy, headers=officer)
    run = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    [proposal] = run["proposals"]
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200

    stays = client.post("/api/v1/young-people", json=payloads.young_person(reference="W-2"), headers=officer)
    offer = payloads.option(
        "staying_put", young_person=stays.json["id"], carer_willing=True, min_age=16, place="Worthing"
    )
    option = client.post("/api/v1/options", json=offer, headers=officer)
    assert option.status_code == 201, option.json

    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post(
        "/api/v1/cohorts", json={"name": "Cohort 7", "starts_on": "2026-11-01", "districts": ["crawley"]},
        headers=coordinator,
    ).json  # fmt: skip
    member = client.post("/api/v1/young-people", json=payloads.young_person(reference="W-3"), headers=officer)
    enrolled = client.post(
        f"/api/v1/cohorts/{cohort['id']}/members",
        json={"young_person": member.json["id"]},
        headers=coordinator,
    )
    assert enrolled.status_code == 201, enrolled.json
    return {
        "young_person_id": applicant, "option_id": option.json["id"], "run_id": run["id"], "slug": "crawley",
        "cohort_id": cohort["id"], "sign_off_id": awaiting_sign_off(app, proposal["id"]),
        "provider_id": client.post("/api/v1/providers", json={"name": "Oak Housing Ltd", "ofsted_number": "2712345", "rating": "good", "inspected_on": "2025-03-04"}, headers=officer).json["id"],
    }  # fmt: skip


def body_text(response) -> str:
    if response.mimetype.endswith("spreadsheetml.sheet"):
        sheet = load_workbook(io.BytesIO(response.data)).active
        return "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    return response.get_data(as_text=True)


def audit_counts(db, email: str) -> Counter:
    """How many entries name each young person: alone, or among those one view of a list showed."""
    db.rollback()  # read what the request committed
    entries = db.scalars(select(AuditEntry).where(AuditEntry.user_email == email))
    return Counter(person for entry in entries for person in (entry.shown_ids or [entry.young_person_id]))


def test_every_read_that_names_a_young_person_audits_each_one_it_names(
    app, client, auth, db, one_of_everything
):
    auth.headers(Role.YOUNG_PERSON)  # their own record exists before the walk counts everyone
    db.rollback()  # read what the fixture's requests committed
    everyone = set(db.scalars(select(YoungPerson.id)))
    carried, unaudited = set(), []
    for rule, method in api_routes(app):
        if method != "GET" or rule.rule == THE_TRAIL:
            continue
        assert set(rule.arguments) <= set(one_of_everything), f"the walk cannot fill {rule.rule}: add it"
        admitted = getattr(handler(app, rule, method), "pathways_roles", ())
        for role in admitted:
            headers = auth.headers(role, ROLES[role])
            email = f"{role.value}.{ROLES[role] or 'county'}@test.example"
            before = audit_counts(db, email)
            own = {key: value for key, value in one_of_everything.items() if key in rule.arguments}
            response = client.get(rule.build(own)[1], headers=headers)
            named = {person for person in everyone if person in body_text(response)}
            if "young_person_id" in rule.arguments:  # an answer about the young person the path names
                named.add(one_of_everything["young_person_id"])
            if response.status_code != 200 or not named:
                continue
            carried.add(rule.rule)
            after = audit_counts(db, email)
            unaudited += [
                f"{role.value} GET {rule.rule}" for person in named if after[person] <= before[person]
            ]

    assert unaudited == []
    assert carried == CARRYING


@pytest.mark.parametrize("kind", ["young_person", "application", "staying_put", "run"])
def test_a_create_answered_again_for_its_idempotency_key_is_audited_as_seen(client, officer, db, kind):
    """A retry's answer shows the record again: the young person in it is audited as seen again."""
    person = client.post("/api/v1/young-people", json=payloads.young_person(), headers=officer).json["id"]
    path, body = {
        "young_person": ("/api/v1/young-people", payloads.young_person(reference="W-9")),
        "application": (
            f"/api/v1/young-people/{person}/applications",
            {"district": "crawley", "band": "A+", "applied_on": "2026-06-01"},
        ),
        "staying_put": (
            "/api/v1/options",
            payloads.option(
                "staying_put", young_person=person, carer_willing=True, min_age=16, place="Worthing"
            ),
        ),
        "run": ("/api/v1/matching/runs", {"young_people": [person]}),
    }[kind]
    headers = officer | {"Idempotency-Key": f"retry-{kind}"}
    first = client.post(path, json=body, headers=headers)
    assert first.status_code == 201, first.json
    named = person if kind != "young_person" else first.json["id"]
    before = audit_counts(db, "housing_officer.county@test.example")[named]

    again = client.post(path, json=body, headers=headers)

    assert again.headers["Idempotent-Replayed"] == "true"
    assert audit_counts(db, "housing_officer.county@test.example")[named] == before + 1
