"""Two places where apispec's document says more than the server takes, corrected as fields are drawn.

- A nullable nested object came out as `anyOf: [the schema, {type: object, nullable}]`, which
  admits any object at all (`current_accommodation: {"colour": 1}` passed the document, and the
  server refused it). It is now the schema itself, or null: `allOf: [the schema], nullable: true`.
- An enum field narrowed by `OneOf` listed every member of the enum (a placement's end `reason`
  listed two the service records itself and refuses from a client). It now lists the `OneOf`.
"""

from typing import Any

from marshmallow import fields, validate


def narrowed(self: Any, field: fields.Field, ret: dict, **_: Any) -> dict:
    if isinstance(field, fields.Nested) and field.allow_none and "anyOf" in ret:
        schema, _any_object = ret.pop("anyOf")
        return {"allOf": [schema], "nullable": True}
    if isinstance(field, fields.Enum) and "enum" in ret:
        for rule in field.validators:
            if isinstance(rule, validate.OneOf):
                allowed = [getattr(choice, "value", choice) for choice in rule.choices]
                return {"enum": [value for value in ret["enum"] if value in allowed]}
    return {}
