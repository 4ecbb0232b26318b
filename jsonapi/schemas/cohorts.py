"""Cohorts and their members as coordinators see them."""

from marshmallow import Schema, fields, validate

from housing.vocabulary import Stage
from httpkit.schemas import Changes, Day, visible

COHORT_CAPACITY = validate.Range(min=1, max=50)
COHORT_NAME = validate.And(validate.Length(min=1, max=100), visible)
COHORT_DISTRICTS = validate.Length(min=1, max=7, error="choose at least one district (at most all seven)")


class CohortRequestSchema(Schema):
    name = fields.String(required=True, validate=COHORT_NAME)
    starts_on = Day(required=True, metadata={"description": "a date in the past is allowed, and flagged"})
    capacity = fields.Integer(strict=True, load_default=15, validate=COHORT_CAPACITY)
    districts = fields.List(
        fields.String(validate=validate.Length(min=1, max=32)),
        load_default=None,
        validate=COHORT_DISTRICTS,
        metadata={"description": "where it draws homes from: at least one; left out, every district"},
    )


class CohortChangeSchema(Changes):
    """Its name, places or districts, each alone or together, with a create's limits (its start date
    is fixed: members were enrolled on it)."""

    name = fields.String(validate=COHORT_NAME)
    capacity = fields.Integer(
        strict=True,
        validate=COHORT_CAPACITY,
        metadata={"description": "not fewer than the young people in it"},
    )
    districts = fields.List(
        fields.String(validate=validate.Length(min=1, max=32)),
        validate=COHORT_DISTRICTS,
        metadata={"description": "where it draws homes from: slugs, at least one"},
    )


class LinkSchema(Schema):
    kind = fields.String()
    place = fields.String()
    district = fields.String(allow_none=True)


class PropertySchema(Schema):
    place = fields.String(required=True, validate=validate.Length(min=1, max=64))
    option = fields.String(allow_none=True, validate=validate.Length(min=1, max=64))
    description = fields.String(
        allow_none=True,
        validate=validate.And(validate.Length(min=1, max=200), visible),
        metadata={
            "description": "the home: address, landlord, size (a House Project home is in West Sussex)"
        },
    )


class EligibleSchema(Schema):
    """A young person as a coordinator sees them: no immigration detail, custody dates or wishes."""

    young_person = fields.String()
    given_name = fields.String()
    family_name = fields.String()
    age = fields.Integer()
    support_level = fields.String()
    links = fields.List(fields.Nested(LinkSchema))


class MemberSchema(EligibleSchema):
    stage = fields.String()
    stage_since = Day()
    days_in_stage = fields.Integer()
    enrolled_on = Day()
    moved_in_on = Day(allow_none=True)
    property = fields.Nested(PropertySchema, allow_none=True)
    stage_reason = fields.String(allow_none=True, metadata={"description": "why the last move was made"})
    undoable = fields.Boolean(metadata={"description": "the last move may be undone today (POST …/undo)"})


class CohortSchema(Schema):
    id = fields.String()
    name = fields.String()
    starts_on = Day()
    starts_in_the_past = fields.Boolean(
        metadata={"description": "a flag, not a refusal: recording an earlier cohort"}
    )
    capacity = fields.Integer()
    remaining = fields.Integer(metadata={"description": "capacity less members not withdrawn"})
    districts = fields.List(fields.String())
    closed_on = Day(allow_none=True, metadata={"description": "closed to new members from this day"})
    option = fields.String(
        metadata={"description": "the house_project option the service keeps for the cohort"}
    )
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())
    outcomes = fields.Dict(keys=fields.String(), values=fields.Integer())
    members = fields.List(fields.Nested(MemberSchema))


class EnrolSchema(Schema):
    young_person = fields.String(required=True, validate=validate.Length(min=1, max=64))


class MoveSchema(Changes):
    stage = fields.Enum(Stage, by_value=True)
    property = fields.Nested(PropertySchema)
    on = Day(
        metadata={
            "description": "the day the move happened (default today): not in the future, not before the "
            "stage left began; moving in not before the cohort starts"
        }
    )
    reason = fields.String(
        validate=validate.Length(min=1, max=2000),
        metadata={"description": "why the move was made (the pages ask it of a withdrawal)"},
    )


class NextCohortSchema(Schema):
    starts_on = Day()
    eligible = fields.List(
        fields.Nested(EligibleSchema), metadata={"description": "soonest 17½ deadline first"}
    )
