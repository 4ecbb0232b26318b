"""Audit entries and their filter."""

from datetime import UTC

from marshmallow import Schema, fields

from housing.models import AuditEntry


def _at_in_utc(entry: AuditEntry) -> str:
    # SQLite hands timestamps back without their zone; they were written in UTC.
    return (entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC)).isoformat()


class AuditEntrySchema(Schema):
    at = fields.Function(_at_in_utc, metadata={"type": "string", "format": "date-time"})
    user = fields.String(attribute="user_email")
    role = fields.String()
    action = fields.String()
    young_person = fields.String(attribute="young_person_id", allow_none=True)
    detail = fields.String()


class AuditQuery(Schema):
    young_person = fields.String()
