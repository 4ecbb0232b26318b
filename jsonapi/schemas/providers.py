"""A provider of supported accommodation or supported lodgings, as sent and as returned."""

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from housing.clock import today
from housing.services.providers import problems
from housing.vocabulary import OfstedRating
from httpkit.schemas import Changes, Day, visible


class ProviderSchema(Schema):
    id = fields.String(dump_only=True)
    name = fields.String(required=True, validate=validate.And(validate.Length(min=1, max=200), visible))
    ofsted_number = fields.String(
        required=True,
        validate=validate.Length(min=1, max=16),
        metadata={"description": "Ofsted's unique reference number: 6 or 7 digits, or SC and 6 digits"},
    )
    rating = fields.Enum(
        OfstedRating, by_value=True, required=True,
        metadata={"description": "the last inspection's overall judgement, or not_yet_inspected"},
    )  # fmt: skip
    inspected_on = Day(
        allow_none=True, load_default=None,
        metadata={"description": "the inspection that gave the rating; empty when not yet inspected"},
    )  # fmt: skip
    options = fields.Integer(dump_only=True, metadata={"description": "options naming this provider"})
    places = fields.Integer(dump_only=True, metadata={"description": "places in those options"})

    @validates_schema(skip_on_field_errors=False)
    def registered(self, data: dict[str, Any], **_: object) -> None:
        """The PROVIDER_REGISTRATION rule on the fields sent, beside the fields' own problems."""
        said = dict(problems(data, today(), together=not self.partial))
        if said:
            raise ValidationError({field: [reason] for field, reason in said.items()})


class ProviderPatchSchema(Changes, ProviderSchema):
    """Any field alone; a rating and its date are judged together against the record (the use case)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(partial=True, **kwargs)


class ProvidersQuery(Schema):
    q = fields.String(
        validate=validate.Length(min=1, max=200), metadata={"description": "words in the name or number"}
    )
