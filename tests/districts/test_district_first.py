"""For every operation that takes a district, another district's officer is refused (403) before
anything they sent is read: no 422 for a bad body or query, no 409 for a decided nomination."""

import re

import pytest

from housing.vocabulary import Role
from tests import payloads
from tests.builders import api_routes, handler, horsham_records

BAD = {"capacity": "lots", "decision": "maybe", "unknown": 1}


@pytest.fixture
def horsham(client, officer, auth):
    return horsham_records(client, officer, auth)


def operations(horsham):
    """(method, path, body, query) of every API operation a district officer may use that names a
    district, by its path or by the place in its body; each sent with a bad body or query."""
    return [
        ("GET", f"/api/v1/options/{horsham['option']}", None, None),
        ("PATCH", f"/api/v1/options/{horsham['option']}", BAD, None),
        ("PATCH", f"/api/v1/options/{horsham['option']}", {"young_person": horsham["person"]}, None),
        ("POST", "/api/v1/options", payloads.option(place="Horsham", capacity="lots"), None),
        ("POST", "/api/v1/options", payloads.option("supported_lodgings", place="Crawley", capacity=0), None),
        ("POST", f"/api/v1/nominations/{horsham['nomination']}/decision", BAD, None),
        ("POST", f"/api/v1/nominations/{horsham['nomination']}/decision", {"decision": "accepted"}, None),
        ("GET", "/api/v1/districts/horsham/applicants", None, {"page": 0}),
        ("GET", "/api/v1/districts/horsham/applicants.csv", None, {"band": "x" * 300}),
        ("GET", "/api/v1/districts/horsham/applicants.xlsx", None, {"status": "nonsense"}),
        ("GET", "/api/v1/districts/horsham/nominations", None, {"status": "nonsense"}),
        ("POST", "/api/v1/districts/horsham/vacancies", {"file": "not a file"}, None),
        ("PATCH", "/api/v1/districts/horsham/scheme", {"bedroom_standard": [3, 2, 1, 0]}, None),
        ("GET", "/api/v1/districts/horsham/settings", None, {"colour": "blue"}),
    ]


def test_another_districts_officer_gets_403_before_422_on_every_operation(client, auth, horsham, row_counts):
    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    before = row_counts()
    answers = {}
    for method, path, body, query in operations(horsham):
        response = client.open(path, method=method, json=body, query_string=query, headers=crawley)
        answers[f"{method} {path} {body or query}"] = response.status_code

    assert set(answers.values()) == {403}, answers
    assert row_counts() == before


def test_the_operations_above_are_every_one_a_district_officer_may_use_on_a_district(app, horsham):
    """A new operation admitting district officers must be added to the walk above."""
    walked = {
        re.sub(r"/(?:[0-9a-f]{32}|horsham)(?=/|\.|$)", "/<>", path) + " " + method
        for method, path, _, _ in operations(horsham)
    }
    admitting = {
        re.sub(r"<[^>]+>", "<>", rule.rule) + " " + method
        for rule, method in api_routes(app)
        if Role.DISTRICT_OFFICER in getattr(handler(app, rule, method), "pathways_roles", ())
        and (method != "GET" or "<" in rule.rule)
        and "/notifications" not in rule.rule  # each user's own, not a district's: another's is a 404
    }

    assert admitting == walked


def test_a_council_naming_a_young_person_in_its_own_vacancy_learns_nothing_of_them(client, auth, horsham):
    own = auth.headers(Role.DISTRICT_OFFICER, "horsham")
    path = f"/api/v1/options/{horsham['option']}"

    real = client.patch(path, json={"young_person": horsham["person"]}, headers=own)
    made_up = client.patch(path, json={"young_person": "0" * 32}, headers=own)

    assert real.status_code == made_up.status_code == 422
    assert real.json == made_up.json
    assert real.json["errors"]["json"] == {"young_person": ["only for staying_put options"]}
