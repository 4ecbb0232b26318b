"""Forms on pages, checked by the API's own schemas and use cases: one rule, two faces.

A page gathers its fields into the body the API would receive, loads it with the same marshmallow
schema, and calls the same use case; the reasons that come back (from the schema or the domain)
are turned here into GOV.UK messages beside each field and in the error summary, in plain words.
"""

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from marshmallow import Schema, ValidationError
from werkzeug.datastructures import MultiDict

from housing.errors import Conflict, Invalid

T = TypeVar("T")

BLANK_DATE = ""
NOT_A_DATE = "not-a-date"  # a date the form could not make out: the schema says so, as it would to the API


def date_from(form: MultiDict, name: str) -> str | None:
    """The ISO text of a GOV.UK date input's three boxes, None when all are blank."""
    parts = [form.get(f"{name}-{part}", "").strip() for part in ("day", "month", "year")]
    if not any(parts):
        return None
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat()
    except ValueError:
        return NOT_A_DATE


def pounds_from(form: MultiDict, name: str) -> int | str | None:
    """An amount typed with or without £ and commas as whole pounds; what cannot be read is left as
    typed for the schema to name; None when blank."""
    text = form.get(name, "").strip().removeprefix("£").replace(",", "").strip()
    if not text:
        return None
    return int(text) if text.lstrip("-").isdigit() else form[name].strip()


def date_boxes(value: date | None) -> dict[str, str]:
    return {"day": str(value.day), "month": str(value.month), "year": str(value.year)} if value else {}


def flat(errors: Mapping[str, Any], names: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """Nested reasons (`{"needs": {"children": [...]}}`, `{"local_links": {"0": {"place": [...]}}}`) by the
    page's field id: the innermost named field, or `names[outer]` for reasons about a whole object."""
    found: dict[str, list[str]] = {}

    def walk(node: Any, field: str) -> None:
        if isinstance(node, Mapping):
            for key, inner in node.items():
                named = field if key == "_schema" or str(key).isdigit() else str(key)
                walk(inner, (names or {}).get(named, named))
        elif isinstance(node, list) and all(isinstance(item, str) for item in node):
            found.setdefault(field, []).extend(node)
        elif isinstance(node, list):
            for item in node:
                walk(item, field)

    walk(errors, "form")
    return found


# A reason from marshmallow or a use case, matched from its start, and how a page says it; {label} is
# the field's name in words, {Label} the same at the start of a sentence, {1} {2} what the pattern caught.
IN_WORDS = (
    (r"Missing data for required field|Shorter than minimum length 1\b|Field may not be null",
     "Enter {label}"),
    (r"Must be one of|Not a valid choice|unknown place|unknown district", "Choose {label} from the list"),
    (r"Not a valid date|Must be .*1900-01-01", "{Label} must be a real date, like 27 3 2008"),
    (r"Not a valid (integer|number)", "{Label} must be a whole number"),
    (r"Must be greater than or equal to (\S+) and less than or equal to (\S+?)\.?$",
     "{Label} must be between {1} and {2}"),
    (r"Longer than maximum length (\d+)", "{Label} must be {1} characters or fewer"),
    (r"Length must be between 1 and (\d+)", "Enter {label}, {1} characters or fewer"),
    (r"Length must be between (\d+) and (\d+)", "{Label} must be {1} to {2} characters long"),
    (r"Must be greater than or equal to (\S+?)\.?$", "{Label} must be {1} or more"),
    (r"Must be less than or equal to (\S+?)\.?$", "{Label} must be {1} or fewer"),
    (r"Not a valid boolean", "Choose yes or no for {label}"),
    (r"Not a valid (string|list)|Invalid input type", "Enter {label} again: it could not be read"),
    (r"Not a valid email address", "Enter {label} as an email address, like name@example.org"),
    (r"String does not match expected pattern", "Enter {label} in the form the hint shows"),
    (r"Unknown field|not a field this operation takes", "This form does not take {label}: send it again"),
    (r"(must|gives) .*", "{Label} {0}"),
    (r"required for a", "Choose {label}"),
    (r"name at least one of route, place, district", "Choose a route, a place or a district"),
)  # fmt: skip


def in_words(label: str, reason: str, choice: bool = False) -> str:
    """A schema's or a use case's reason as a GOV.UK error message about the field called `label`;
    a missing `choice` (a select, radios) is to be chosen, not entered."""
    for pattern, words in IN_WORDS:
        if choice and words == "Enter {label}" and re.match(pattern, reason):
            return f"Choose {label}"
        if match := re.match(pattern, reason):
            groups = [match.group(0), *match.groups()]
            return words.format(*groups, label=label, Label=label[:1].upper() + label[1:])
    return reason[:1].upper() + reason[1:]


FIELD_NAME = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")


class Labels(dict):
    """Each field's name in words, in the order the form shows them; `choices`: fields chosen, not typed."""

    def __init__(self, words: Mapping[str, str], choices: tuple[str, ...] = ()) -> None:
        super().__init__(words)
        self.choices = choices


def messages(reasons: Mapping[str, list[str]], labels: Mapping[str, str]) -> dict[str, str]:
    """The first reason for each field, in words, in the order the form shows its fields."""
    ordered = [name for name in labels if name in reasons] + [name for name in reasons if name not in labels]
    choices = getattr(labels, "choices", ())
    said = {}
    for name in ordered:
        text = in_words(labels.get(name, "this field"), reasons[name][0], name in choices)
        # A reason naming another field ("must not be above max_age (25)") names it in words too.
        said[name] = FIELD_NAME.sub(lambda m: labels.get(m.group(0), m.group(0)), text)
    return said


def in_form_order(errors: Mapping[str, str], labels: Mapping[str, str]) -> dict[str, str]:
    """Messages from more than one check, in the order the form shows its fields."""
    order = {name: i for i, name in enumerate(labels)}
    return dict(sorted(errors.items(), key=lambda item: order.get(item[0], len(order))))


def load(schema: Schema, body: dict[str, Any], labels: Mapping[str, str], names=None) -> tuple[dict, dict]:
    """The body as the API's schema loads it, or the page's messages when it refuses."""
    try:
        return schema.load(body), {}
    except ValidationError as refused:
        return {}, messages(flat(refused.messages, names), labels)


def refused(invalid: Invalid, labels: Mapping[str, str], names=None) -> dict[str, str]:
    """A use case's field reasons (the domain's rules) as the page's messages."""
    return messages(flat(invalid.fields, names), labels)


def saved(
    save: Callable[[dict], T], body: dict, errors: dict, labels: Mapping[str, str], conflict_field: str
) -> T | None:
    """Run a use case on a loaded body, unless the form already has errors; its refusals become the
    form's messages (a rule broken beside its field, a conflict beside `conflict_field`)."""
    if errors:
        return None
    try:
        return save(body)
    except Invalid as invalid:
        errors.update(refused(invalid, labels))
    except Conflict as conflict:
        errors[conflict_field] = conflict.message[:1].upper() + conflict.message[1:]
    return None
