"""The seeded advisers against the county's figures: caseloads about 25 today, most advisers late."""

from collections import Counter
from datetime import date

from housing import advising
from housing.lifedates import age_on
from seeds.scenario import generate

AS_OF = date(2026, 11, 23)


def test_the_established_advisers_carry_about_25_each_and_two_new_ones_have_room():
    scenario = generate(2026, 1.0, AS_OF)
    caseloads = Counter(a["adviser_id"] for a in scenario.allocations if a["ends_on"] is None)
    established = [n for n in caseloads.values() if n > 5]
    assert 24 <= sum(established) / len(established) <= 26
    assert len(scenario.advisers) - len(established) == 2


def test_every_care_leaver_from_18_has_an_adviser_and_few_have_one_by_sixteen_and_a_half():
    scenario = generate(2026, 1.0, AS_OF)
    current = {a["young_person_id"]: a for a in scenario.allocations if a["ends_on"] is None}
    adults = [p for p in scenario.young_people if 18 <= age_on(p["date_of_birth"], AS_OF) <= 25]
    assert all(p["id"] in current for p in adults)
    reached = [p for p in scenario.young_people if advising.adviser_due_on(p["date_of_birth"]) <= AS_OF
               and age_on(p["date_of_birth"], AS_OF) < 18]  # fmt: skip
    by_then = [p for p in reached if p["id"] in current
               and current[p["id"]]["starts_on"] <= advising.adviser_due_on(p["date_of_birth"])]  # fmt: skip
    assert len(by_then) < len(reached) / 10  # Ofsted: most start "not long before their 18th birthday"


def test_the_advisers_are_synthetic_and_numbered_and_the_rest_of_the_county_is_drawn_as_before():
    scenario = generate(2026, 1.0, AS_OF)
    assert all("-A" in a["name"] for a in scenario.advisers)
    assert len(scenario.young_people) == 642
    assert len(scenario.siblings) % 2 == 0
