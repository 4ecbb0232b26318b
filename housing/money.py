"""Money where a decision needs it: the Local Housing Allowance check on a private rented option.

A private tenancy is affordable on benefits only if its rent is within the young person's Local
Housing Allowance (LHA) rate for the broad rental market area the home is in. A single person under
35 gets the shared accommodation rate (a room in a shared house) unless exempt; care leavers are
exempt until an age the DWP sets, held here as a setting (`PATHWAYS_SAR_EXEMPTION_UNTIL`, default
`SAR_EXEMPTION_UNTIL`) because the sources name the exemption (the corporate parenting strategy:
"the shared accommodation exemption") but not its age: **to be confirmed against current DWP rules**.

The rates below are **illustrative, not published figures**: the sources hold no LHA rate. They stand
in until the county loads the rates the Valuation Office Agency publishes each April; `RATES_SOURCE`
and `RATES_AS_OF` say so wherever a rate is shown.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from housing.lifedates import age_on
from housing.rules import bedrooms_needed

# Care leavers are exempt from the shared accommodation rate until this age (the SAR_EXEMPTION rule).
# To be confirmed against current DWP rules; the sources name the exemption, not its age.
SAR_EXEMPTION_UNTIL = 25
RATES_SOURCE = "Illustrative rates, not published figures (the sources hold no LHA rate)"
RATES_AS_OF = date(2026, 4, 1)

SHARED = "shared"
# The categories by bedrooms, and their names in words.
CATEGORY_WORDS = {SHARED: "shared", 1: "one-bedroom", 2: "two-bedroom", 3: "three-bedroom"}

# Monthly rates in whole pounds by broad rental market area: the shared rate, then 1, 2, 3 bedrooms.
RATES: dict[str, dict[str | int, int]] = {
    "Brighton and Hove": {SHARED: 520, 1: 900, 2: 1175, 3: 1450},
    "Chichester": {SHARED: 450, 1: 800, 2: 1000, 3: 1250},
    "Crawley & Reigate": {SHARED: 530, 1: 925, 2: 1150, 3: 1400},
    "Worthing": {SHARED: 460, 1: 800, 2: 1000, 3: 1250},
}
RENTAL_MARKET_AREAS = tuple(RATES)


def pounds(amount: int) -> str:
    return f"£{amount:,}"


def rate_category(children: int, age: int, exemption_until: int) -> str | int:
    """The SAR_EXEMPTION rule: which LHA rate a care leaver's household gets.

    A parent gets the rate for the bedrooms their household needs; a single care leaver gets the
    one-bedroom rate while under the exemption's age limit, the shared rate from it (until 35, an
    age no care leaver here reaches).
    """
    bedrooms = bedrooms_needed(children)
    if bedrooms > 1:
        return bedrooms
    return 1 if age < exemption_until else SHARED


@dataclass(frozen=True)
class Check:
    """The check's verdict (`within` is None when no rate is held for the area) and its words."""

    within: bool | None
    rate: int | None
    category: str | int | None
    words: str


def check_for(
    rent: int, area: str, *, date_of_birth: date, children: int, on: date, exemption_until: int
) -> Check:
    """Whether the rent is within the young person's own rate, on the day, in a sentence."""
    age = age_on(date_of_birth, on)
    category = rate_category(children, age, exemption_until)
    rates = RATES.get(area)
    if rates is None:
        return Check(None, None, category, f"No Local Housing Allowance rate is held for {area}.")
    rate = rates[category]
    why = _why(category, age, exemption_until)
    if rent <= rate:
        said = f"Rent {pounds(rent)} a month is within the {CATEGORY_WORDS[category]} rate of {pounds(rate)}"
    else:
        said = (
            f"Rent {pounds(rent)} a month is {pounds(rent - rate)} above the "
            f"{CATEGORY_WORDS[category]} rate of {pounds(rate)}"
        )
    return Check(rent <= rate, rate, category, f"{said} ({area}). {why}")


def _why(category: str | int, age: int, exemption_until: int) -> str:
    if category == SHARED:
        return f"Aged {age}: care leavers are exempt from the shared rate only until {exemption_until}."
    if category == 1:
        return f"Aged {age}, a care leaver under {exemption_until}: exempt from the shared rate until then."
    return f"A parent: the rate for {CATEGORY_WORDS[category]} homes."


def option_words(rent: int, area: str | None, exemption_until: int) -> str:
    """For an option not yet proposed to anyone: the rent against the single person's two rates."""
    if area is None:
        return f"Rent {pounds(rent)} a month: no broad rental market area recorded, so it is not checked."
    rates = RATES.get(area)
    if rates is None:
        return f"Rent {pounds(rent)} a month. No Local Housing Allowance rate is held for {area}."
    one, shared = rates[1], rates[SHARED]
    if rent > one:
        return (
            f"Rent {pounds(rent)} a month is {pounds(rent - one)} above the one-bedroom rate of "
            f"{pounds(one)} and the shared rate of {pounds(shared)} ({area})."
        )
    against_shared = "within" if rent <= shared else "above"
    said = (
        f"Rent {pounds(rent)} a month is within the one-bedroom rate of {pounds(one)} "
        f"and {against_shared} the shared rate of {pounds(shared)} ({area})"
    )
    if rent > shared:
        return f"{said}; care leavers under {exemption_until} are exempt from the shared rate."
    return f"{said}."


def terms_words(deposit: int | None, rent_in_advance: int | None, guarantor_needed: bool | None) -> str:
    """What the landlord asks before the move, in words: "Deposit £1,000; rent in advance £850; a
    guarantor needed" (the county's rent deposit and guarantor scheme meets these)."""
    said = []
    if deposit is not None:
        said.append(f"deposit {pounds(deposit)}" if deposit else "no deposit")
    if rent_in_advance is not None:
        said.append(f"rent in advance {pounds(rent_in_advance)}" if rent_in_advance else "no rent in advance")
    if guarantor_needed is not None:
        said.append("a guarantor needed" if guarantor_needed else "no guarantor needed")
    return "; ".join(said).capitalize() + "." if said else ""


# The Setting Up Home Allowance every care leaver may have (scrutiny report 2023, 2.27: "Every care
# leaver has access to a 'Setting Up Home Allowance' of £3,000"): the form's suggestion, not a limit.
SETTING_UP_HOME_ALLOWANCE = 3000
MOST_POUNDS = 100_000  # an amount above this is a typing slip


def allowance_problems(
    granted: int | None, spent: int | None, granted_on: date | None, today: date, born: date | None = None
) -> Iterator[tuple[str, str]]:
    """The SPENT_WITHIN_GRANTED rule and its dates: (field, reason) pairs, judged on what is there, so a
    form names every problem at once. Spending more than was granted is a top-up to record first."""
    if isinstance(granted, int) and isinstance(spent, int) and spent > granted:
        yield "spent", f"must not be more than the amount granted ({pounds(granted)})"
    if granted_on is not None and granted_on > today:
        yield "granted_on", "must not be in the future"
    elif granted_on is not None and born is not None and granted_on < born:
        yield "granted_on", "must not be before their date of birth"
