"""A commissioner's figures give no young person away: no day-by-day differences, every count rounded,
fairness only of runs of everyone, and every read audited (issue 27)."""

from datetime import date, timedelta

from sqlalchemy import select

from housing.audit_words import day
from housing.clock import today
from housing.lifedates import add_months
from housing.models import AuditEntry
from housing.vocabulary import Role
from tests import payloads
from tests.builders import create, due_soon, worthing_place


def next_months_15th() -> date:
    return (today().replace(day=1) + timedelta(days=40)).replace(day=15)


def turning_16_on(day: date, reference: str) -> dict:
    return payloads.young_person(reference=reference, date_of_birth=add_months(day, -12 * 16).isoformat())


def counts_in(value) -> list:
    """Every count a body shows (the fields that count young people), wherever it is nested."""
    names = {"in_scope", "matched", "urgent", "urgent_matched", "demand_in_reach", "filled", "moves",
             "before", "after", "change", "placed", "passed_over_count"}  # fmt: skip
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in names and not isinstance(inner, dict | bool):
                found.append(inner)
            found += counts_in(inner)
    elif isinstance(value, list):
        for inner in value:
            found += counts_in(inner)
    return found


def test_a_commissioners_sufficiency_the_day_before_and_the_day_of_a_sixteenth_birthday_is_the_same(
    client, officer, auth
):
    birthday = next_months_15th()
    create(client, officer, "/api/v1/young-people", turning_16_on(birthday, "WS-0016"))
    worthing_place(client, officer, capacity=3)
    commissioner = auth.headers(Role.COMMISSIONER)

    before = client.get(f"/api/v1/sufficiency?as_of={birthday - timedelta(days=1)}", headers=commissioner)
    on_the_day = client.get(f"/api/v1/sufficiency?as_of={birthday}", headers=commissioner)
    officers_before = client.get(f"/api/v1/sufficiency?as_of={birthday - timedelta(days=1)}", headers=officer)
    officers_on_the_day = client.get(f"/api/v1/sufficiency?as_of={birthday}", headers=officer)

    assert before.status_code == on_the_day.status_code == 200
    assert before.json == on_the_day.json
    assert on_the_day.json["as_of"] == birthday.replace(day=1).isoformat()
    assert officers_on_the_day.json["as_of"] == birthday.isoformat()  # officers plan by the day
    assert officers_before.json["items"] != officers_on_the_day.json["items"]  # the birthday shows to them


def test_a_commissioners_what_if_is_taken_as_of_the_first_of_its_month(client, officer, auth):
    birthday = next_months_15th()
    create(client, officer, "/api/v1/young-people", turning_16_on(birthday, "WS-0016"))
    option = worthing_place(client, officer, capacity=1)
    commissioner = auth.headers(Role.COMMISSIONER)
    body = {"changes": [{"option": option, "places": 1}]}

    before = client.post(
        "/api/v1/what-if", json=body | {"as_of": str(birthday - timedelta(days=1))}, headers=commissioner
    )
    on_the_day = client.post("/api/v1/what-if", json=body | {"as_of": str(birthday)}, headers=commissioner)

    assert before.json == on_the_day.json
    assert on_the_day.json["as_of"] == birthday.replace(day=1).isoformat()


def test_every_count_a_commissioner_sees_is_zero_under_five_or_a_multiple_of_five(client, officer, auth):
    people = [create(client, officer, "/api/v1/young-people", due_soon(f"WS-00{n:02}")) for n in range(13)]
    option = worthing_place(client, officer, capacity=11)
    commissioner = auth.headers(Role.COMMISSIONER)

    sufficiency = client.get("/api/v1/sufficiency", headers=commissioner).json
    compared = client.post(
        "/api/v1/what-if", json={"changes": [{"option": option, "places": 1}]}, headers=commissioner
    ).json
    exact = client.post(
        "/api/v1/what-if", json={"changes": [{"option": option, "places": 1}]}, headers=officer
    ).json

    assert len(people) == exact["before"]["in_scope"] == 13
    assert (exact["before"]["matched"], exact["after"]["matched"]) == (11, 12)
    shown = counts_in(sufficiency) + counts_in(compared)
    assert shown, "the answers show counts"
    assert all(c in (0, "<5", "*") or (isinstance(c, int) and c % 5 == 0) for c in shown), shown
    assert (compared["before"]["in_scope"], compared["before"]["matched"], compared["after"]["matched"]) == (
        15,
        10,
        10,
    )
    total = compared["by_route"][-1]
    assert (total["before"], total["after"], total["change"]) == (10, 10, 0)  # never the exact +1


def test_filled_places_beside_one_to_four_places_left_are_withheld_from_a_commissioner(client, officer, auth):
    create(client, officer, "/api/v1/young-people", due_soon("WS-0001"))
    worthing_place(client, officer, capacity=1)

    item = client.get("/api/v1/sufficiency", headers=auth.headers(Role.COMMISSIONER)).json["items"][0]

    assert (item["remaining"], item["filled"]) == (1, "*")


def test_reading_sufficiency_is_audited_naming_the_reader(client, officer, auth, db):
    worthing_place(client, officer)
    client.get("/api/v1/sufficiency", headers=auth.headers(Role.COMMISSIONER))

    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "sufficiency")).one()
    assert (entry.user_email, entry.role, entry.young_person_id) == (
        "commissioner.county@test.example",
        "commissioner",
        None,
    )
    assert entry.detail == f"sufficiency as of 1 {today():%B %Y}"


def test_a_commissioner_reads_fairness_of_a_run_of_everyone_only_and_each_read_is_audited(
    client, officer, auth, db
):
    people = [create(client, officer, "/api/v1/young-people", due_soon(f"WS-00{n:02}")) for n in range(6)]
    worthing_place(client, officer, capacity=6)
    everyone = client.post("/api/v1/matching/runs", json={}, headers=officer).json
    one_person = client.post("/api/v1/matching/runs", json={"young_people": people[:1]}, headers=officer).json
    commissioner = auth.headers(Role.COMMISSIONER)

    of_everyone = client.get(f"/api/v1/matching/runs/{everyone['id']}/fairness", headers=commissioner)
    of_one = client.get(f"/api/v1/matching/runs/{one_person['id']}/fairness", headers=commissioner)
    of_one_csv = client.get(f"/api/v1/matching/runs/{one_person['id']}/fairness.csv", headers=commissioner)
    officers_view = client.get(f"/api/v1/matching/runs/{one_person['id']}/fairness", headers=officer)

    assert of_everyone.status_code == 200
    assert of_everyone.json["county"]["placed"] == 5  # 6, rounded
    assert of_one.status_code == of_one_csv.status_code == 403
    assert "everyone in scope" in of_one.json["message"]
    assert officers_view.status_code == 200
    reads = db.scalars(
        select(AuditEntry).where(AuditEntry.action == "fairness").order_by(AuditEntry.id)
    ).all()
    assert [(e.user_email, e.detail) for e in reads] == [
        ("commissioner.county@test.example", f"fairness of the matching run as of {as_of_words(everyone)}"),
        (
            "housing_officer.county@test.example",
            f"fairness of the matching run as of {as_of_words(one_person)}",
        ),
    ]


def test_a_run_of_everyone_with_fewer_than_five_in_scope_is_not_shown_to_a_commissioner(
    client, officer, auth
):
    create(client, officer, "/api/v1/young-people", due_soon("WS-0001"))
    worthing_place(client, officer)
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json

    refused = client.get(
        f"/api/v1/matching/runs/{run['id']}/fairness", headers=auth.headers(Role.COMMISSIONER)
    )

    assert refused.status_code == 403


def test_a_what_if_that_moves_one_young_person_shows_a_commissioner_no_home_district_after_it(
    client, officer, auth
):
    """An option only one person can use, added by a what-if, must not say where they come from."""
    [create(client, officer, "/api/v1/young-people", due_soon(f"WS-00{n:02}")) for n in range(12)]
    option = worthing_place(client, officer, capacity=11)
    commissioner = auth.headers(Role.COMMISSIONER)
    body = {"changes": [{"option": option, "places": 1}]}

    exact = client.post("/api/v1/what-if", json=body, headers=officer).json
    shown = client.post("/api/v1/what-if", json=body, headers=commissioner).json

    assert exact["by_home_district"][-1]["change"] == 1
    assert {(row["after"], row["change"]) for row in shown["by_home_district"]} == {("*", "*")}
    assert [row["before"] for row in shown["by_home_district"]] == [10, 10]  # worthing, total (11)
    assert shown["by_route"][-1]["before"] == 10


def as_of_words(run: dict) -> str:
    """A run as the audit trail names it (issue 30: names, not ids)."""
    return day(date.fromisoformat(run["as_of"]))
