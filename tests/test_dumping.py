"""The compiled dump (httpkit/dumping.py) answers what marshmallow's own dump answers, to the byte.

Every response of the suite is held to marshmallow's too (`dumps_held_to_marshmallow` in
tests/conftest.py); these are the corners a response may not reach: missing values, defaults,
None inside lists, keys named like a dict's methods, hooks, fields that read their own way.
"""

import enum
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from marshmallow import Schema, fields, post_dump

from httpkit.dumping import compile_dump
from httpkit.schemas import Day


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Size(enum.StrEnum):
    SMALL = "small"


class Leaf(Schema):
    name = fields.String()
    size = fields.Integer()


class Shouting(Schema):
    name = fields.String()

    @post_dump
    def loud(self, data: dict, **_: Any) -> dict:
        return {key: value.upper() if isinstance(value, str) else value for key, value in data.items()}


class Every(Schema):
    text = fields.String()
    text_enum = fields.String()
    number = fields.Integer()
    ratio = fields.Float()
    flag = fields.Boolean()
    day = Day()
    plain_date = fields.Date()
    stamp = fields.DateTime()
    colour = fields.Enum(Colour, by_value=True)
    colour_name = fields.Enum(Colour)
    bag = fields.Dict()
    leaf = fields.Nested(Leaf)
    leaves = fields.Nested(Leaf, many=True)
    listed = fields.List(fields.Nested(Leaf))
    words = fields.List(fields.String())
    days = fields.List(Day())
    shouting = fields.Nested(Shouting)
    renamed = fields.String(data_key="shown_as")
    read_from = fields.String(attribute="elsewhere")
    dotted = fields.String(attribute="leaf.name")
    defaulted = fields.Integer(dump_default=7)
    made_default = fields.List(fields.String(), dump_default=list)
    secret = fields.String(load_only=True)
    worked_out = fields.Function(lambda obj: "worked out")
    items = fields.String()


FULL = {
    "text": "a", "text_enum": Size.SMALL, "number": True, "ratio": 1, "flag": 1, "day": date(2026, 12, 8),
    "plain_date": date(2000, 1, 31), "stamp": datetime(2026, 12, 8, 1, 2, 3, tzinfo=UTC),
    "colour": Colour.RED, "colour_name": Colour.BLUE, "bag": {"b": [1, 2], "a": None},
    "leaf": {"name": "n", "size": 2.0}, "leaves": [{"name": "x"}, SimpleNamespace(size=3)],
    "listed": [None, {"name": "y", "size": 1}], "words": ["p", None, b"bytes"], "days": [None, date(2026, 1, 1)],
    "shouting": {"name": "quiet"}, "renamed": "r", "elsewhere": "e", "secret": "never shown", "items": "kept",
}  # fmt: skip


@dataclass
class Record:
    text: str | None = None
    number: int | None = None
    leaf: Any = None
    leaves: Any = None
    words: Any = None
    colour: Colour | None = None


@pytest.mark.parametrize(
    "obj",
    [
        FULL,
        {},  # every value missing: defaults, or the key left out
        dict.fromkeys(FULL),  # every value null
        SimpleNamespace(**FULL),
        Record(text="t", number=3, leaf=SimpleNamespace(name="n"), leaves=[], words=[], colour=Colour.BLUE),
        Record(),
    ],
    ids=["dict", "empty dict", "nulls", "object", "dataclass", "dataclass of nulls"],
)
def test_the_compiled_dump_is_marshmallows(obj: object) -> None:
    schema = Every()
    theirs = schema.dump(obj)
    ours = compile_dump(schema)(obj)
    assert ours == theirs
    assert json.dumps(ours, sort_keys=True) == json.dumps(theirs, sort_keys=True)


def test_a_dict_without_a_key_named_like_its_method_reads_as_marshmallow_does() -> None:
    """marshmallow reads `obj["items"]`, then `obj.items`: a dict's method, which a String shows as text."""
    schema, empty = Every(only=("items",)), {}
    assert compile_dump(schema)(empty) == schema.dump(empty) == {"items": str(empty.items)}


def test_many_dumps_a_list_and_keeps_none() -> None:
    schema = Leaf(many=True)
    rows = [{"name": "a", "size": 1}, SimpleNamespace(name="b")]
    assert compile_dump(schema)(rows) == schema.dump(rows) == [{"name": "a", "size": 1}, {"name": "b"}]
    assert compile_dump(schema)(None) is None


def test_only_and_exclude_are_kept() -> None:
    schema = Every(only=("text", "leaf"), exclude=("leaf",))
    assert compile_dump(schema)(FULL) == schema.dump(FULL) == {"text": "a"}


def test_a_schema_with_hooks_keeps_marshmallows_dump() -> None:
    schema = Shouting()
    assert compile_dump(schema)({"name": "quiet"}) == {"name": "QUIET"}
