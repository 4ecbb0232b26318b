"""Pagination in and out, shared by every list."""

from datetime import date
from functools import cache
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from housing import text_rules

MAX_PAGE_SIZE = 500
# Dates a care leaver's record can hold; outside them date arithmetic (17½, +3 months) would overflow.
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)


# OpenAPI 3.0 has no bounds for a date, so the range is documented as the pattern it amounts to (every
# date whose year is 19xx, 20xx or 21xx), so that generated clients and fuzzers know it too. The
# pattern spells out months 01-12 and days 01-31 as well: a generator that draws from it then draws
# real dates. With any two digits there, Hypothesis threw away nearly every date it drew, and
# `make fuzz` stopped on its "filtering out a lot of inputs" health check.
DAY_PATTERN = r"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
DAY_RANGE = f"a date from {EARLIEST} to {LATEST}"


class Day(fields.Date):
    """An ISO date within 1900-2199, the range stated in the OpenAPI document too."""

    def __init__(self, **kwargs: Any) -> None:
        checks = kwargs.pop("validate", None)
        checks = [checks] if callable(checks) else list(checks or [])
        metadata = kwargs.pop("metadata", {})
        described = f"{metadata['description']} ({DAY_RANGE})" if "description" in metadata else DAY_RANGE
        metadata = metadata | {"pattern": DAY_PATTERN, "description": described}
        super().__init__(
            validate=[validate.Range(min=EARLIEST, max=LATEST), *checks], metadata=metadata, **kwargs
        )


class Changes(Schema):
    """A PATCH body: at least one field, or there is nothing to change (and nothing to audit)."""

    @validates_schema
    def something_to_change(self, data: dict, **_: object) -> None:
        if not data:
            raise ValidationError("send at least one field to change", "_schema")


class PageQuery(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    page_size = fields.Integer(load_default=50, validate=validate.Range(min=1, max=MAX_PAGE_SIZE))


@cache
def page_of(item: type[Schema]) -> type[Schema]:
    """The list envelope `{items, total, page, page_size}` around one kind of record."""
    name = item.__name__.removesuffix("Schema") + "Page"
    return type(
        name,
        (Schema,),
        {
            "items": fields.List(fields.Nested(item), required=True),
            "total": fields.Integer(required=True),
            "page": fields.Integer(required=True),
            "page_size": fields.Integer(required=True),
        },
    )


def page_body(items: list, total: int, query: dict) -> dict:
    return {"items": items, "total": total, "page": query["page"], "page_size": query["page_size"]}


def window(items: list, query: dict) -> list:
    """The requested page of a list already in memory (short lists: districts, places, cohorts)."""
    start = (query["page"] - 1) * query["page_size"]
    return items[start : start + query["page_size"]]


def visible(text: str) -> None:
    """A name or reference holds nothing invisible: no right-to-left override, zero-width character
    or other control (housing/text_rules.py)."""
    problem = text_rules.invisible_problem(text)
    if problem:
        raise ValidationError(problem)
