"""The Local Housing Allowance check and the care leavers' shared rate exemption (housing/money.py)."""

from datetime import date

import pytest

from housing import money
from housing.lifedates import birthday

ON = date(2026, 12, 7)


def born_aged(age: int) -> date:
    return birthday(ON, -age).replace(day=1)


@pytest.mark.parametrize(
    ("age", "children", "until", "expected"),
    [
        (19, 0, 25, 1),  # a single care leaver under 25: the one-bedroom rate
        (24, 0, 25, 1),
        (25, 0, 25, money.SHARED),  # from 25, the shared rate (until 35)
        (21, 0, 22, 1),  # the age limit is a setting: a lower one moves the line
        (22, 0, 22, money.SHARED),
        (23, 1, 22, 2),  # a parent: the bedrooms their household needs, exempt or not
        (19, 3, 25, 3),
    ],
)
def test_the_rate_a_care_leaver_gets_follows_the_exemption_age_and_their_household(
    age, children, until, expected
):
    assert money.rate_category(children, age, until) == expected


def test_a_rent_within_the_one_bedroom_rate_is_said_so_with_why():
    check = money.check_for(850, "Crawley & Reigate", date_of_birth=born_aged(19), children=0, on=ON,
                            exemption_until=25)  # fmt: skip

    assert (check.within, check.rate) == (True, 925)
    assert check.words == (
        "Rent £850 a month is within the one-bedroom rate of £925 (Crawley & Reigate). "
        "Aged 19, a care leaver under 25: exempt from the shared rate until then."
    )


def test_a_rent_above_the_shared_rate_at_the_age_limit_says_by_how_much():
    check = money.check_for(
        600, "Worthing", date_of_birth=born_aged(25), children=0, on=ON, exemption_until=25
    )

    assert (check.within, check.rate) == (False, 460)
    assert check.words.startswith("Rent £600 a month is £140 above the shared rate of £460 (Worthing).")
    assert "exempt from the shared rate only until 25" in check.words


def test_an_area_without_rates_is_named_not_guessed():
    check = money.check_for(
        600, "Hastings", date_of_birth=born_aged(19), children=0, on=ON, exemption_until=25
    )

    assert (check.within, check.rate) == (None, None)
    assert check.words == "No Local Housing Allowance rate is held for Hastings."


def test_an_option_is_judged_against_both_rates_a_single_care_leaver_might_get():
    assert money.option_words(700, "Chichester", 25) == (
        "Rent £700 a month is within the one-bedroom rate of £800 and above the shared rate of £450 "
        "(Chichester); care leavers under 25 are exempt from the shared rate."
    )
    assert money.option_words(1200, "Chichester", 25) == (
        "Rent £1,200 a month is £400 above the one-bedroom rate of £800 and the shared rate of £450 (Chichester)."
    )
    assert money.option_words(400, "Chichester", 25).endswith("within the shared rate of £450 (Chichester).")


def test_what_the_landlord_asks_is_said_in_words():
    assert money.terms_words(1000, 850, True) == "Deposit £1,000; rent in advance £850; a guarantor needed."
    assert money.terms_words(0, 0, False) == "No deposit; no rent in advance; no guarantor needed."
    assert money.terms_words(None, None, None) == ""


def test_every_area_holds_every_rate_and_the_rates_say_they_are_illustrative():
    assert all(set(rates) == {money.SHARED, 1, 2, 3} for rates in money.RATES.values())
    assert "Illustrative" in money.RATES_SOURCE
    assert money.SAR_EXEMPTION_UNTIL == 25
