"""Audit entries and their filter."""

from marshmallow import Schema, fields


class AuditEntrySchema(Schema):
    at = fields.DateTime()
    user = fields.String(attribute="user_email")
    role = fields.String()
    action = fields.String()
    young_person = fields.String(attribute="young_person_id", allow_none=True)
    detail = fields.String()
    shown = fields.List(
        fields.String(),
        attribute="shown_ids",
        metadata={"description": "the young people one view of a list showed (issue 30); empty otherwise"},
    )


class AuditQuery(Schema):
    young_person = fields.String()
