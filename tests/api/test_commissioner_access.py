"""A commissioner plans places: figures about places, never a young person's record, name or reference."""

import re

from housing.vocabulary import Role
from httpkit.auth import ROLES_ATTRIBUTE
from tests import payloads
from tests.api.test_access import api_routes, handler

# Everything a commissioner may call; every other route must refuse them.
ADMITTED = {
    ("GET", "/api/v1/districts"),
    ("GET", "/api/v1/places"),
    ("GET", "/api/v1/options"),
    ("GET", "/api/v1/options/<option_id>"),
    ("GET", "/api/v1/sufficiency"),
    ("POST", "/api/v1/what-if"),
    ("GET", "/api/v1/matching/runs/<run_id>/fairness"),
    ("GET", "/api/v1/matching/runs/<run_id>/fairness.csv"),
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
