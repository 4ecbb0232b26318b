"""Odd input gets a clean 4xx and writes nothing: deep nesting, lone surrogates, a chunked body, a
missing body, an unknown method, dates outside the documented range."""

import io
import json
import re

import pytest
from sqlalchemy import select

from housing.models import AuditEntry
from housing.vocabulary import Role
from httpkit.schemas import DAY_PATTERN
from tests import payloads
from tests.builders import api_routes


def young_person(client, officer) -> str:
    response = client.post("/api/v1/young-people", json=payloads.young_person(), headers=officer)
    assert response.status_code == 201, response.json
    return response.json["id"]


def raw(client, method, path, text, headers, content_type="application/json"):
    return client.open(path, method=method, data=text, headers=headers | {"Content-Type": content_type})


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        json.dumps(payloads.young_person())[:-1] + ', "needs": ' + '{"x":' * 5_000 + "1" + "}" * 5_001,
        json.dumps(payloads.young_person())[:-1] + ', "local_links": ' + "[" * 40 + "]" * 40 + "}",
    ],
    ids=["list-100000", "object-100000", "needs-5000", "links-35"],
)
def test_json_nested_too_deep_is_400_and_writes_nothing(client, officer, row_counts, text):
    before = row_counts()

    response = raw(client, "POST", "/api/v1/young-people", text, officer)

    assert response.status_code == 400
    assert "nested" in response.json["message"]
    assert row_counts() == before


def test_nesting_is_judged_after_the_role(client, auth):
    response = raw(client, "POST", "/api/v1/young-people", "[" * 100_000, auth.headers(Role.DISTRICT_OFFICER))
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('"given_name": "\\ud800"', "given_name"),
        ('"given_name": "A\\udfffB"', "given_name"),
        ('"wishes": "\\udc00"', "wishes"),
        ('"needs": {"immigration": "not_applicable", "avoid_places": ["\\ud83d"]}', "needs"),
        ('"\\ud800": 1', "\ud800"),
    ],
)
def test_a_lone_surrogate_is_422_naming_the_field_and_writes_nothing(
    client, officer, row_counts, text, field
):
    body = json.dumps(payloads.young_person())[:-1] + ", " + text + "}"
    before = row_counts()

    response = raw(client, "POST", "/api/v1/young-people", body, officer)

    assert response.status_code == 422, response.json
    assert field in response.json["errors"]["json"]
    assert row_counts() == before


def test_a_lone_surrogate_in_a_change_is_422_and_changes_nothing(client, officer, row_counts):
    person = young_person(client, officer)
    before = row_counts()

    response = raw(client, "PATCH", f"/api/v1/young-people/{person}", '{"family_name": "\\ud800"}', officer)

    assert response.status_code == 422
    assert response.json["errors"]["json"]["family_name"]
    assert row_counts() == before


def test_a_surrogate_pair_is_a_character_and_is_kept(client, officer):
    body = json.dumps(payloads.young_person(wishes="\U0001f3e0 near college"))  # an escaped pair
    assert "\\ud83c\\udfe0" in body
    response = raw(client, "POST", "/api/v1/young-people", body, officer)
    assert response.status_code == 201
    assert response.json["wishes"] == "\U0001f3e0 near college"


def chunked(client, path: str, body: bytes, headers: dict):
    """A PATCH framed as gunicorn hands a chunked request to the app: no Content-Length, the input
    marked as ending by itself."""
    return client.patch(
        path,
        input_stream=io.BytesIO(body),
        headers=headers | {"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )


@pytest.mark.parametrize("framing", ["length", "chunked"])
def test_a_body_that_is_not_json_is_415_however_it_is_framed(client, officer, row_counts, framing):
    person = young_person(client, officer)
    before = row_counts()
    path, text, headers = (
        f"/api/v1/young-people/{person}",
        b'{"wishes": "x"}',
        officer | {"Content-Type": "text/plain"},
    )

    if framing == "chunked":
        response = chunked(client, path, text, headers)
    else:
        response = client.patch(path, data=text, headers=headers)

    assert response.status_code == 415
    assert row_counts() == before


def test_a_chunked_json_body_is_read_like_any_other(client, officer):
    person = young_person(client, officer)
    headers = officer | {"Content-Type": "application/json"}
    response = chunked(client, f"/api/v1/young-people/{person}", b'{"wishes": "chunked"}', headers)
    assert response.status_code == 200
    assert response.json["wishes"] == "chunked"


@pytest.mark.parametrize("body", [None, {}])
def test_a_patch_with_no_body_or_nothing_in_it_is_422_and_audits_nothing(client, officer, db, body):
    person = young_person(client, officer)
    changes_before = db.scalars(select(AuditEntry).where(AuditEntry.action == "update")).all()

    response = client.patch(f"/api/v1/young-people/{person}", json=body, headers=officer)

    assert response.status_code == 422
    assert response.json["errors"]["json"]["_schema"]
    db.rollback()
    assert db.scalars(select(AuditEntry).where(AuditEntry.action == "update")).all() == changes_before


def test_a_run_with_no_body_runs_for_everyone_today_as_the_document_says(client, officer):
    young_person(client, officer)
    document = client.get("/api/v1/openapi.json").json
    assert document["paths"]["/api/v1/matching/runs"]["post"]["requestBody"]["required"] is False

    response = client.post("/api/v1/matching/runs", headers=officer)

    assert response.status_code == 201
    assert response.json["summary"]["in_scope"] == 1


def test_every_body_the_document_calls_required_is_refused_when_missing(app, client, auth):
    """Walks the document: each operation with a required body answers 422 to none (after its role and
    id checks, which a walk with unknown ids meets first as 404 where a path names a record)."""
    document = client.get("/api/v1/openapi.json").json
    admin, district = auth.headers(Role.ADMIN), auth.headers(Role.DISTRICT_OFFICER)
    young = auth.headers(Role.YOUNG_PERSON)
    checked = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method == "parameters" or not operation.get("requestBody", {}).get("required"):
                continue
            own = path.startswith("/api/v1/me/") or path.endswith("/view")  # a young person's own
            council = path.startswith("/api/v1/nominations/") and path.endswith("/decision")
            headers = district if council else (young if own else admin)
            response = client.open(path, method=method.upper(), headers=headers)
            expected = 404 if "{" in path else 422
            assert response.status_code == expected, f"{method.upper()} {path}: {response.status_code}"
            checked.append(f"{method.upper()} {path}")
    assert len(checked) >= 10


def test_every_unknown_method_is_405_with_allow(app, client, officer):
    for rule, _ in api_routes(app):
        allowed = rule.methods
        refused = next(m for m in ("DELETE", "PUT", "PATCH", "POST") if m not in allowed)
        response = client.open(rule.rule.replace("<", "").replace(">", ""), method=refused, headers=officer)
        assert response.status_code == 405, rule.rule
        assert set(response.headers["Allow"].split(", ")) == allowed, rule.rule
        assert response.json["code"] == 405
    page = client.delete("/sign-in")
    assert page.status_code == 405
    assert "POST" in page.headers["Allow"]


def test_an_unknown_method_with_a_body_is_still_405_not_a_complaint_about_the_body(client, officer):
    """Found by make fuzz: TRACE with a file to the upload answered 415, as if the body mattered."""
    upload = {"file": (io.BytesIO(b"\x89PNG"), "file.png")}
    for body in ({"data": upload}, {"data": "not json", "content_type": "text/plain"}):
        response = client.open("/api/v1/districts/adur/vacancies", method="TRACE", headers=officer, **body)
        assert response.status_code == 405
        assert "POST" in response.headers["Allow"]


def date_schemas(node):
    if isinstance(node, dict):
        if node.get("format") == "date":
            yield node
        for child in node.values():
            yield from date_schemas(child)
    elif isinstance(node, list):
        for child in node:
            yield from date_schemas(child)


def test_the_date_range_is_in_the_document(client, officer):
    dates = list(date_schemas(client.get("/api/v1/openapi.json").json))
    assert len(dates) > 20
    assert all(schema["pattern"] == DAY_PATTERN for schema in dates)
    for day, inside in (
        ("1899-12-31", False),
        ("1900-01-01", True),
        ("2199-12-31", True),
        ("2200-01-01", False),
        ("2026-00-10", False),
        ("2026-13-01", False),
        ("2026-12-32", False),
    ):
        assert bool(re.fullmatch(DAY_PATTERN, day)) is inside
        response = client.get("/api/v1/young-people", query_string={"deadline_before": day}, headers=officer)
        assert (response.status_code == 422) is not inside, day


def test_a_chunked_body_over_the_limit_is_413_like_any_other(client, officer, row_counts):
    person = young_person(client, officer)
    before = row_counts()
    big = b'{"wishes": "' + b"x" * (2 * 1024 * 1024) + b'"}'

    response = chunked(
        client, f"/api/v1/young-people/{person}", big, officer | {"Content-Type": "application/json"}
    )

    assert response.status_code == 413
    assert row_counts() == before
