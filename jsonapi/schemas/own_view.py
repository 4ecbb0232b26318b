"""The young person's own view as the API shows it: their record without notes or placements'
officer details, and the proposals shared with them without cost, score or run."""

from marshmallow import Schema, fields, validate

from housing.services.own_view import ABOUT, NOTE_MAX, WORDS_MAX
from housing.vocabulary import Answer, LinkKind
from httpkit.schemas import Day
from jsonapi.schemas.young_people import YoungPersonSchema

WORDS = validate.Length(min=1, max=WORDS_MAX)


class OwnLinkSchema(Schema):
    kind = fields.String(metadata={"enum": [kind.value for kind in LinkKind]})
    place = fields.String()
    importance = fields.Integer()
    distance_km = fields.Float(allow_none=True, metadata={"description": "from the proposed place"})


class SharedProposalSchema(Schema):
    id = fields.String()
    name = fields.String(metadata={"description": "the option's name"})
    route = fields.String()
    place = fields.String()
    available_from = Day()
    links = fields.List(fields.Nested(OwnLinkSchema), metadata={"description": "the explanation's links"})
    view = fields.String(allow_none=True, metadata={"description": "your answer: yes | no | not_sure"})
    view_words = fields.String(allow_none=True)


class OwnLocalLinkSchema(Schema):
    kind = fields.Enum(LinkKind, by_value=True)
    place = fields.String()
    importance = fields.Integer()


class OwnRecordSchema(YoungPersonSchema):
    """Their record as officers read it, less the officers' notes on links and the placements' notes
    and officers (the steps of their move are on their pages)."""

    local_links = fields.List(fields.Nested(OwnLocalLinkSchema))

    class Meta:
        exclude = ("placements",)


class MeSchema(Schema):
    young_person = fields.Nested(OwnRecordSchema)
    proposals = fields.List(fields.Nested(SharedProposalSchema))


class ViewSchema(Schema):
    view = fields.Enum(Answer, by_value=True, required=True, metadata={"description": "yes | no | not_sure"})
    words = fields.String(allow_none=True, validate=validate.Length(max=WORDS_MAX))


class ChangeAskedSchema(Schema):
    id = fields.String(dump_only=True)
    about = fields.String(required=True, validate=validate.OneOf(ABOUT))
    words = fields.String(required=True, validate=WORDS)
    asked_at = fields.DateTime(dump_only=True)


class OwnChangeSchema(Schema):
    """A "this is wrong" as the young person sees it: what they said, and what their worker did."""

    id = fields.String()
    about = fields.String(metadata={"enum": list(ABOUT)})
    words = fields.String()
    asked_at = fields.DateTime()
    done_at = fields.DateTime(allow_none=True, metadata={"description": "null until dealt with"})
    done_note = fields.String(allow_none=True, metadata={"description": "what their worker did"})


class ChangeRequestSchema(OwnChangeSchema):
    """A "this is wrong" as officers see it: also who marked it as dealt with."""

    young_person = fields.String(attribute="young_person_id")
    done_by = fields.String(allow_none=True, metadata={"description": "the officer's email"})


class DealtWithSchema(Schema):
    note = fields.String(
        required=True, validate=validate.Length(min=1, max=NOTE_MAX),
        metadata={"description": "what was done, in words the young person reads on their own pages"},
    )  # fmt: skip


class ShareBodySchema(Schema):
    """Nothing is needed to share; an empty body (or none) will do."""


class AnsweredSchema(Schema):
    id = fields.String()
    route = fields.String()
    place = fields.String()
    view = fields.String()
    view_words = fields.String(allow_none=True)


class InviteSchema(Schema):
    email = fields.String(required=True, validate=validate.Length(min=3, max=254))


class InvitedSchema(Schema):
    email = fields.String(metadata={"description": "where the one-time sign-in link was sent"})
