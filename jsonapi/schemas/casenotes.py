"""Housing notes, the chronology and tasks (issue 31): for those who work the case only."""

from marshmallow import Schema, fields, validate

from housing.vocabulary import NoteKind
from httpkit.schemas import Day, visible


class NoteSchema(Schema):
    id = fields.String(dump_only=True)
    young_person = fields.String(dump_only=True)
    kind = fields.Enum(
        NoteKind, by_value=True, required=True, metadata={"description": "visit | call | meeting | decision"}
    )
    happened_on = Day(required=True, metadata={"description": "the day it happened: today or before"})
    text = fields.String(required=True, validate=[validate.Length(min=1, max=5000), visible])
    author = fields.String(dump_only=True)
    written_at = fields.DateTime(dump_only=True)


class EntrySchema(Schema):
    on = Day()
    kind = fields.String(
        metadata={"description": "note | proposal | decision | sign_off | nomination | move | review"}
    )
    what = fields.String()
    by = fields.String(allow_none=True)
    text = fields.String(allow_none=True, metadata={"description": "a note's words"})


class ChronologySchema(Schema):
    items = fields.List(fields.Nested(EntrySchema), metadata={"description": "newest first"})


class TaskSchema(Schema):
    id = fields.String(dump_only=True)
    young_person = fields.String(dump_only=True)
    title = fields.String(required=True, validate=[validate.Length(min=1, max=200), visible])
    due_on = Day(required=True, metadata={"description": "today or later"})
    owner = fields.String(
        validate=validate.Length(min=1, max=32),
        metadata={"description": "a user id (an officer, team manager or admin); default: whoever sets it"},
    )
    owner_email = fields.String(dump_only=True)
    created_by = fields.String(dump_only=True)
    created_at = fields.DateTime(dump_only=True)
    done_by = fields.String(dump_only=True, allow_none=True)
    done_at = fields.DateTime(dump_only=True, allow_none=True)


class TasksSchema(Schema):
    items = fields.List(fields.Nested(TaskSchema))
