"""The weekly cost of a place beside its value: the PLACE_COST median and the WEEKLY_COST_CHANGE rule."""

from housing.reads.sufficiency import weekly_cost
from housing.reads.what_if import CostChange, cost_change
from web.planning_words import cost_change as said


def test_a_groups_weekly_cost_is_its_median_place_each_option_counted_by_its_places():
    assert weekly_cost([(1, 900), (5, 1500), (1, 2000)]) == 1500  # the large scheme weighs as its places
    assert weekly_cost([(1, 900), (1, 1500)]) == 900  # an even count: the lower middle place
    assert weekly_cost([]) is None


def test_places_added_cost_their_options_weekly_cost_and_places_removed_save_it():
    changes = [{"option": "a", "places": 2}, {"option": "b", "places": -1}, {"option": "c", "places": 3}]
    add = [{"capacity": 4, "weekly_cost": 1000}, {"capacity": 2}]

    assert cost_change(changes, add, {"a": 1450, "b": 800, "c": None}) == CostChange(2 * 1450 - 800 + 4000, 5)


def test_the_cost_is_said_in_words_with_a_year_and_the_places_it_cannot_count():
    assert said({"change": 2900, "uncosted_places": 0}) == (
        "The places changed would cost £2,900 a week more (about £150,800 a year)."
    )
    assert said({"change": -800, "uncosted_places": 1}) == (
        "The places changed would save £800 a week (about £41,600 a year). "
        "1 place changed has no weekly cost recorded, so is not counted."
    )
    assert said({"change": 0, "uncosted_places": 3}) == (
        "3 places changed have no weekly cost recorded, so are not counted."
    )
