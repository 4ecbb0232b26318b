"""The district's view of a care leaver: these fields and no others."""

from typing import Any

from marshmallow import Schema, ValidationError, fields, pre_load, validate, validates_schema

from housing.vocabulary import NominationStatus
from httpkit.schemas import Day, PageQuery
from jsonapi.schemas.options import OptionSchema


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
    need_month = fields.String(
        metadata={"description": "YYYY-MM: the month a home is needed from, as of today (v1.1)"}
    )
    need_date = Day(
        metadata={"description": "as of today; housing officers and admins only (never a district officer)"}
    )
    links_in_district = fields.List(fields.Nested(LinkInDistrictSchema))
    application = fields.Nested(ApplicationSummarySchema, allow_none=True)
    nomination = fields.String(allow_none=True, metadata={"description": "the nomination's status, or null"})


class ApplicantsQuery(Schema):
    band = fields.String(validate=validate.Length(min=1, max=8))
    need_month_before = fields.String(
        validate=validate.Regexp(r"^\d{4}-(0[1-9]|1[0-2])$", error="must be a month, YYYY-MM"),
        metadata={"description": "YYYY-MM: need month strictly before this one"},
    )
    status = fields.String(
        validate=validate.OneOf([*(s.value for s in NominationStatus), "none"]),
        metadata={"description": "the nomination's status (pending, accepted, declined) or none"},
    )


class ApplicantsPageQuery(PageQuery, ApplicantsQuery):
    pass


class NominationsQuery(PageQuery):
    status = fields.String(validate=validate.OneOf([s.value for s in NominationStatus]))


class DecisionSchema(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(["accepted", "declined"]))
    reason = fields.String(validate=validate.Length(min=1, max=2000))

    @validates_schema
    def declining_says_why(self, data: dict, **_: object) -> None:
        if data.get("decision") == "declined" and not data.get("reason"):
            raise ValidationError("a declined nomination needs a reason", "reason")


class VacanciesAddedSchema(Schema):
    created = fields.Integer(required=True)
    options = fields.List(fields.String(), required=True, metadata={"description": "the new options' ids"})


class VacancyRowSchema(OptionSchema):
    """A row of a council's vacancy file: the API's own option fields, read from a spreadsheet's text.

    One schema for both faces, so a file and `POST /options` cannot disagree on a field.
    """

    WHOLE_NUMBERS = ("capacity", "min_age", "max_age", "bedrooms")

    class Meta:
        exclude = ("young_person_id", "carer_willing", "registered_16_17", "uasc_specialist")

    @pre_load
    def from_text(self, cells: dict[str, Any], **_: object) -> dict[str, Any]:
        cells = dict(cells, route="register_vacancy")
        for column in self.WHOLE_NUMBERS:  # a file holds text; the API takes JSON numbers only
            if column in cells and cells[column].lstrip("-").isdigit():
                cells[column] = int(cells[column])
        if "support_levels" in cells:
            cells["support_levels"] = [
                level.strip() for level in cells["support_levels"].replace(",", ";").split(";")
            ]
        return cells
