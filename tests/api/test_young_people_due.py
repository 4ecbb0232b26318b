"""What is due on a young person's record, and the v1.1 list filters (due_before, ages, q), through the API."""

from datetime import date, timedelta

import pytest

from housing.clock import today
from housing.due import due_on
from housing.lifedates import add_months, birthday, pathway_deadline
from housing.vocabulary import Role
from tests import payloads

DAY = timedelta(days=1)


def create(client, officer, reference, date_of_birth: date, **overrides):
    body = payloads.young_person(reference=reference, date_of_birth=date_of_birth.isoformat(), **overrides)
    response = client.post("/api/v1/young-people", json=body, headers=officer)
    assert response.status_code == 201, response.json
    return response.json


def born(years: int, days_ago: int = 30) -> date:
    return date.fromisoformat(payloads.born_aged(years, days_ago))


def listed(client, officer, query: str) -> list[str]:
    response = client.get(f"/api/v1/young-people?page_size=500&{query}", headers=officer)
    assert response.status_code == 200, response.json
    return sorted(item["reference"] for item in response.json["items"])


def test_under_18_the_pathway_is_due_by_17_and_a_half(client, officer):
    dob = born(17)
    record = create(client, officer, "P", dob)
    assert (record["due"], record["due_date"]) == ("pathway", pathway_deadline(dob).isoformat())


def test_under_18_a_move_before_17_and_a_half_is_due_first(client, officer):
    move = today() + timedelta(days=20)
    record = create(client, officer, "M", born(17), move_date=move.isoformat())
    assert (record["due"], record["due_date"]) == ("move", move.isoformat())


def test_from_18_a_move_or_release_date_is_due_on_that_date(client, officer):
    move = today() + timedelta(days=40)
    moving = create(client, officer, "MOVE", born(21), move_date=move.isoformat())
    release = today() + timedelta(days=10)
    leaving = create(client, officer, "REL", born(20), needs={"custody_release_date": release.isoformat()})
    assert (moving["due"], moving["due_date"]) == ("move", move.isoformat())
    assert (leaving["due"], leaving["due_date"]) == ("move", release.isoformat())


def test_an_18_year_old_without_a_date_is_due_from_their_18th_birthday_and_an_older_one_has_nothing_due(
    client, officer
):
    eighteen = born(18, days_ago=40)
    record = create(client, officer, "EIGHTEEN", eighteen)
    older = create(client, officer, "NINETEEN", born(19))
    assert (record["due"], record["due_date"]) == ("move", birthday(eighteen, 18).isoformat())
    assert (older["due"], older["due_date"]) == (None, None)
    shown = client.get(f"/api/v1/young-people/{older['id']}", headers=officer).json
    assert (shown["due"], shown["due_date"]) == (None, None)


def test_the_18th_birthday_is_the_boundary_day(client, officer):
    turning_today = birthday(today(), -18)
    turning_tomorrow = turning_today + DAY
    today_18 = create(client, officer, "TODAY", turning_today)
    still_17 = create(client, officer, "TOMORROW", turning_tomorrow)
    assert (today_18["due"], today_18["due_date"]) == ("move", today().isoformat())
    assert (still_17["due"], still_17["due_date"]) == (
        "pathway",
        pathway_deadline(turning_tomorrow).isoformat(),
    )
    assert listed(client, officer, "age_min=18") == ["TODAY"]
    assert listed(client, officer, "age_max=17") == ["TOMORROW"]


def test_nothing_is_due_while_in_an_active_cohort(client, officer, auth):
    record = create(client, officer, "COHORT", born(17), needs={"immigration": "leave_granted"})
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    body = {"name": "Cohort 9", "starts_on": today().isoformat(), "districts": ["worthing"]}
    cohort = client.post("/api/v1/cohorts", json=body, headers=coordinator).json
    enrolled = client.post(
        f"/api/v1/cohorts/{cohort['id']}/members", json={"young_person": record["id"]}, headers=coordinator
    )
    assert enrolled.status_code == 201, enrolled.json

    shown = client.get(f"/api/v1/young-people/{record['id']}", headers=officer).json
    assert (shown["due"], shown["due_date"]) == (None, None)
    assert listed(client, officer, f"due_before={(today() + timedelta(days=3650)).isoformat()}") == []


def test_due_before_is_strict_on_the_boundary_day(client, officer):
    record = create(client, officer, "EDGE", born(17))
    due = date.fromisoformat(record["due_date"])
    assert listed(client, officer, f"due_before={due.isoformat()}") == []
    assert listed(client, officer, f"due_before={(due + DAY).isoformat()}") == ["EDGE"]


def test_due_before_in_the_database_agrees_with_the_due_rule_for_every_kind_of_record(client, officer):
    """One rule, two faces: the SQL filter picks exactly those whose due date the rule puts before the day."""
    soon, past = today() + timedelta(days=30), today() - timedelta(days=30)
    stale = today() - timedelta(days=91)
    cases = {
        "U16": (born(16), {}),
        "U17": (born(17, 100), {}),
        "U17-MOVE-SOON": (born(17, 10), {"move_date": soon.isoformat()}),
        "U17-MOVE-LATE": (born(17, 100), {"move_date": (today() + timedelta(days=400)).isoformat()}),
        "A18": (born(18, 100), {}),
        "A18-MOVE": (born(18, 100), {"move_date": (today() + timedelta(days=200)).isoformat()}),
        "A19": (born(19), {}),
        "A20-MOVE-PAST": (born(20), {"move_date": past.isoformat()}),
        "A21-RELEASE": (born(21), {"needs": {"custody_release_date": soon.isoformat()}}),
        "A22-STALE": (born(22), {"needs": {"custody_release_date": stale.isoformat()}}),
        "A23-BOTH": (
            born(23),
            {"move_date": past.isoformat(), "needs": {"custody_release_date": soon.isoformat()}},
        ),
        "A24-STALE-MOVE": (
            born(24),
            {"move_date": soon.isoformat(), "needs": {"custody_release_date": stale.isoformat()}},
        ),
    }
    dues = {}
    for reference, (dob, extra) in cases.items():
        record = create(client, officer, reference, dob, **extra)
        dues[reference] = record["due_date"] and date.fromisoformat(record["due_date"])
        needs = extra.get("needs", {})
        release = needs.get("custody_release_date") and date.fromisoformat(needs["custody_release_date"])
        move = extra.get("move_date") and date.fromisoformat(extra["move_date"])
        expected = due_on(today(), dob, move, release)
        assert dues[reference] == (expected.on if expected else None), reference

    for offset in (-400, -31, -30, -29, 0, 29, 30, 31, 90, 91, 150, 365, 600):
        day = today() + timedelta(days=offset)
        expected = sorted(r for r, due in dues.items() if due is not None and due < day)
        assert listed(client, officer, f"due_before={day.isoformat()}") == expected, offset


def test_age_filters_count_whole_years_today(client, officer):
    for years in (16, 17, 18, 21, 25):
        create(client, officer, f"AGE{years}", born(years))
    assert listed(client, officer, "age_min=18") == ["AGE18", "AGE21", "AGE25"]
    assert listed(client, officer, "age_max=17") == ["AGE16", "AGE17"]
    assert listed(client, officer, "age_min=17&age_max=21") == ["AGE17", "AGE18", "AGE21"]


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("ws-10", ["WS-10", "WS-101"]),
        ("ALEX", ["WS-10", "WS-200"]),
        ("smith", ["WS-10"]),
        ("alex  smith", ["WS-10"]),
        ("  alexandra   JONES ", ["WS-200"]),
        ("dra jo", ["WS-200"]),
        ("nobody", []),
        ("%", []),
        ("_", []),
    ],
)
def test_q_finds_a_part_of_the_reference_or_a_name_in_any_case(client, officer, q, found):
    create(client, officer, "WS-10", born(17), given_name="Alex", family_name="Smith")
    create(client, officer, "WS-101", born(17), given_name="Sam", family_name="Taylor")
    create(client, officer, "WS-200", born(17), given_name="Alexandra", family_name="Jones")
    response = client.get("/api/v1/young-people", query_string={"q": q}, headers=officer)
    assert response.status_code == 200
    assert sorted(item["reference"] for item in response.json["items"]) == found


@pytest.mark.parametrize(
    ("query", "field"),
    [("due_before=soon", "due_before"), ("age_min=-1", "age_min"), ("age_max=x", "age_max"), ("q=", "q")],
)
def test_a_bad_filter_is_422_naming_it(client, officer, query, field):
    response = client.get(f"/api/v1/young-people?{query}", headers=officer)
    assert response.status_code == 422
    assert field in response.json["errors"]["query"]


def test_filters_combine(client, officer):
    create(client, officer, "CRAWLEY-17", born(17, 150), home_district="crawley", given_name="Kim")
    create(client, officer, "CRAWLEY-16", born(16), home_district="crawley", given_name="Kim")
    create(client, officer, "WORTHING-17", born(17, 150), given_name="Kim")
    soon = add_months(today(), 3).isoformat()
    assert listed(client, officer, f"home_district=crawley&q=kim&due_before={soon}") == ["CRAWLEY-17"]
