"""Proposals kept current, notifications and councils' response times, as the API shows them."""

from marshmallow import Schema, fields, validate

from housing.reads import superseded
from housing.vocabulary import NotificationKind, ProposalStatus
from httpkit.schemas import PageQuery

STATUSES = [*(s.value for s in ProposalStatus), superseded.SUPERSEDED]


class ProposalHistoryQuery(PageQuery):
    status = fields.String(validate=validate.OneOf(STATUSES), metadata={"description": " | ".join(STATUSES)})


class ProposalHistorySchema(Schema):
    id = fields.String()
    run = fields.String(attribute="run_id")
    option = fields.String(attribute="option_id")
    route = fields.String()
    place = fields.String()
    status = fields.Function(superseded.shown_status, metadata={"type": "string", "enum": STATUSES})
    superseded_because = fields.String(attribute="overtaken", allow_none=True)
    created_at = fields.Function(lambda p: fields.DateTime().serialize("x", {"x": p.run.created_at}),
                                 metadata={"type": "string", "format": "date-time"})  # fmt: skip
    reason = fields.String(allow_none=True)
    shared_at = fields.Constant(
        None, metadata={"type": "string", "nullable": True, "description": "null until sharing (issue 32)"}
    )
    view = fields.Constant(
        None, metadata={"type": "string", "nullable": True, "description": "their own view (issue 32)"}
    )


class NotificationSchema(Schema):
    id = fields.String()
    kind = fields.Enum(NotificationKind, by_value=True)
    subject = fields.String()
    body = fields.String()
    link = fields.String(metadata={"description": "a path in the service's pages, never the record itself"})
    created_at = fields.DateTime()
    read_at = fields.DateTime(allow_none=True)


class ReadSchema(Schema):
    """Nothing is needed to mark a notification read; an empty body (or none) will do."""


class CouncilSettingsSchema(Schema):
    slug = fields.String(dump_only=True)
    name = fields.String(dump_only=True)
    nomination_response_days = fields.Integer(
        required=True, allow_none=True, validate=validate.Range(min=1, max=365),
        metadata={"description": "days the council has to answer a nomination before it lapses; "
                  "null: no time set (none is assumed)"},
    )  # fmt: skip
