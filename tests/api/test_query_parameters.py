"""A query parameter an operation does not define is a 422 naming it, on every operation."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from housing.clock import today
from housing.models import ChangeRequest, Proposal, YoungPerson
from housing.services import accounts
from housing.vocabulary import Role
from httpkit.auth import ROLES_ATTRIBUTE
from tests import payloads
from tests.builders import a_task, api_routes, awaiting_sign_off, handler

LATER = (today() + timedelta(days=30)).isoformat()


@pytest.fixture
def ids(app, client, officer, auth):
    """One real record behind every id a path can name, so each operation gets past its 404."""
    person = client.post("/api/v1/young-people", json=payloads.young_person(home_district="crawley"),
                         headers=officer).json["id"]  # fmt: skip
    application = client.post(f"/api/v1/young-people/{person}/applications",
                              json={"district": "crawley", "band": "A+", "applied_on": "2026-06-01"},
                              headers=officer).json["id"]  # fmt: skip
    vacancy = payloads.option(
        "register_vacancy", place="Crawley", available_from="2026-11-01", step_free=True
    )
    option = client.post("/api/v1/options", json=vacancy, headers=officer).json["id"]
    run = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    [proposal] = run["proposals"]
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    [nomination] = client.get("/api/v1/districts/crawley/nominations", headers=officer).json["items"]
    cohort = client.post("/api/v1/cohorts", json={"name": "Cohort Q", "starts_on": "2026-01-05"},
                         headers=auth.headers(Role.HOUSE_PROJECT_COORDINATOR)).json["id"]  # fmt: skip
    [placement] = client.get(f"/api/v1/young-people/{person}", headers=officer).json["placements"]
    with app.extensions["pathways"].session_factory() as session:  # the young person's own, shared with them
        reference = session.get(YoungPerson, person).reference
        auth.tokens[(Role.YOUNG_PERSON, None)] = accounts.create_user(
            session, "their.own@test.example", Role.YOUNG_PERSON, None, young_person=reference
        )
        with session.begin():
            session.get(Proposal, proposal["id"]).shared_at = datetime.now(UTC)
            asked = ChangeRequest(
                young_person_id=person, about="links", words="Wrong", asked_at=datetime.now(UTC)
            )
            session.add(asked)
            session.flush()
            change = asked.id
    return {"young_person_id": person, "application_id": application, "option_id": option,
            "run_id": run["id"], "proposal_id": proposal["id"], "nomination_id": nomination["id"],
            "slug": "crawley", "cohort_id": cohort, "placement_id": placement["id"],
            "notification_id": "any", "sign_off_id": awaiting_sign_off(app, proposal["id"]),
            "task_id": a_task(client, officer, person), "change_id": change,
            "provider_id": client.post("/api/v1/providers", json={"name": "Oak Housing Ltd", "ofsted_number": "2712345", "rating": "good", "inspected_on": "2025-03-04"}, headers=officer).json["id"]}  # fmt: skip


# A valid body for each operation that reads one: the body is checked first, so it must pass.
BODIES = {
    ("POST", "/api/v1/young-people"): payloads.young_person(reference="WS-0002"),
    ("POST", "/api/v1/young-people/<young_person_id>/applications"):
        {"district": "worthing", "band": "Band A", "applied_on": "2026-06-01"},
    ("POST", "/api/v1/options"): payloads.option(),
    ("POST", "/api/v1/proposals/<proposal_id>/reject"): {"reason": "too far"},
    ("POST", "/api/v1/nominations/<nomination_id>/decision"): {"decision": "accepted"},
    ("POST", "/api/v1/cohorts"): {"name": "Cohort R", "starts_on": "2026-07-06"},
    ("POST", "/api/v1/cohorts/<cohort_id>/members"): {"young_person": "x"},
    ("PATCH", "/api/v1/cohorts/<cohort_id:cohort_id>"): {"capacity": 12},
    ("PATCH", "/api/v1/cohorts/<cohort_id>/members/<young_person_id>"): {"stage": "preparing"},
    # A change must name at least one field (the OpenAPI document marks the body required).
    ("PATCH", "/api/v1/young-people/<young_person_id>"): {"wishes": "Near my college"},
    ("PATCH", "/api/v1/options/<option_id>"): {"capacity": 3},
    ("PATCH", "/api/v1/applications/<application_id>"): {"band": "Band B"},
    ("POST", "/api/v1/placements/<placement_id>/end"): {"ends_on": LATER, "reason": "other"},
    ("POST", "/api/v1/options/<option_id>/carer-withdrawal"): {"ends_on": LATER},
    ("POST", "/api/v1/advisers"): {"name": "Pat Exampleworth", "base": "Worthing"},
    ("POST", "/api/v1/young-people/<young_person_id>/workers"): {"kind": "personal_adviser", "worker": "x"},
    ("POST", "/api/v1/young-people/<young_person_id>/reviews"): {"reviewed_on": "2026-06-01"},
    ("POST", "/api/v1/adviser-allocations"): {"allocations": [{"young_person": "x", "adviser": "x"}]},
    ("PUT", "/api/v1/districts/<slug>/settings"): {"nomination_response_days": 5},
    ("POST", "/api/v1/nominations/<nomination_id>/withdraw"): {"reason": "She chose to stay"},
    ("POST", "/api/v1/young-people/<young_person_id>/move-steps"): {"kind": "viewing", "on": "2026-12-01"},
    ("PATCH", "/api/v1/districts/<slug>/scheme"): {"larger_homes_allowed": True},
    ("POST", "/api/v1/sign-offs/<sign_off_id>/decision"): {"decision": "sent_back", "reason": "Check the band"},
    ("PUT", "/api/v1/sign-off/routes"): {"routes": ["register_vacancy"]},
    ("POST", "/api/v1/providers"): {"name": "Birch Ltd", "ofsted_number": "2799999", "rating": "not_yet_inspected"},
    ("PATCH", "/api/v1/providers/<provider_id>"): {"name": "Oak Homes Ltd"},
    ("PUT", "/api/v1/young-people/<young_person_id>/setting-up-home"):
        {"granted": 3000, "spent": 0, "granted_on": "2026-06-01"},
    ("PUT", "/api/v1/young-people/<young_person_id>/triple-plan"): {"plans": [
        {"outcome": outcome, "route": "supported_accommodation", "plan": "Stay"}
        for outcome in ("leave_granted", "refused", "appeal_rights_exhausted")]},
    ("POST", "/api/v1/young-people/<young_person_id>/notes"): {"kind": "call", "happened_on": "2026-06-01", "text": "Rang"},
    ("POST", "/api/v1/young-people/<young_person_id>/tasks"): {"title": "Ring", "due_on": "2099-06-01"},
    ("POST", "/api/v1/me/changes"): {"about": "links", "words": "My college is in Crawley"},
    ("POST", "/api/v1/proposals/<proposal_id>/view"): {"view": "not_sure"},
    ("POST", "/api/v1/young-people/<young_person_id>/invite"): {"email": "yp@test.example"},
    ("POST", "/api/v1/changes/<change_id>/done"): {"note": "I changed your college"},
}  # fmt: skip


def test_every_operation_refuses_a_query_parameter_it_does_not_define(app, client, auth, ids, row_counts):
    headers = {role: auth.headers(role) for role in Role}  # users made before counting rows
    before = row_counts()
    accepted = []
    for rule, method in api_routes(app):
        role = getattr(handler(app, rule, method), ROLES_ATTRIBUTE, (Role.HOUSING_OFFICER,))[0]
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: ids[m.group(1)], rule.rule)
        response = client.open(f"{path}?page=1&colour=blue", method=method, headers=headers[role],
                               json=BODIES.get((method, rule.rule), {}) if method != "GET" else None)  # fmt: skip
        errors = (response.json or {}).get("errors", {}).get("query", {})
        if response.status_code != 422 or "colour" not in errors:
            accepted.append(f"{method} {rule.rule}: {response.status_code}")
    assert accepted == []
    assert row_counts() == before


def test_a_defined_parameter_still_works_and_only_the_unknown_one_is_named(client, officer):
    response = client.get("/api/v1/young-people?page_size=5&statu=agreed&pagesize=5", headers=officer)

    assert response.status_code == 422
    unknown = ["not a field this operation takes: remove it"]
    assert response.json["errors"] == {"query": {"pagesize": unknown, "statu": unknown}}
    assert client.get("/api/v1/young-people?page_size=5", headers=officer).status_code == 200


def test_the_checks_keep_the_contracts_order(client, auth, officer):
    assert client.get("/api/v1/young-people?colour=blue").status_code == 401
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    assert client.get("/api/v1/young-people?colour=blue", headers=coordinator).status_code == 403
    assert client.post("/api/v1/proposals/nope/accept?colour=blue", headers=officer).status_code == 404
