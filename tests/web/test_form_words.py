"""Every reason marshmallow can give reaches a person in words about their field (issue 30)."""

import pytest

from httpkit.reasons import plain
from web.forms import in_words

LIBRARY = [
    "Missing data for required field.",
    "Field may not be null.",
    "Not a valid date.",
    "Not a valid integer.",
    "Not a valid boolean.",
    "Not a valid string.",
    "Not a valid list.",
    "Not a valid email address.",
    "Length must be between 1 and 100.",
    "Shorter than minimum length 1.",
    "Longer than maximum length 64.",
    "Must be greater than or equal to 0 and less than or equal to 20.",
    "Must be greater than or equal to 1.",
    "Must be less than or equal to 30.",
    "Must be one of: low, medium, high.",
    "Unknown field.",
]


@pytest.mark.parametrize("reason", LIBRARY)
def test_no_library_wording_reaches_a_page(reason):
    said = in_words("their given name", reason)

    assert said != reason[:1].upper() + reason[1:]  # rewritten, not passed through
    assert "Not a valid" not in said
    assert "Length must be" not in said


@pytest.mark.parametrize("reason", LIBRARY)
def test_no_library_wording_reaches_an_api_client(reason):
    said = plain(reason)

    assert said != reason
    assert said[:1].islower()  # a reason beside its field's name, as the contract's envelope has it


def test_a_name_too_long_or_empty_says_what_to_enter():
    assert in_words("their given name", "Length must be between 1 and 100.") == (
        "Enter their given name, 100 characters or fewer"
    )
    assert plain("Length must be between 1 and 100.") == "must be 1 to 100 characters long"
