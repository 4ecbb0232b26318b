"""A commissioner plans places: figures about places, never a young person's record, name or reference."""

import re

import schemathesis
from schemathesis.specs.openapi.checks import response_schema_conformance

from housing.vocabulary import Role
from httpkit.auth import ROLES_ATTRIBUTE
from tests import payloads
from tests.builders import api_routes, handler

# Everything a commissioner may call; every other route must refuse them.
ADMITTED = {
    ("GET", "/api/v1/districts"),
    ("GET", "/api/v1/places"),
    ("GET", "/api/v1/options"),
    ("GET", "/api/v1/options/<option_id>"),
    ("GET", "/api/v1/sufficiency"),
    ("GET", "/api/v1/providers"),
    ("GET", "/api/v1/providers/<provider_id>"),
    ("POST", "/api/v1/what-if"),
    ("GET", "/api/v1/matching/runs/<run_id>/fairness"),
    ("GET", "/api/v1/matching/runs/<run_id>/fairness.csv"),
    # Every signed-in user reads and marks their own notifications (contract v1.2).
    ("GET", "/api/v1/notifications"),
    ("POST", "/api/v1/notifications/<notification_id>/read"),
}
PUBLIC = {("GET", "/api/v1/health"), ("GET", "/api/v1/openapi.json")}


def test_the_routes_admitting_a_commissioner_are_exactly_the_planning_ones(app):
    admitted = {
        (method, rule.rule)
        for rule, method in api_routes(app)
        if Role.COMMISSIONER in getattr(handler(app, rule, method), ROLES_ATTRIBUTE, ())
    }
    assert admitted == ADMITTED


def test_every_other_route_answers_a_commissioner_403_with_real_ids_and_no_personal_value(
    client, auth, officer
):
    person = client.post("/api/v1/young-people", json=payloads.young_person(), headers=officer).json["id"]
    ids = {"young_person_id": person, "option_id": "x", "run_id": "x", "proposal_id": "x", "slug": "worthing"}
    commissioner = auth.headers(Role.COMMISSIONER)
    answered = {}
    for rule, method in api_routes(client.application):
        if (method, rule.rule) in ADMITTED | PUBLIC:
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: ids.get(m.group(1), "x"), rule.rule)
        response = client.open(path, method=method, json=payloads.young_person(), headers=commissioner)
        answered[f"{method} {rule.rule}"] = response.status_code
        assert "Exampleton" not in response.get_data(as_text=True)
    assert set(answered.values()) == {403}, answered
    assert len(answered) > 20


def test_the_options_a_commissioner_reads_minimised_keep_the_documented_schema(app, client, auth, officer):
    """`make fuzz` with a commissioner's token found their minimised options breaking the document,
    which gave only an officer's schema (`available_from` required): it now gives either."""
    body = payloads.option("supported_accommodation", place="Worthing")
    option = client.post("/api/v1/options", json=body, headers=officer).json["id"]
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    listed, one = schema["/api/v1/options"]["GET"], schema["/api/v1/options/{option_id}"]["GET"]
    for role in (Role.COMMISSIONER, Role.HOUSING_OFFICER):
        headers = auth.headers(role)
        for case in (listed.Case(), one.Case(path_parameters={"option_id": option})):
            response = case.call_and_validate(headers=headers, checks=[response_schema_conformance])
            assert response.status_code == 200
            assert option in response.text
