"""Pathway reviews: one held, a young person's next review, and those due or overdue."""

from marshmallow import Schema, fields, validate

from housing.reviews import ReviewStatus
from httpkit.schemas import Day, PageQuery


def status_field(attribute: str) -> fields.Enum:
    """One field per schema (a marshmallow field belongs to one schema)."""
    return fields.Enum(
        ReviewStatus,
        by_value=True,
        allow_none=True,
        attribute=attribute,
        metadata={"description": "overdue; due (within 28 days); later"},
    )


class ReviewSchema(Schema):
    id = fields.String(dump_only=True)
    young_person = fields.String(attribute="young_person_id", dump_only=True)
    reviewed_on = Day(required=True, metadata={"description": "the day it was held: today or before"})
    recorded_by = fields.String(dump_only=True)
    recorded_at = fields.DateTime(dump_only=True)


class ReviewsSchema(Schema):
    next_review_due = Day(
        attribute="next_due",
        allow_none=True,
        metadata={
            "description": "six months after the last (or after 16), sooner on a new placement; "
            "null under 16 or over 25"
        },
    )
    review_status = status_field("status")
    history = fields.List(fields.Nested(ReviewSchema), metadata={"description": "newest first"})


class DueReviewSchema(Schema):
    young_person = fields.String(attribute="young_person.id")
    reference = fields.String(attribute="young_person.reference")
    given_name = fields.String(attribute="young_person.given_name")
    family_name = fields.String(attribute="young_person.family_name")
    next_review_due = Day(attribute="next_due")
    review_status = status_field("status")


class DueReviewsQuery(PageQuery):
    status = fields.List(
        fields.Enum(ReviewStatus, by_value=True),
        load_default=lambda: [ReviewStatus.OVERDUE, ReviewStatus.DUE],
        validate=validate.Length(min=1),
        metadata={"description": "repeatable; default overdue and due"},
    )
