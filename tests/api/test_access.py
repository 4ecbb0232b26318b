"""Who may use what: tokens, roles, and a walk over every route that finds none unguarded."""

import pytest
from sqlalchemy import select

from housing.models import User
from housing.services import accounts
from housing.vocabulary import Role
from httpkit.auth import PUBLIC_ATTRIBUTE, ROLES_ATTRIBUTE
from tests import payloads
from tests.builders import api_routes, handler

PUBLIC_PATHS = {"/api/v1/health", "/api/v1/openapi.json"}


def test_every_route_names_the_roles_it_admits_or_is_declared_public(app):
    unguarded = [
        f"{method} {rule.rule}"
        for rule, method in api_routes(app)
        if not hasattr(handler(app, rule, method), ROLES_ATTRIBUTE)
        and not (rule.rule in PUBLIC_PATHS and method == "GET")
    ]
    assert unguarded == []
    health = next(rule for rule, _ in api_routes(app) if rule.rule == "/api/v1/health")
    assert getattr(handler(app, health, "GET"), PUBLIC_ATTRIBUTE)


def test_every_guarded_route_answers_401_without_a_token(app, client):
    for rule, method in api_routes(app):
        if rule.rule in PUBLIC_PATHS:
            continue
        path = rule.rule.replace("<young_person_id>", "x").replace("<option_id>", "x")
        response = client.open(path, method=method, json={})
        assert response.status_code == 401, f"{method} {rule.rule}"
        assert response.json["code"] == 401


def test_health_and_the_openapi_document_need_no_token(client):
    assert client.get("/api/v1/health").json == {"status": "ok", "database": "ok"}
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"].startswith("3.")
    assert "/api/v1/young-people/{young_person_id}" in document["paths"]


@pytest.mark.parametrize("header", ["Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer ", ""])
def test_a_missing_or_wrong_token_is_401(client, header):
    response = client.get("/api/v1/districts", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json["status"] == "Unauthorized"


def test_a_revoked_token_stops_working_at_once(app, client, auth):
    headers = auth.headers(Role.HOUSING_OFFICER)
    assert client.get("/api/v1/districts", headers=headers).status_code == 200
    with app.extensions["pathways"].session_factory() as session:
        accounts.revoke(session, "housing_officer.county@test.example")

    assert client.get("/api/v1/districts", headers=headers).status_code == 401


def test_tokens_are_stored_only_as_hashes(auth, db):
    token = auth.token(Role.ADMIN)

    user = db.scalars(select(User)).one()
    assert user.token_hash != token
    assert user.token_hash == accounts.hash_token(token)


@pytest.mark.parametrize(
    ("role", "method", "path", "status"),
    [
        (Role.DISTRICT_OFFICER, "GET", "/api/v1/young-people", 403),
        (Role.HOUSE_PROJECT_COORDINATOR, "GET", "/api/v1/young-people", 403),
        (Role.DISTRICT_OFFICER, "POST", "/api/v1/young-people", 403),
        (Role.HOUSING_OFFICER, "GET", "/api/v1/audit", 403),
        (Role.DISTRICT_OFFICER, "GET", "/api/v1/audit", 403),
        (Role.ADMIN, "GET", "/api/v1/audit", 200),
        (Role.ADMIN, "GET", "/api/v1/young-people", 200),
        (Role.HOUSE_PROJECT_COORDINATOR, "GET", "/api/v1/districts", 200),
        (Role.DISTRICT_OFFICER, "GET", "/api/v1/places", 200),
    ],
)
def test_each_role_gets_what_the_contract_grants(client, auth, role, method, path, status):
    response = client.open(path, method=method, json=payloads.young_person(), headers=auth.headers(role))
    assert response.status_code == status


def test_a_wrong_role_is_403_before_a_bad_body_is_read(client, auth, row_counts):
    headers = auth.headers(Role.DISTRICT_OFFICER)
    before = row_counts()
    response = client.post("/api/v1/young-people", json={"nonsense": True}, headers=headers)
    assert response.status_code == 403
    assert row_counts() == before


def test_every_response_carries_the_security_headers(client, officer):
    for response in (client.get("/api/v1/health"), client.get("/api/v1/districts", headers=officer),
                     client.get("/api/v1/nope"), client.get("/sign-in")):  # fmt: skip
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert "Strict-Transport-Security" not in response.headers  # development: plain http


def test_the_pages_inline_script_carries_the_policys_nonce(client):
    response = client.get("/sign-in")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.get_data(as_text=True)


def test_nothing_built_for_a_user_is_stored_by_a_browser_but_static_files_are(client, officer, auth):
    """API JSON, downloads, pages and errors carry no-store; GOV.UK Frontend's files stay cacheable."""
    district = auth.headers(Role.DISTRICT_OFFICER)
    built = [
        client.get("/api/v1/young-people", headers=officer),
        client.get("/api/v1/districts/crawley/applicants.csv", headers=district),
        client.get("/api/v1/districts/crawley/applicants.xlsx", headers=district),
        client.get("/api/v1/young-people/nobody", headers=officer),
        client.get("/api/v1/health"),
        client.get("/sign-in"),
        client.get("/"),
    ]
    for response in built:
        assert response.headers["Cache-Control"] == "no-store", response.request.path
    for path in ("/assets/govuk-frontend.min.css", "/static/init.js"):
        with client.get(path) as response:
            assert response.status_code == 200
            assert "no-store" not in response.headers.get("Cache-Control", "")  # kept; revalidated
