"""A private tenancy's money on the API: rent, deposit, rent in advance, guarantor and the Local
Housing Allowance check (housing/money.py), refused on other routes and audited nowhere personal."""

from housing.models import Option
from tests import payloads

MONEY = {"monthly_rent": 850, "deposit": 980, "rent_in_advance": 850, "guarantor_needed": True,
         "rental_market_area": "Crawley & Reigate"}  # fmt: skip


def test_a_private_tenancy_carries_its_money_and_its_rent_checked_in_words(client, officer, db):
    body = payloads.option("private_rented", place="Crawley", **MONEY)

    answer = client.post("/api/v1/options", json=body, headers=officer)

    assert answer.status_code == 201, answer.json
    stored = db.get(Option, answer.json["id"])
    assert (stored.monthly_rent, stored.deposit, stored.rent_in_advance, stored.guarantor_needed) == (
        850,
        980,
        850,
        True,
    )
    lha = answer.json["lha"]
    assert (lha["one_bedroom_rate"], lha["shared_rate"], lha["care_leavers_exempt_from_shared_rate_until"]) == (
        925, 530, 25)  # fmt: skip
    assert lha["words"] == (
        "Rent £850 a month is within the one-bedroom rate of £925 and above the shared rate of £530 "
        "(Crawley & Reigate); care leavers under 25 are exempt from the shared rate."
    )
    assert "Illustrative" in lha["rates_source"]


def test_the_exemption_age_is_a_setting(app, client, officer):
    app.config["SAR_EXEMPTION_UNTIL"] = 22
    body = payloads.option("private_rented", place="Crawley", **MONEY)

    lha = client.post("/api/v1/options", json=body, headers=officer).json["lha"]

    assert lha["care_leavers_exempt_from_shared_rate_until"] == 22
    assert lha["words"].endswith("care leavers under 22 are exempt from the shared rate.")


def test_money_may_be_left_out_until_the_landlord_says(client, officer):
    answer = client.post("/api/v1/options", json=payloads.option("private_rented"), headers=officer)

    assert answer.status_code == 201
    assert (answer.json["monthly_rent"], answer.json["lha"]) == (None, None)


def test_bad_money_is_refused_with_each_field_and_nothing_written(client, officer, row_counts):
    before = row_counts()
    body = payloads.option("private_rented", monthly_rent=-1, deposit="900", rent_in_advance=850.5,
                           guarantor_needed="perhaps", rental_market_area="Atlantis")  # fmt: skip

    refused = client.post("/api/v1/options", json=body, headers=officer)

    assert refused.status_code == 422
    assert set(refused.json["errors"]["json"]) == {
        "monthly_rent", "deposit", "rent_in_advance", "guarantor_needed", "rental_market_area"}  # fmt: skip
    assert row_counts() == before


def test_money_belongs_to_a_private_tenancy_only(client, officer, row_counts):
    before = row_counts()

    refused = client.post(
        "/api/v1/options", json=payloads.option("register_vacancy", monthly_rent=700), headers=officer
    )
    council_home = client.post("/api/v1/options", json=payloads.option("register_vacancy"), headers=officer)
    changed = client.patch(
        f"/api/v1/options/{council_home.json['id']}", json={"deposit": 500}, headers=officer
    )

    assert refused.status_code == 422
    assert refused.json["errors"]["json"]["monthly_rent"] == ["only for private_rented options"]
    assert changed.status_code == 422
    assert changed.json["errors"]["json"]["deposit"] == ["only for private_rented options"]
    assert row_counts()["options"] == before["options"] + 1


def test_a_rent_changed_is_checked_again(client, officer):
    home = client.post(
        "/api/v1/options", json=payloads.option("private_rented", place="Crawley", **MONEY), headers=officer
    ).json["id"]

    changed = client.patch(f"/api/v1/options/{home}", json={"monthly_rent": 1000}, headers=officer)

    assert changed.status_code == 200
    assert changed.json["lha"]["words"].startswith(
        "Rent £1,000 a month is £75 above the one-bedroom rate of £925"
    )


def test_the_openapi_document_describes_the_money(client):
    option = client.get("/api/v1/openapi.json").json["components"]["schemas"]["Option"]["properties"]

    for field in (*MONEY, "lha"):
        assert "description" in option[field], field
