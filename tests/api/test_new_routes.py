"""v1.1 routes and defaults: private rented homes (18 and over, right to rent), Staying Put to 21."""

from datetime import date

import pytest

from housing.lifedates import birthday
from housing.models import Option
from tests import payloads
from tests.builders import TODAY, run, young_person


def test_a_private_rented_home_is_recorded_like_any_route(client, officer, db):
    body = payloads.option("private_rented", name="Flat above the bakery", place="Worthing", min_age=18)

    answer = client.post("/api/v1/options", json=body, headers=officer)

    assert answer.status_code == 201, answer.json
    assert (answer.json["route"], answer.json["district"], answer.json["remaining"]) == (
        "private_rented",
        "worthing",
        1,
    )
    assert db.get(Option, answer.json["id"]).route == "private_rented"


@pytest.mark.parametrize("min_age", [16, 17])
def test_a_private_tenancy_is_for_adults_only(client, officer, row_counts, min_age):
    before = row_counts()

    refused = client.post(
        "/api/v1/options", json=payloads.option("private_rented", min_age=min_age), headers=officer
    )

    assert refused.status_code == 422
    assert refused.json["errors"]["json"]["min_age"] == [
        "must be at least 18: a private tenancy is for adults"
    ]
    assert row_counts() == before


def test_a_private_landlord_needs_the_right_to_rent(client, officer):
    settled = young_person(client, officer, "SETTLED", needs={"step_free": True})
    waiting = young_person(client, officer, "WAITING", needs={"step_free": True, "uasc": True,
                                                             "immigration": "awaiting_decision"})  # fmt: skip
    body = payloads.option(
        "private_rented", place="Worthing", capacity=2, step_free=True, available_from="2026-01-01"
    )
    home = client.post("/api/v1/options", json=body, headers=officer).json["id"]

    proposals = run(client, officer)["proposals"]

    assert [(p["young_person"], p["option"]) for p in proposals] == [(settled, home)]
    assert waiting not in {p["young_person"] for p in proposals}


def test_staying_put_runs_to_21_unless_the_offer_says_otherwise(client, officer):
    person = young_person(client, officer, "A")
    born = client.get(f"/api/v1/young-people/{person}", headers=officer).json["date_of_birth"]
    offer = payloads.option("staying_put", young_person=person, carer_willing=True, min_age=17)
    shorter = {**offer, "available_until": TODAY.replace(year=TODAY.year + 1).isoformat()}

    by_default = client.post("/api/v1/options", json=offer, headers=officer)
    said_otherwise = client.post("/api/v1/options", json=shorter, headers=officer)

    assert by_default.status_code == 201, by_default.json
    assert by_default.json["available_until"] == birthday(date.fromisoformat(born), 21).isoformat()
    assert said_otherwise.json["available_until"] == shorter["available_until"]
