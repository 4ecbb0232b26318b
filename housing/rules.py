"""Named rules about records in the store. Pure functions the use cases share (the matcher gets their
answers as data: bedrooms needed, who is in scope).

Eligibility between a young person and an option (the contract's hard rules) lives in
`matching.rules`; what is here decides what a valid record is and who is in scope.
"""

from datetime import date

from housing.lifedates import age_on

OLDEST_CARE_LEAVER = 25  # support from the leaving-care service ends at 25
SCOPE_AGES = range(16, OLDEST_CARE_LEAVER + 1)  # whom a matching run considers


def bedrooms_needed(children: int) -> int:
    """1 without children, 2 with one or two, 3 with more (the contract's figures)."""
    if children <= 0:
        return 1
    return 2 if children <= 2 else 3


def date_of_birth_problem(date_of_birth: date, today: date) -> str | None:
    """A record is for someone already born and still within the service's age range."""
    if date_of_birth > today:
        return "must not be in the future"
    if age_on(date_of_birth, today) > OLDEST_CARE_LEAVER:
        return f"gives an age over {OLDEST_CARE_LEAVER}; the service supports care leavers up to 25"
    return None


def in_matching_scope(date_of_birth: date, as_of: date) -> bool:
    return age_on(date_of_birth, as_of) in SCOPE_AGES
