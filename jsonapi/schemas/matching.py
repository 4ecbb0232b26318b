"""Matching runs, proposals and decisions as the API shows them."""

from marshmallow import Schema, fields, validate

from housing.reads import superseded
from housing.vocabulary import ProposalStatus, Route
from httpkit.schemas import Day

TRIGGER = (
    "manual | rejected | declined | withdrawn | lapsed | place_freed | new_option | scheduled: "
    "an officer's run, or the event after which the service proposed again"
)
TRIGGERED_BY = "the proposal, nomination, placement or option id; null for manual and scheduled"


class RunRequestSchema(Schema):
    as_of = Day(metadata={"description": "ages and deadlines are counted on this day (default today)"})
    young_people = fields.List(
        fields.String(validate=validate.Length(min=1, max=64)),
        validate=validate.Length(min=1, max=100_000),
        metadata={"description": "only these young people (default: everyone in scope)"},
    )


class ProposalSchema(Schema):
    id = fields.String()
    young_person = fields.String(attribute="young_person_id")
    option = fields.String(attribute="option_id")
    route = fields.Enum(Route, by_value=True)
    place = fields.String()
    cost = fields.Integer()
    explanation = fields.Dict()
    status = fields.Function(
        superseded.shown_status,
        metadata={
            "type": "string",
            "enum": [*(s.value for s in ProposalStatus), superseded.SUPERSEDED],
            "description": "superseded: neither accepted nor rejected, and overtaken since (the "
            "pathway agreed or a cohort joined elsewhere, or no place left); it cannot be accepted",
        },
    )
    superseded_because = fields.String(
        attribute="overtaken",
        allow_none=True,
        metadata={
            "description": "pathway_agreed | in_a_cohort | no_place_left | proposed_again, when superseded"
        },
    )
    decided_by = fields.String(allow_none=True)
    decided_at = fields.DateTime(allow_none=True)
    reason = fields.String(allow_none=True)
    undone_by = fields.String(
        allow_none=True, metadata={"description": "who undid an accept of it, if anyone"}
    )
    undone_at = fields.DateTime(allow_none=True)


class SolverSchema(Schema):
    name = fields.String(attribute="solver")
    wall_ms = fields.Float()


class UnmatchedSchema(Schema):
    young_person = fields.String()
    penalty = fields.Integer()
    reasons = fields.List(fields.Dict())


class RunSchema(Schema):
    id = fields.String()
    as_of = Day()
    status = fields.String(metadata={"description": "optimal | feasible | infeasible"})
    objective = fields.Integer()
    solver = fields.Function(lambda run: SolverSchema().dump(run), metadata={"type": "object"})
    proposals = fields.List(fields.Nested(ProposalSchema))
    unmatched = fields.List(fields.Nested(UnmatchedSchema))
    summary = fields.Dict()
    digest = fields.String(metadata={"description": "SHA-256 of the input snapshot the run solved"})
    created_by = fields.String(
        allow_none=True, metadata={"description": "null for a run the service made itself"}
    )
    created_at = fields.DateTime()
    trigger = fields.String(metadata={"description": TRIGGER})
    triggered_by = fields.String(allow_none=True, metadata={"description": TRIGGERED_BY})


class RunCountsSchema(Schema):
    in_scope = fields.Integer()
    proposed = fields.Integer()
    urgent = fields.Integer()
    urgent_matched = fields.Integer()
    unmatched = fields.Integer()
    accepted = fields.Integer()
    rejected = fields.Integer()
    superseded = fields.Integer(metadata={"description": "undecided proposals overtaken since"})


class RunSummarySchema(Schema):
    """A run in the list: who ran it, when, and its counts, without the proposals."""

    id = fields.String()
    as_of = Day()
    created_at = fields.DateTime()
    created_by = fields.String(
        allow_none=True,
        metadata={"description": "the email of the officer who ran it; null for automatic runs"},
    )
    status = fields.String(metadata={"description": "optimal | feasible | infeasible"})
    counts = fields.Nested(RunCountsSchema)
    trigger = fields.String(metadata={"description": TRIGGER})
    triggered_by = fields.String(allow_none=True, metadata={"description": TRIGGERED_BY})


class CandidatesSchema(Schema):
    arcs = fields.List(fields.Dict(), metadata={"description": "every allowed pair with its integer cost"})
    unassigned_penalty = fields.Dict(keys=fields.String(), values=fields.Integer())
    capacity = fields.Dict(keys=fields.String(), values=fields.Integer())
    due_tier = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={
            "description": "per young person: move_now | overdue | soon | later | none (contract v1.2)"
        },
    )
    held = fields.Dict(
        keys=fields.String(),
        values=fields.Dict(),
        metadata={
            "description": "per option with places held back: {places, from_month}; young people of tier "
            "later or none may not take those places in this run"
        },
    )


class AcceptSchema(Schema):
    """Nothing is needed to accept; an empty body (or none) will do."""


class RejectSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))
