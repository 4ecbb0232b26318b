"""Marshmallow's reasons in plain English (issue 30), for the API's 422s and a council's file.

A reason sits under its field's name (`{"json": {"capacity": [...]}}`, `line 3, column capacity: …`),
so it says what is wrong with that field and what to send instead, not the library's own wording.
The pages say it once more, with the field's name in words (web/forms.py).
"""

import re
from collections.abc import Mapping
from typing import Any

WRONG_KIND = "is not the right kind of value"
FROM_TO = "must be from {0} to {1}"
PLAIN = (
    (r"Missing data for required field\.?$", "required: send this field"),
    (r"Field may not be null\.?$", "must not be null"),
    (r"Unknown field\.?$", "not a field this operation takes: remove it"),
    (r"Not a valid date\.?$", "must be a real date, as year-month-day like 2026-03-27"),
    (r"Not a valid (?:integer|number)\.?$", "must be a whole number, like 3"),
    (r"Not a valid boolean\.?$", "must be true or false"),
    (r"Not a valid (?:string|list|mapping type)\.?$|Invalid input type\.?$", WRONG_KIND),
    (r"Not a valid email address\.?$", "must be an email address, like name@example.org"),
    (r"Length must be between (\d+) and (\d+)\.?$", "must be {0} to {1} characters long"),
    (r"Shorter than minimum length 1\.?$", "must not be empty"),
    (r"Shorter than minimum length (\d+)\.?$", "must be at least {0} characters long"),
    (r"Longer than maximum length (\d+)\.?$", "must be {0} characters or fewer"),
    (r"Length must be (\d+)\.?$", "must be exactly {0} long"),
    (r"Must be greater than or equal to (\S+) and less than or equal to (\S+?)\.?$", FROM_TO),
    (r"Must be greater than or equal to (\S+?)\.?$", "must be {0} or more"),
    (r"Must be less than or equal to (\S+?)\.?$", "must be {0} or less"),
    (r"Must be one of: (.*?)\.?$", "must be one of {0}"),
    (r"String does not match expected pattern\.?$", "is not in the expected form"),
)  # fmt: skip


def plain(reason: str) -> str:
    """One reason in plain English; a reason already written for people is kept as it is."""
    for pattern, words in PLAIN:
        if match := re.match(pattern, reason):
            return words.format(*match.groups())
    return reason


def plain_all(errors: Any) -> Any:
    """Every reason in a nested error mapping, as `plain` says it. Keys become strings, as JSON
    writes them anyway: a list's errors are keyed by item number beside `_schema` for the list as a
    whole, and the JSON encoder cannot sort numbers among strings (a 500, found by `make fuzz`)."""
    if isinstance(errors, Mapping):
        return {str(key): plain_all(value) for key, value in errors.items()}
    if isinstance(errors, list):
        return [plain_all(item) for item in errors]
    return plain(errors) if isinstance(errors, str) else errors
