"""Nominations as the county follows them, and the steps of a move after agreement (issue 29)."""

from marshmallow import Schema, fields, validate

from housing.vocabulary import Answer, MoveStepKind
from httpkit.schemas import Day, PageQuery

REASON = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class NominationSchema(Schema):
    id = fields.String()
    young_person = fields.String(attribute="young_person_id")
    reference = fields.Function(lambda n: n.young_person.reference)
    option = fields.String(attribute="option_id")
    status = fields.String(
        metadata={"description": "pending | accepted | declined | withdrawn (by the county)"}
    )
    reason = fields.String(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    district = fields.String()
    created_at = fields.DateTime(metadata={"description": "when the county nominated"})
    seen_at = fields.DateTime(
        allow_none=True,
        metadata={
            "description": "when an officer of the council first saw it: from then it cannot be undone"
        },
    )


class WithdrawalSchema(Schema):
    reason = REASON


class AwaitingQuery(PageQuery):
    district = fields.String(
        validate=validate.Length(min=1, max=32), metadata={"description": "one council's slug"}
    )


class MoveStepSchema(Schema):
    id = fields.String(dump_only=True)
    kind = fields.Enum(
        MoveStepKind,
        by_value=True,
        required=True,
        metadata={
            "description": "offer_made, viewing, answer (the young person's, with their words), signed "
            "(tenancy or licence), moved_in (the placement starts that day), fell_through (with a reason: "
            "the place is freed and the pathway reopened)"
        },
    )
    on = Day(
        required=True,
        metadata={"description": "the day it happened: not in the future, except a viewing, which may be "
                  "set up to 56 days ahead (the young person is told)"},
    )  # fmt: skip
    answer = fields.Enum(Answer, by_value=True, allow_none=True, load_default=None)
    words = fields.String(
        allow_none=True, load_default=None, validate=validate.Length(max=2000),
        metadata={"description": "the young person's own words"},
    )  # fmt: skip
    reason = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=2000))
    placement = fields.String(attribute="placement_id", dump_only=True)
    recorded_by = fields.String(dump_only=True)
    recorded_at = fields.DateTime(dump_only=True)
