"""Pagination in and out, shared by every list."""

from datetime import date
from functools import cache
from typing import Any

from marshmallow import Schema, fields, validate

MAX_PAGE_SIZE = 500
# Dates a care leaver's record can hold; outside them date arithmetic (17½, +3 months) would overflow.
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)


class Day(fields.Date):
    """An ISO date within 1900-2199."""

    def __init__(self, **kwargs: Any) -> None:
        checks = kwargs.pop("validate", None)
        checks = [checks] if callable(checks) else list(checks or [])
        super().__init__(validate=[validate.Range(min=EARLIEST, max=LATEST), *checks], **kwargs)


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
