"""Providers on the API: recorded with their Ofsted registration and rating, searched, changed, named by
supported options with a weekly cost of a place; every change audited by the provider's name."""

import pytest
from sqlalchemy import select

from housing.models import AuditEntry, Option, Provider
from housing.vocabulary import Role
from tests import payloads

OAK = {"name": "Oak Housing Ltd", "ofsted_number": "2712345", "rating": "good", "inspected_on": "2025-03-04"}


def provider(client, officer, **overrides) -> str:
    answer = client.post("/api/v1/providers", json=OAK | overrides, headers=officer)
    assert answer.status_code == 201, answer.json
    return answer.json["id"]


def test_a_provider_is_recorded_listed_by_words_and_audited(client, officer, db):
    made = provider(client, officer, ofsted_number="sc 123456")
    provider(client, officer, name="Birch Lodgings", ofsted_number="2799999", rating="not_yet_inspected",
             inspected_on=None)  # fmt: skip

    found = client.get("/api/v1/providers?q=oak", headers=officer).json

    assert [p["name"] for p in found["items"]] == ["Oak Housing Ltd"]
    assert found["items"][0] | {"id": None} == OAK | {"ofsted_number": "SC123456", "options": 0, "places": 0,
                                                      "id": None}  # fmt: skip
    assert db.get(Provider, made).ofsted_number == "SC123456"
    assert "provider Oak Housing Ltd (SC123456)" in db.scalars(select(AuditEntry.detail)).all()


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        (OAK | {"ofsted_number": "12-34"}, "ofsted_number",
         "must be Ofsted's reference number: 6 or 7 digits, or SC and 6 digits"),
        (OAK | {"inspected_on": None}, "inspected_on", "must be given with a rating: the date of the inspection that gave it"),
        (OAK | {"rating": "not_yet_inspected"}, "inspected_on", "must be left empty for a provider not yet inspected"),
        (OAK | {"inspected_on": "2099-01-01"}, "inspected_on", "must not be in the future"),
        (OAK | {"rating": "brilliant"}, "rating", None),
        ({"name": "No number"}, "ofsted_number", None),
    ],
)  # fmt: skip
def test_a_wrong_provider_is_422_naming_the_field_and_nothing_is_written(
    client, officer, row_counts, body, field, reason
):
    before = row_counts()

    refused = client.post("/api/v1/providers", json=body, headers=officer)

    assert refused.status_code == 422
    if reason:
        assert refused.json["errors"]["json"][field] == [reason]
    assert field in refused.json["errors"]["json"]
    assert row_counts() == before


def test_an_ofsted_number_held_already_is_a_conflict(client, officer):
    provider(client, officer)

    assert client.post("/api/v1/providers", json=OAK | {"name": "Copy"}, headers=officer).status_code == 409


def test_a_change_of_rating_needs_its_date_and_is_audited_in_words(client, officer, db):
    made = provider(client, officer)

    refused = client.patch(f"/api/v1/providers/{made}", json={"rating": "not_yet_inspected"}, headers=officer)
    changed = client.patch(f"/api/v1/providers/{made}", json={"rating": "outstanding", "inspected_on": "2026-10-01"},
                           headers=officer)  # fmt: skip

    assert refused.status_code == 422
    assert refused.json["errors"]["json"]["inspected_on"] == [
        "must be left empty for a provider not yet inspected"
    ]
    assert changed.status_code == 200
    assert (changed.json["rating"], changed.json["inspected_on"]) == ("outstanding", "2026-10-01")
    assert (
        "provider Oak Housing Ltd: rating from good to outstanding, date inspected from 4 March 2025 to 1 October 2026"
        in db.scalars(select(AuditEntry.detail)).all()
    )


def test_a_supported_option_names_its_provider_and_weekly_cost_and_the_provider_counts_its_places(
    client, officer, db
):
    made = provider(client, officer)
    body = payloads.option("supported_accommodation", capacity=4, provider=made, weekly_cost=1450)

    answer = client.post("/api/v1/options", json=body, headers=officer)

    assert answer.status_code == 201, answer.json
    assert (answer.json["provider"], answer.json["weekly_cost"]) == (made, 1450)
    assert db.get(Option, answer.json["id"]).weekly_cost == 1450
    assert client.get(f"/api/v1/providers/{made}", headers=officer).json | {"id": made} == OAK | {
        "id": made, "options": 1, "places": 4}  # fmt: skip


def test_a_provider_belongs_to_supported_routes_and_must_exist(client, officer, row_counts):
    made = provider(client, officer)
    before = row_counts()

    council = client.post(
        "/api/v1/options", json=payloads.option(provider=made, weekly_cost=10), headers=officer
    )
    unknown = client.post("/api/v1/options", json=payloads.option("supported_lodgings", provider="nobody"),
                          headers=officer)  # fmt: skip

    assert council.status_code == unknown.status_code == 422
    assert council.json["errors"]["json"]["provider"] == [
        "only for supported_lodgings and supported_accommodation options"
    ]
    assert council.json["errors"]["json"]["weekly_cost"] == [
        "only for supported_lodgings and supported_accommodation options"
    ]
    assert unknown.json["errors"]["json"]["provider"] == ["no provider with id nobody"]
    assert row_counts() == before


def test_a_commissioner_reads_providers_and_the_weekly_cost_but_may_not_record_them(client, officer, auth):
    made = provider(client, officer)
    client.post("/api/v1/options", json=payloads.option("supported_accommodation", provider=made, weekly_cost=900),
                headers=officer)  # fmt: skip
    commissioner = auth.headers(Role.COMMISSIONER)

    assert client.get("/api/v1/providers", headers=commissioner).json["total"] == 1
    assert client.get("/api/v1/options", headers=commissioner).json["items"][0]["weekly_cost"] == 900
    assert client.post("/api/v1/providers", json={}, headers=commissioner).status_code == 403
    assert client.get("/api/v1/providers", headers=auth.headers(Role.DISTRICT_OFFICER)).status_code == 403


def test_an_unknown_provider_is_404(client, officer):
    assert client.get("/api/v1/providers/nobody", headers=officer).status_code == 404
    assert client.patch("/api/v1/providers/nobody", json={"name": "X"}, headers=officer).status_code == 404
