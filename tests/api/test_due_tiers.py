"""Tiers of what is due (api-contract v1.2) on records, in `order=due` and in the `due_tier` filter."""

from datetime import date, timedelta

import pytest

from housing.clock import today
from housing.due import due_tier
from housing.lifedates import birthday
from tests import payloads

DAY = timedelta(days=1)


def create(client, officer, reference: str, date_of_birth: date, **overrides) -> dict:
    body = payloads.young_person(reference=reference, date_of_birth=date_of_birth.isoformat(), **overrides)
    response = client.post("/api/v1/young-people", json=body, headers=officer)
    assert response.status_code == 201, response.json
    return response.json


def born(years: int, days_ago: int = 30) -> date:
    return date.fromisoformat(payloads.born_aged(years, days_ago))


def in_days(n: int) -> str:
    return (today() + timedelta(days=n)).isoformat()


def references(client, officer, query: str) -> list[str]:
    response = client.get(f"/api/v1/young-people?page_size=500&{query}", headers=officer)
    assert response.status_code == 200, response.json
    return [item["reference"] for item in response.json["items"]]


@pytest.mark.parametrize(
    ("move_in", "tier"),
    [(-3, "move_now"), (0, "move_now"), (28, "move_now"), (29, "soon"), (90, "soon"), (91, "later")],
)
def test_a_move_date_is_a_move_now_to_28_days_soon_to_90_and_later_after_on_the_day(
    client, officer, move_in, tier
):
    record = create(client, officer, "MOVE", born(20), move_date=in_days(move_in))
    assert (record["due"], record["due_date"], record["due_tier"]) == ("move", in_days(move_in), tier)
    shown = client.get(f"/api/v1/young-people/{record['id']}", headers=officer).json
    assert shown["due_tier"] == tier


def test_a_release_within_28_days_is_a_move_now_and_one_a_day_later_is_soon(client, officer):
    now = create(client, officer, "REL-28", born(21), needs={"custody_release_date": in_days(28)})
    later = create(client, officer, "REL-29", born(21), needs={"custody_release_date": in_days(29)})
    assert (now["due_tier"], later["due_tier"]) == ("move_now", "soon")


def test_an_18_year_old_with_no_move_date_is_overdue_and_one_turning_18_today_is_soon(client, officer):
    eighteen = born(18, days_ago=40)
    overdue = create(client, officer, "EIGHTEEN", eighteen)
    turning = create(client, officer, "TODAY", birthday(today(), -18))
    assert (overdue["due_date"], overdue["due_tier"]) == (birthday(eighteen, 18).isoformat(), "overdue")
    assert (turning["due_date"], turning["due_tier"]) == (today().isoformat(), "soon")


def test_a_placement_ending_soon_is_a_move_now_even_with_the_pathway_overdue(client, officer):
    seventeen_and_nine_months = born(17, days_ago=270)
    record = create(client, officer, "BOTH", seventeen_and_nine_months, move_date=in_days(10))
    assert (record["due"], record["due_tier"]) == ("pathway", "move_now")  # 17½ passed 3 months ago
    alone = create(client, officer, "PATHWAY", seventeen_and_nine_months)
    assert alone["due_tier"] == "overdue"


def test_nothing_due_is_tier_none(client, officer):
    record = create(client, officer, "NINETEEN", born(19))
    assert (record["due"], record["due_tier"]) == (None, "none")


def _a_county(client, officer) -> None:
    create(client, officer, "B-LATER", born(16))  # 17½ more than 90 days away
    create(client, officer, "A-NONE", born(22))
    create(client, officer, "C-OVERDUE-18", born(18, days_ago=40))
    create(client, officer, "D-OVERDUE-17", born(17, days_ago=270))
    create(client, officer, "E-SOON", born(21), move_date=in_days(60))
    create(client, officer, "F-BREAKDOWN", born(19), move_date=in_days(0))
    create(client, officer, "G-NOTICE", born(20), move_date=in_days(20))
    create(client, officer, "H-SOON-SAME-DAY", born(20), move_date=in_days(60))


def test_order_due_lists_by_tier_then_due_date_then_reference_with_nothing_due_last(client, officer):
    _a_county(client, officer)
    assert references(client, officer, "order=due") == [
        "F-BREAKDOWN", "G-NOTICE",  # move now: today, in 20 days
        "D-OVERDUE-17", "C-OVERDUE-18",  # overdue: 17½ about 90 days ago, then 18 40 days ago
        "E-SOON", "H-SOON-SAME-DAY",  # the same day: by reference
        "B-LATER",
        "A-NONE",
    ]  # fmt: skip
    paged = client.get("/api/v1/young-people?order=due&page=2&page_size=3", headers=officer).json
    assert ([i["reference"] for i in paged["items"]], paged["total"]) == (
        ["C-OVERDUE-18", "E-SOON", "H-SOON-SAME-DAY"],
        8,
    )


def test_the_due_tier_filter_keeps_those_in_any_tier_given(client, officer):
    _a_county(client, officer)
    assert references(client, officer, "order=due&due_tier=move_now") == ["F-BREAKDOWN", "G-NOTICE"]
    assert references(client, officer, "order=due&due_tier=overdue&due_tier=none") == [
        "D-OVERDUE-17",
        "C-OVERDUE-18",
        "A-NONE",
    ]
    assert references(client, officer, "order=due&due_tier=later&home_district=worthing") == ["B-LATER"]


def test_the_filter_in_the_database_agrees_with_the_rule_on_every_boundary(client, officer):
    """One rule, two faces: each tier's SQL condition picks exactly the records the rule puts in it."""
    cases = {f"MOVE{n}": {"move_date": in_days(n)} for n in (-100, -1, 0, 27, 28, 29, 89, 90, 91, 400)}
    cases |= {f"REL{n}": {"needs": {"custody_release_date": in_days(n)}} for n in (-91, -90, 28, 29)}
    for reference, extra in cases.items():
        create(client, officer, reference, born(20), **extra)
    for reference, dob in {
        "U16": born(16),
        "U17": born(17, 100),
        "U17-LATE": born(17, 270),
        "A18": born(18),
    }.items():
        create(client, officer, reference, dob)
    everyone = client.get("/api/v1/young-people?page_size=500", headers=officer).json["items"]
    for tier in ("move_now", "overdue", "soon", "later", "none"):
        expected = sorted(p["reference"] for p in everyone if p["due_tier"] == tier)
        assert sorted(references(client, officer, f"due_tier={tier}")) == expected, tier
    for person in everyone:
        move = person["move_date"] and date.fromisoformat(person["move_date"])
        release = person["needs"]["custody_release_date"]
        release = release and date.fromisoformat(release)
        assert person["due_tier"] == due_tier(
            today(), date.fromisoformat(person["date_of_birth"]), move, release
        )


@pytest.mark.parametrize(("query", "field"), [("due_tier=urgent", "due_tier"), ("order=soonest", "order")])
def test_an_unknown_tier_or_order_is_a_422_naming_the_query_field_and_writes_nothing(
    client, officer, row_counts, query, field
):
    create(client, officer, "ANY", born(17))
    before = row_counts()
    response = client.get(f"/api/v1/young-people?{query}", headers=officer)
    assert response.status_code == 422
    assert field in response.json["errors"]["query"]
    assert row_counts() == before


def test_the_openapi_document_describes_the_tier_the_filter_and_the_order(client):
    document = client.get("/api/v1/openapi.json").json
    record = document["components"]["schemas"]["YoungPerson"]["properties"]
    assert record["due_tier"]["enum"] == ["move_now", "overdue", "soon", "later", "none"]
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/young-people"]["get"]["parameters"]}
    assert parameters["due_tier"]["schema"]["items"]["enum"] == [
        "move_now",
        "overdue",
        "soon",
        "later",
        "none",
    ]
    assert parameters["order"]["schema"]["enum"] == ["deadline", "due"]
