"""The Setting Up Home Allowance on a young person's record, as sent and as returned (whole pounds)."""

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from housing import money
from housing.clock import today
from httpkit.schemas import Day

ALLOWANCE = money.SETTING_UP_HOME_ALLOWANCE
POUNDS = validate.Range(min=0, max=money.MOST_POUNDS)


class SettingUpHomeSchema(Schema):
    young_person = fields.String(dump_only=True, required=True)
    granted = fields.Integer(
        strict=True, required=True, validate=POUNDS,
        metadata={"description": f"whole pounds granted (the county's: {money.pounds(ALLOWANCE)})"},
    )  # fmt: skip
    spent = fields.Integer(
        strict=True, required=True, validate=POUNDS,
        metadata={"description": "whole pounds spent so far; not more than granted"},
    )  # fmt: skip
    granted_on = Day(required=True, metadata={"description": "the day it was granted; not in the future"})
    remaining = fields.Integer(dump_only=True, metadata={"description": "granted less spent"})

    @validates_schema(skip_on_field_errors=False)
    def within(self, data: dict[str, Any], **_: object) -> None:
        """Spent beyond granted, or a grant dated in the future, named beside the fields' own problems."""
        problems = dict(
            money.allowance_problems(data.get("granted"), data.get("spent"), data.get("granted_on"), today())
        )
        if problems:
            raise ValidationError({field: [reason] for field, reason in problems.items()})


class SettingUpHomeAnswerSchema(SettingUpHomeSchema):
    """As returned: every amount is null until one is recorded."""

    granted = fields.Integer(dump_only=True, allow_none=True, required=True)
    spent = fields.Integer(dump_only=True, allow_none=True, required=True)
    granted_on = Day(dump_only=True, allow_none=True, required=True)
    remaining = fields.Integer(dump_only=True, allow_none=True, required=True)
