"""A response schema's dump, worked out once per schema instead of once per value (issue 34, part 4).

marshmallow's `Schema.dump` decides, for every field of every item, how to read the value (an
accessor looked up through three calls), whether it is missing, and which nested schema to dump it
with, each time. A page of 50 records is about 3,300 field values, and that walk was half of a list
request's CPU (README, *Throughput*). Here each schema's fields are turned once into plain
functions, one a field, that read the value and convert it as the field's own `_serialize` would;
the schema stays the single statement of what a response holds, in the OpenAPI document too.

Only what behaves exactly as marshmallow does is compiled: a schema with dump hooks or its own
accessor, or a field that reads its value its own way (`Method`, `Function`, a custom `get_value`),
keeps marshmallow's own path for that schema or field. Leaf fields call their own `_serialize`,
except the kinds whose conversion is one step (text, whole numbers, ISO dates, enumerations by
value). `tests/api/test_dumping.py` holds the two to the same bytes on every response of the load's
mix and on drawn values of every response schema.
"""

from collections.abc import Callable
from typing import Any

from marshmallow import Schema, fields, missing
from marshmallow.decorators import POST_DUMP, PRE_DUMP
from marshmallow.utils import get_value

Dump = Callable[[Any], Any]

# Leaf fields whose conversion is one step: a field of one of these kinds (or a subclass that keeps
# its `_serialize`, as `Day` does) converts here, in that step; any other calls its own `_serialize`.
_ONE_STEP: tuple[tuple[type, Callable[[Any], Callable[[Any], Any] | None]], ...] = (
    (fields.String, lambda _field: lambda value: value if type(value) is str else _as_text(value)),
    (fields.Integer, lambda field: int if _plain_integer(field) else None),
    (fields.Date, lambda field: (lambda value: value.isoformat()) if field.format in (None, "iso") else None),
    (fields.Enum, lambda field: (lambda value: value.value) if field.by_value is True else None),
)


def _plain_integer(field: fields.Integer) -> bool:
    return not field.as_string and type(field)._format_num is fields.Integer._format_num


def _as_text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


# Every response schema given its compiled dump, so that the suite can hold each to marshmallow's.
COMPILED: list[Schema] = []


def compile_into(schema: Schema) -> None:
    """`schema.dump` becomes the compiled dump, for this instance alone (flask-smorest calls it)."""
    schema.dump = compile_dump(schema)  # type: ignore[method-assign]
    COMPILED.append(schema)


def compile_dump(schema: Schema) -> Dump:
    """A function that returns what `schema.dump(obj)` returns, for the schema as it is configured."""
    hooked = schema._hooks[PRE_DUMP] or schema._hooks[POST_DUMP]
    if hooked or type(schema).get_attribute is not Schema.get_attribute:
        return schema.dump
    parts = [_field_part(name, field) for name, field in schema.dump_fields.items()]

    def one(obj: Any) -> dict:
        result: dict = {}
        for part in parts:
            part(obj, result)
        return result

    if schema.many:
        return lambda items: None if items is None else [one(item) for item in items]
    return one


def _field_part(name: str, field: fields.Field) -> Callable[[Any, dict], None]:
    """Writes the field's value of `obj` into the result, or nothing when it is missing (as marshmallow)."""
    key = field.data_key if field.data_key is not None else name
    attribute = field.attribute if field.attribute is not None else name
    if not field._CHECK_ATTRIBUTE or type(field).get_value is not fields.Field.get_value:

        def by_marshmallow(obj: Any, result: dict) -> None:
            value = field.serialize(name, obj, accessor=get_value)
            if value is not missing:
                result[key] = value

        return by_marshmallow
    convert = _converter(field, name)
    default = field.dump_default
    dotted = "." in attribute

    def part(obj: Any, result: dict) -> None:
        if type(obj) is dict and not dotted:  # marshmallow's accessor: the key, else an attribute
            value = obj.get(attribute, missing)
            if value is missing:
                value = getattr(obj, attribute, missing)
        elif dotted or hasattr(type(obj), "__getitem__"):
            value = get_value(obj, attribute, missing)
        else:  # an object read by attribute: what marshmallow's accessor does for it, in one call
            value = getattr(obj, attribute, missing)
        if value is missing:
            value = default() if callable(default) else default
            if value is missing:
                return
        result[key] = None if value is None else convert(value, obj)

    return part


def _converter(field: fields.Field, name: str) -> Callable[[Any, Any], Any]:
    """The field's `_serialize` for a value that is not None, of `obj` (every field compiled here
    maps None to None, as marshmallow's do)."""
    if type(field) is fields.Nested:
        nested = compile_dump(field.schema)  # made with the field's many, only and exclude
        return lambda value, _obj: nested(value)
    if type(field) is fields.List:
        inner = field.inner
        if type(inner) is fields.Nested:
            each = compile_dump(inner.schema)
            return lambda items, _obj: [None if item is None else each(item) for item in items]
        leaf = _converter(inner, name)
        return lambda items, obj: [None if item is None else leaf(item, obj) for item in items]
    for kind, make in _ONE_STEP:
        if isinstance(field, kind) and type(field)._serialize is kind._serialize:
            step = make(field)
            if step is not None:
                return lambda value, _obj: step(value)
    serialize = field._serialize
    return lambda value, obj: serialize(value, name, obj)
