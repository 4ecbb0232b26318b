"""A placement as shown on a young person's record, and an end or a carer's withdrawal as sent."""

from marshmallow import Schema, fields, validate

from housing.vocabulary import OFFICER_END_REASONS, EndReason, Route
from httpkit.schemas import Day

NOTE = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=2000))


class PlacementSchema(Schema):
    id = fields.String(dump_only=True)
    option = fields.String(attribute="option_id", dump_only=True)
    route = fields.Enum(Route, by_value=True, attribute="option.route", dump_only=True)
    place = fields.String(attribute="option.place", dump_only=True)
    starts_on = Day(dump_only=True)
    ends_on = Day(dump_only=True, allow_none=True, metadata={"description": "null until an end is recorded"})
    end_reason = fields.Enum(EndReason, by_value=True, dump_only=True, allow_none=True)


class PlacementEndSchema(Schema):
    ends_on = Day(required=True, metadata={"description": "past or future, not before the start (issue 30)"})
    reason = fields.Enum(
        EndReason,
        by_value=True,
        required=True,
        validate=validate.OneOf(OFFICER_END_REASONS),
        # An unknown word lists only the reasons an officer may give, not those the service records itself.
        error_messages={"unknown": f"must be one of {', '.join(OFFICER_END_REASONS)}"},
        metadata={
            "description": "breakdown, carer_withdrew and notice_to_leave exclude the pair from later runs"
        },
    )
    note = NOTE


class CarerWithdrawalSchema(Schema):
    ends_on = Day(required=True, metadata={"description": "the last day of the placement, past or future"})
    note = NOTE
