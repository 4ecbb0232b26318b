"""A young person's record: what an officer sends, and what the service returns."""

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from housing.due import DueKind
from housing.ssda903 import ACCOMMODATION, ACTIVITY, IN_TOUCH
from housing.vocabulary import (
    ApplicationStatus,
    DueTier,
    Immigration,
    LeaveType,
    LinkKind,
    PathwayStatus,
    Route,
    SupportLevel,
)
from httpkit.schemas import Changes, Day, visible
from jsonapi.schemas.placements import PlacementSchema

NAME = validate.And(validate.Length(min=1, max=100), visible)
PLACE = fields.String(validate=validate.Length(min=1, max=64))


class NeedsSchema(Schema):
    step_free = fields.Boolean(load_default=False)
    wheelchair = fields.Boolean(load_default=False)
    children = fields.Integer(strict=True, load_default=0, validate=validate.Range(min=0, max=20))
    uasc = fields.Boolean(
        load_default=False,
        metadata={"description": "an unaccompanied asylum-seeking child, or former one"},
    )
    immigration = fields.Enum(Immigration, by_value=True, load_default=Immigration.NOT_APPLICABLE)
    leave_granted_on = Day(
        allow_none=True,
        load_default=None,
        metadata={"description": "the day leave to remain was granted (with immigration leave_granted)"},
    )
    leave_type = fields.Enum(
        LeaveType,
        by_value=True,
        allow_none=True,
        load_default=None,
        metadata={"description": "the kind of leave to remain granted (issue 30), with leave_granted_on"},
    )
    leave_expires_on = Day(
        allow_none=True,
        load_default=None,
        metadata={"description": "when limited leave runs out (after leave_granted_on; none if indefinite)"},
    )
    custody_release_date = Day(allow_none=True, load_default=None)
    avoid_places = fields.List(PLACE, load_default=list, validate=validate.Length(max=50))
    avoid_districts = fields.List(
        fields.String(validate=validate.Length(min=1, max=32)),
        load_default=list,
        validate=validate.Length(max=7),
    )


class LocalLinkSchema(Schema):
    kind = fields.Enum(LinkKind, by_value=True, required=True)
    place = fields.String(required=True, validate=validate.Length(min=1, max=64))
    importance = fields.Integer(strict=True, required=True, validate=validate.Range(min=1, max=3))
    note = fields.String(allow_none=True, validate=validate.Length(max=1000))


class PreferenceSchema(Schema):
    rank = fields.Integer(strict=True, required=True, validate=validate.Range(min=1, max=100))
    route = fields.Enum(Route, by_value=True, allow_none=True)
    place = fields.String(allow_none=True, validate=validate.Length(min=1, max=64))
    district = fields.String(allow_none=True, validate=validate.Length(min=1, max=32))

    @validates_schema
    def names_something(self, data: dict[str, Any], **_: Any) -> None:
        if not any(data.get(key) for key in ("route", "place", "district")):
            raise ValidationError("name at least one of route, place, district", "_schema")


class CurrentAccommodationSchema(Schema):
    code = fields.String(
        required=True,
        validate=validate.OneOf(list(ACCOMMODATION)),
        metadata={"description": "the SSDA903 accommodation letter (R: Staying Put)"},
    )
    suitable = fields.Boolean(required=True, metadata={"description": "the officer's judgement"})
    judged_on = Day(required=True, metadata={"description": "the day of the judgement"})


class NominationStateSchema(Schema):
    id = fields.String()
    status = fields.String(metadata={"description": "pending | accepted | declined | withdrawn"})
    district = fields.String()


class PathwaySchema(Schema):
    status = fields.Enum(PathwayStatus, by_value=True)
    agreed_on = Day(allow_none=True)
    route = fields.Enum(Route, by_value=True, allow_none=True)
    option = fields.String(allow_none=True)
    nomination = fields.Nested(
        NominationStateSchema,
        allow_none=True,
        metadata={
            "description": "the nomination behind the current placement (a register vacancy), or null: "
            "while it is pending the pathway reads agreed with the nomination pending beside it (v1.2)"
        },
    )


class ApplicationSchema(Schema):
    id = fields.String(dump_only=True)
    district = fields.String(required=True, validate=validate.Length(min=1, max=32))
    band = fields.String(required=True, validate=validate.Length(min=1, max=8))
    applied_on = Day(required=True)
    status = fields.Enum(ApplicationStatus, by_value=True, dump_only=True)


class ApplicationChangeSchema(Changes):
    band = fields.String(validate=validate.Length(min=1, max=8))
    status = fields.Enum(ApplicationStatus, by_value=True)


class RecordFields(Schema):
    """What every young person's record holds, checked alike whether it is sent, typed or imported."""

    reference = fields.String(required=True, validate=validate.And(validate.Length(min=1, max=64), visible))
    given_name = fields.String(required=True, validate=NAME)
    family_name = fields.String(required=True, validate=NAME)
    date_of_birth = Day(required=True)
    home_district = fields.String(required=True, validate=validate.Length(min=1, max=32))
    current_place = fields.String(required=True, validate=validate.Length(min=1, max=64))
    support_level = fields.Enum(SupportLevel, by_value=True, required=True)


class YoungPersonSchema(RecordFields):
    id = fields.String(dump_only=True)
    needs = fields.Nested(NeedsSchema, load_default=lambda: NeedsSchema().load({}))
    local_links = fields.List(
        fields.Nested(LocalLinkSchema), load_default=list, validate=validate.Length(max=30)
    )
    preferences = fields.List(
        fields.Nested(PreferenceSchema), load_default=list, validate=validate.Length(max=20)
    )
    wishes = fields.String(
        allow_none=True,
        load_default=None,
        validate=validate.Length(max=5000),
        metadata={"description": "the young person's own words"},
    )
    move_date = Day(allow_none=True, load_default=None)
    current_accommodation = fields.Nested(CurrentAccommodationSchema, allow_none=True, load_default=None)
    in_touch = fields.String(
        allow_none=True,
        validate=validate.OneOf(list(IN_TOUCH)),
        metadata={"description": "the SSDA903 IN_TOUCH code: YES, NO, REFU, NREQ, RHOM or DIED"},
    )
    activity = fields.String(
        allow_none=True,
        validate=validate.OneOf(list(ACTIVITY)),
        metadata={"description": "the SSDA903 ACTIV code (F1 … G6)"},
    )

    pathway_deadline = Day(dump_only=True, metadata={"description": "the day they turn 17½"})
    due_date = Day(
        dump_only=True,
        allow_none=True,
        metadata={"description": "when the pathway or a move falls due, as of today; null if nothing is due"},
    )
    due = fields.Enum(
        DueKind,
        by_value=True,
        dump_only=True,
        allow_none=True,
        metadata={"description": "pathway (by 17½) or move (move, release or 18th-birthday date)"},
    )
    due_tier = fields.Enum(
        DueTier,
        by_value=True,
        dump_only=True,
        metadata={
            "description": "how pressing what is due is, as of today (v1.2), first match wins: move_now "
            "(a move or release date on or before today + 28 days), overdue (due date before today, an "
            "18-year-old with no move date included), soon (due within 90 days), later, none"
        },
    )
    bedrooms_needed = fields.Integer(dump_only=True)
    pathway = fields.Nested(PathwaySchema, dump_only=True)
    applications = fields.List(fields.Nested(ApplicationSchema), dump_only=True)
    placements = fields.List(
        fields.Nested(PlacementSchema), dump_only=True, metadata={"description": "current first"}
    )

    @validates_schema
    def ranks_are_distinct(self, data: dict[str, Any], **_: Any) -> None:
        ranks = [p["rank"] for p in data.get("preferences", [])]
        if len(ranks) != len(set(ranks)):
            raise ValidationError("each preference needs its own rank", "preferences")


class PossibleDuplicateSchema(Schema):
    id = fields.String()
    reference = fields.String()


class NewYoungPersonSchema(YoungPersonSchema):
    """A create: the record, and what POSSIBLE DUPLICATE found (issue 30; the contract is silent, so
    a client written to it is never refused: it is told, and may ask to be refused instead). The two
    answer fields appear only when there is a possible duplicate, so that otherwise the 201 is the
    record exactly as `GET /{id}` returns it."""

    if_possible_duplicate = fields.String(
        load_only=True,
        load_default="record",
        validate=validate.OneOf(["record", "refuse"]),
        metadata={
            "description": "a young person with the same given name, family name (case and outer spaces "
            "aside) and date of birth is already recorded: `record` (default) records this one and names "
            "them in `possible_duplicates` and `duplicate_warning`; `refuse` answers 409 naming them by "
            "reference and writes nothing, so an officer can check first and send again with `record`"
        },
    )
    possible_duplicates = fields.List(
        fields.Nested(PossibleDuplicateSchema),
        dump_only=True,
        metadata={"description": "records with the same name and date of birth; only when there are any"},
    )
    duplicate_warning = fields.String(
        dump_only=True,
        metadata={"description": "the possible duplicates in plain words; only when there are any"},
    )


class YoungPersonPatchSchema(Changes, YoungPersonSchema):
    """Any field may be sent alone; `needs` merges field by field, lists replace the whole list."""

    def __init__(self, **kwargs: Any) -> None:
        top = tuple(name for name, field in YoungPersonSchema._declared_fields.items() if not field.dump_only)
        needs = tuple(f"needs.{name}" for name in NeedsSchema._declared_fields)
        super().__init__(partial=top + needs, **kwargs)


class YoungPeopleQuery(Schema):
    deadline_before = Day(metadata={"description": "pathway deadline (17½) before this day"})
    status = fields.Enum(PathwayStatus, by_value=True)
    home_district = fields.String(validate=validate.Length(min=1, max=32))
    due_before = Day(metadata={"description": "due (as of today) strictly before this day"})
    age_min = fields.Integer(
        validate=validate.Range(min=0, max=120), metadata={"description": "whole years today"}
    )
    age_max = fields.Integer(
        validate=validate.Range(min=0, max=120), metadata={"description": "whole years today"}
    )
    q = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={
            "description": 'part of the reference, given name, family name or "given family", any case'
        },
    )
    due_tier = fields.List(
        fields.Enum(DueTier, by_value=True),
        validate=validate.Length(max=len(DueTier)),
        metadata={"description": "in any of these tiers of what is due today (repeat the parameter)"},
    )
    order = fields.String(
        load_default="deadline",
        validate=validate.OneOf(["deadline", "due"]),
        metadata={
            "description": "deadline: soonest 17½ first (the default); due: by tier (move_now, overdue, "
            "soon, later, none), then due date, then reference"
        },
    )
