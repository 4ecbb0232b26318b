"""Sufficiency and what-if as the API shows them (api-contract v1.1, *Sufficiency and what-if*).

Counts of young people are integers, or for a commissioner "<5" (1 to 4) or "*" (withheld so
that a hidden count cannot be worked out); see housing/disclosure.py.
"""

from marshmallow import Schema, fields, validate

from httpkit.schemas import Day
from jsonapi.schemas.options import OptionSchema

COUNT = {"description": 'a count of young people: an integer, or for a commissioner "<5" or "*"'}


class AsOfQuery(Schema):
    as_of = Day(metadata={"description": "the base problem as of this day (default today)"})


class GainSchema(Schema):
    houses = fields.Boolean(metadata={"description": "one more young person would be housed"})
    urgent = fields.Boolean(metadata={"description": "that young person is due within 90 days"})
    moves = fields.Raw(metadata={**COUNT, "description": "young people who would move nearer their links"})
    nearer_km = fields.Float(metadata={"description": "links kept nearer by those who move, km in all"})


class GroupSchema(Schema):
    district = fields.String(allow_none=True, metadata={"description": "slug, or null out of county"})
    route = fields.String()
    places = fields.Integer()
    remaining = fields.Integer()
    filled = fields.Raw(metadata={**COUNT, "description": "places the base problem's optimum fills"})
    demand_in_reach = fields.Raw(metadata=COUNT)
    shadow_price = fields.Integer(
        metadata={
            "description": "the largest exact fall in the base optimum from one more place in one option"
        }
    )
    gain = fields.Nested(GainSchema, allow_none=True, metadata={"description": "what that place would do"})
    weekly_cost = fields.Integer(
        allow_none=True,
        metadata={"description": "what a place here costs a week, whole pounds: the median place's among "
                  "options with a cost recorded (null where none has one)"},
    )  # fmt: skip
    costed_places = fields.Integer(metadata={"description": "the places that median is taken over"})


class SufficiencySchema(Schema):
    as_of = Day()
    items = fields.List(fields.Nested(GroupSchema))


class ChangeSchema(Schema):
    option = fields.String(required=True, validate=validate.Length(min=1, max=64))
    places = fields.Integer(
        strict=True,
        required=True,
        validate=validate.Range(min=-10_000, max=10_000),
        metadata={"description": "places added, or (negative) removed; remaining never falls below zero"},
    )


class WhatIfRequestSchema(Schema):
    as_of = Day(metadata={"description": "the base problem as of this day (default today)"})
    changes = fields.List(fields.Nested(ChangeSchema), load_default=list, validate=validate.Length(max=500))
    add = fields.List(
        fields.Nested(OptionSchema),
        load_default=list,
        validate=validate.Length(max=50),
        metadata={"description": "hypothetical options: register_vacancy or supported routes"},
    )


class SummarySchema(Schema):
    in_scope = fields.Raw(metadata=COUNT)
    matched = fields.Raw(metadata=COUNT)
    urgent = fields.Raw(metadata=COUNT)
    urgent_matched = fields.Raw(metadata=COUNT)
    objective = fields.Integer()
    mean_link_km = fields.Float(allow_none=True)


class RowSchema(Schema):
    key = fields.String(allow_none=True, metadata={"description": "home district or route; 'total' last"})
    before = fields.Raw(metadata=COUNT)
    after = fields.Raw(metadata=COUNT)
    change = fields.Raw(metadata=COUNT)


class CostChangeSchema(Schema):
    change = fields.Integer(
        metadata={"description": "whole pounds a week more (negative: less), from the weekly cost of a "
                  "place in each option changed or added"},
    )  # fmt: skip
    uncosted_places = fields.Integer(
        metadata={"description": "places added or removed in options with no weekly cost recorded"}
    )


class WhatIfSchema(Schema):
    as_of = Day()
    before = fields.Nested(SummarySchema)
    after = fields.Nested(SummarySchema)
    by_home_district = fields.List(fields.Nested(RowSchema), metadata={"description": "matched, total last"})
    by_route = fields.List(fields.Nested(RowSchema), metadata={"description": "matched, total last"})
    weekly_cost = fields.Nested(
        CostChangeSchema, metadata={"description": "what the places changed cost a week"}
    )


class DistanceSchema(Schema):
    by = fields.String(metadata={"description": "home_district | support_level | uasc | parents | disabled"})
    group = fields.String(allow_none=True)
    placed = fields.Raw(metadata={**COUNT, "description": "young people placed who have links"})
    mean_link_km = fields.Raw(metadata={"description": 'km, or "*" where the group is too small to show'})


class CountySchema(Schema):
    placed = fields.Raw(metadata={**COUNT, "description": "young people placed who have links"})
    mean_link_km = fields.Float(allow_none=True)


class FairnessSchema(Schema):
    run_id = fields.String()
    ranks = fields.Dict(
        keys=fields.String(),
        values=fields.Raw(),
        metadata={"description": "first, second, third, later, not_a_preference, unmatched (counts)"},
    )
    passed_over_count = fields.Raw(
        metadata={**COUNT, "description": 'pass-overs across tiers (contract v1.2, "Who is served first")'}
    )
    passed_over = fields.List(
        fields.Dict(),
        metadata={
            "description": "officers only: {young_person, option, holder, reason}; reason is no_other_place "
            "(the exchange would leave the holder with no place), costs_more_overall (tier later passed "
            "over for tier none) or exchange_possible (a run made before v1.2)"
        },
    )
    county = fields.Nested(CountySchema)
    distances = fields.List(fields.Nested(DistanceSchema))
