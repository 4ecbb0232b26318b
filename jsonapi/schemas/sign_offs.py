"""A team manager's sign-off of housing decisions (issue 31): the setting, the decisions, the answer."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from housing.vocabulary import Route, SignOffStatus
from httpkit.schemas import PageQuery


class SignOffSchema(Schema):
    id = fields.String()
    young_person = fields.String()
    reference = fields.String()
    proposal = fields.String()
    route = fields.Enum(Route, by_value=True)
    option_name = fields.String()
    place = fields.String()
    status = fields.Enum(
        SignOffStatus, by_value=True, metadata={"description": "awaiting | signed_off | sent_back"}
    )
    agreed_by = fields.String(metadata={"description": "the officer who accepted the proposal"})
    agreed_at = fields.DateTime()
    signed_off_by = fields.String(
        attribute="decided_by",
        allow_none=True,
        metadata={"description": "the team manager who signed off or sent back"},
    )
    decided_at = fields.DateTime(allow_none=True)
    reason = fields.String(allow_none=True, metadata={"description": "why it was sent back"})
    nomination = fields.String(
        allow_none=True,
        metadata={"description": "a register vacancy's nomination: held (until sign-off), or its status"},
    )


class SignOffQuery(PageQuery):
    status = fields.Enum(SignOffStatus, by_value=True)
    young_person = fields.String(validate=validate.Length(min=1, max=32))


class SignOffDecisionSchema(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(["signed_off", "sent_back"]))
    reason = fields.String(
        validate=validate.Length(min=1, max=2000),
        metadata={"description": "required to send back: what the officer should look at"},
    )

    @validates_schema
    def reason_to_send_back(self, data: dict, **_: object) -> None:
        if data.get("decision") == "sent_back" and not (data.get("reason") or "").strip():
            raise ValidationError("Missing data for required field.", "reason")  # to send it back


class SignOffRoutesSchema(Schema):
    routes = fields.List(
        fields.Enum(Route, by_value=True),
        required=True,
        metadata={"description": "the routes whose decisions a team manager signs off (none: no sign-off)"},
    )
