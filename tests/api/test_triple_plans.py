"""UASC triple planning through the API (issue 31): three plans side by side while a claim is open; the
leave-granted plan becomes the plan when leave to remain is recorded, visibly and audited."""

from datetime import timedelta

import pytest
import schemathesis
from sqlalchemy import select

from housing.models import AuditEntry
from housing.vocabulary import Role
from tests.builders import TODAY, UASC, young_person

PLANS = {"plans": [
    {"outcome": "leave_granted", "route": "supported_lodgings", "plan": "Host family in Worthing, near college"},
    {"outcome": "refused", "route": "supported_accommodation", "plan": "Stay in the UASC scheme while appealing"},
    {"outcome": "appeal_rights_exhausted", "route": "supported_accommodation", "plan": "Human rights assessment"},
]}  # fmt: skip


def test_three_plans_are_kept_side_by_side_and_read_back_audited(client, officer, auth, db):
    person = young_person(client, officer, "U-1", needs=UASC)
    recorded = client.put(f"/api/v1/young-people/{person}/triple-plan", json=PLANS, headers=officer)

    assert recorded.status_code == 200, recorded.json
    found = client.get(
        f"/api/v1/young-people/{person}/triple-plan", headers=auth.headers(Role.TEAM_MANAGER)
    ).json
    assert [(p["outcome"], p["route"]) for p in found["plans"]] == [
        ("leave_granted", "supported_lodgings"), ("refused", "supported_accommodation"),
        ("appeal_rights_exhausted", "supported_accommodation"),
    ]  # fmt: skip
    assert (found["settled"], found["chosen"]) == (False, None)
    details = set(db.scalars(select(AuditEntry.detail).where(AuditEntry.young_person_id == person)))
    assert {
        "recorded the three housing plans (UASC triple planning)",
        "viewed the three housing plans",
    } <= details


def test_recording_leave_to_remain_makes_the_leave_granted_plan_the_plan(client, officer, db):
    person = young_person(client, officer, "U-1", needs=UASC)
    client.put(f"/api/v1/young-people/{person}/triple-plan", json=PLANS, headers=officer)
    granted = (TODAY - timedelta(days=3)).isoformat()

    answer = client.patch(f"/api/v1/young-people/{person}",
                          json={"needs": {"immigration": "leave_granted", "leave_granted_on": granted}}, headers=officer)  # fmt: skip

    assert answer.status_code == 200, answer.json
    found = client.get(f"/api/v1/young-people/{person}/triple-plan", headers=officer).json
    assert (found["settled"], found["chosen"]) == (True, "leave_granted")
    assert [p["chosen_on"] for p in found["plans"]] == [TODAY.isoformat(), None, None]
    chosen = db.scalar(select(AuditEntry.detail).where(AuditEntry.action == "plan chosen"))
    assert chosen == "the leave granted plan became the plan (supported lodgings)"
    again = client.put(f"/api/v1/young-people/{person}/triple-plan", json=PLANS, headers=officer)
    assert again.status_code == 422


def test_appeal_rights_exhausted_makes_its_own_plan_the_plan(client, officer):
    person = young_person(client, officer, "U-1", needs=UASC)
    client.put(f"/api/v1/young-people/{person}/triple-plan", json=PLANS, headers=officer)
    client.patch(f"/api/v1/young-people/{person}", json={"needs": {"immigration": "appeal_rights_exhausted"}},
                 headers=officer)  # fmt: skip
    assert client.get(f"/api/v1/young-people/{person}/triple-plan", headers=officer).json["chosen"] == (
        "appeal_rights_exhausted"
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [({"plans": PLANS["plans"][:2]}, "plans"),
     ({"plans": [PLANS["plans"][0] | {"route": "castle"}, *PLANS["plans"][1:]]}, "plans")],
)  # fmt: skip
def test_fewer_than_three_plans_or_an_unknown_route_is_refused(client, officer, row_counts, body, field):
    person = young_person(client, officer, "U-1", needs=UASC)
    before = row_counts()
    refused = client.put(f"/api/v1/young-people/{person}/triple-plan", json=body, headers=officer)
    assert refused.status_code == 422
    assert field in refused.json["errors"]["json"]
    assert row_counts() == before


def test_no_triple_plan_for_someone_whose_immigration_is_settled(client, officer):
    person = young_person(client, officer, "S-1")
    refused = client.put(f"/api/v1/young-people/{person}/triple-plan", json=PLANS, headers=officer)
    assert refused.status_code == 422
    assert "not settled" in refused.json["errors"]["json"]["plans"][0]


@pytest.mark.parametrize("role", [Role.DISTRICT_OFFICER, Role.COMMISSIONER, Role.HOUSE_PROJECT_COORDINATOR])
def test_triple_plans_are_for_those_who_work_the_case(client, officer, auth, role):
    person = young_person(client, officer, "U-1", needs=UASC)
    headers = auth.headers(role)
    assert client.get(f"/api/v1/young-people/{person}/triple-plan", headers=headers).status_code == 403
    assert (
        client.put(f"/api/v1/young-people/{person}/triple-plan", json=PLANS, headers=headers).status_code
        == 403
    )
    assert client.put(f"/api/v1/young-people/{person}/triple-plan", json=PLANS,
                      headers=auth.headers(Role.TEAM_MANAGER)).status_code == 403  # fmt: skip


@pytest.mark.parametrize(
    "plans",
    [
        [{}],  # no outcome: the plan's own errors, not a KeyError in the one-per-outcome rule
        [{"outcome": "refused"}],  # the item's errors beside the list's: numbered keys among "_schema"
        [1, PLANS["plans"][0]],
    ],
)
def test_plans_that_are_not_valid_are_a_422_naming_each_not_a_500(client, officer, plans):
    """Found by `make fuzz` (2026-12-07): a 500 from the error answer itself."""
    person = young_person(client, officer, "U-1", needs=UASC)

    answer = client.put(f"/api/v1/young-people/{person}/triple-plan", json={"plans": plans}, headers=officer)

    assert answer.status_code == 422, answer.get_data(as_text=True)[:300]
    assert "0" in answer.json["errors"]["json"]["plans"]
    found = client.get(f"/api/v1/young-people/{person}/triple-plan", headers=officer).json
    assert [p["plan"] for p in found["plans"]] == [None, None, None]  # nothing recorded


def test_plans_not_made_yet_read_back_as_the_document_says(app, client, officer):
    """Found by `make fuzz` (2026-12-07): an outcome not planned yet reads back with a null route and
    plan, which the document (one schema for plans sent and read) said must be there."""
    person = young_person(client, officer, "U-1", needs=UASC)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operation = schema["/api/v1/young-people/{young_person_id}/triple-plan"]["GET"]

    answer = client.get(f"/api/v1/young-people/{person}/triple-plan", headers=officer)

    assert [p["route"] for p in answer.json["plans"]] == [None, None, None]
    operation.validate_response(answer)
    refused = client.put(f"/api/v1/young-people/{person}/triple-plan", headers=officer,
                         json={"plans": [p | {"route": None} for p in PLANS["plans"]]})  # fmt: skip
    assert refused.status_code == 422  # a plan sent in still needs its route
