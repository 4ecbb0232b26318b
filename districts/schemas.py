"""The district's view of a care leaver: these fields and no others."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from housing.vocabulary import NominationStatus
from httpkit.schemas import Day, PageQuery


class LinkInDistrictSchema(Schema):
    kind = fields.String()
    place = fields.String()


class ApplicationSummarySchema(Schema):
    band = fields.String()
    applied_on = Day()
    status = fields.String()


class DistrictApplicantSchema(Schema):
    id = fields.String()
    reference = fields.String()
    given_name = fields.String()
    family_name = fields.String()
    age = fields.Integer()
    support_level = fields.String()
    step_free = fields.Boolean()
    wheelchair = fields.Boolean()
    children = fields.Integer()
    bedrooms_needed = fields.Integer()
    need_date = Day(metadata={"description": "as of today"})
    links_in_district = fields.List(fields.Nested(LinkInDistrictSchema))
    application = fields.Nested(ApplicationSummarySchema, allow_none=True)
    nomination = fields.String(allow_none=True, metadata={"description": "the nomination's status, or null"})


class ApplicantsQuery(Schema):
    band = fields.String(validate=validate.Length(min=1, max=8))
    need_date_before = Day()
    status = fields.String(
        validate=validate.OneOf([*(s.value for s in NominationStatus), "none"]),
        metadata={"description": "the nomination's status (pending, accepted, declined) or none"},
    )


class ApplicantsPageQuery(PageQuery, ApplicantsQuery):
    pass


class NominationSchema(Schema):
    id = fields.String()
    young_person = fields.String(attribute="young_person_id")
    reference = fields.Function(lambda n: n.young_person.reference)
    option = fields.String(attribute="option_id")
    status = fields.String()
    reason = fields.String(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)


class NominationsQuery(PageQuery):
    status = fields.String(validate=validate.OneOf([s.value for s in NominationStatus]))


class DecisionSchema(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(["accepted", "declined"]))
    reason = fields.String(validate=validate.Length(min=1, max=2000))

    @validates_schema
    def declining_says_why(self, data: dict, **_: object) -> None:
        if data.get("decision") == "declined" and not data.get("reason"):
            raise ValidationError("a declined nomination needs a reason", "reason")
