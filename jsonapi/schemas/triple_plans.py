"""UASC triple planning: three housing plans while a claim is open, one per outcome, each with its route."""

from marshmallow import Schema, ValidationError, fields, validate, validates

from housing.vocabulary import Immigration, ImmigrationOutcome, Route
from httpkit.schemas import Day, visible


class HousingPlanSchema(Schema):
    outcome = fields.Enum(
        ImmigrationOutcome,
        by_value=True,
        required=True,
        metadata={"description": "leave_granted | refused | appeal_rights_exhausted"},
    )
    route = fields.Enum(Route, by_value=True, required=True)
    plan = fields.String(required=True, validate=[validate.Length(min=1, max=5000), visible])
    recorded_by = fields.String(dump_only=True, allow_none=True)
    recorded_at = fields.DateTime(dump_only=True, allow_none=True)
    chosen_on = Day(dump_only=True, allow_none=True,
                    metadata={"description": "when a decision recorded made it the plan"})  # fmt: skip


class TriplePlansSchema(Schema):
    plans = fields.List(
        fields.Nested(HousingPlanSchema),
        required=True,
        metadata={"description": "one for each outcome: leave granted, refused, appeal rights exhausted"},
    )

    @validates("plans")
    def one_per_outcome(self, plans: list[dict], **_: object) -> None:
        """Runs on the plans that were valid, too, when another was not (marshmallow passes those on):
        a plan without its outcome is left to its own error, never a KeyError."""
        if sorted(str(p.get("outcome")) for p in plans) != sorted(ImmigrationOutcome):
            raise ValidationError(
                "give one plan for each outcome: leave_granted, refused, appeal_rights_exhausted"
            )


class PlannedSchema(HousingPlanSchema):
    """A plan as read back: an outcome not planned yet has no route and no plan (null), which a plan
    sent in must have."""

    route = fields.Enum(Route, by_value=True, allow_none=True,
                        metadata={"description": "null: not planned yet"})  # fmt: skip
    plan = fields.String(allow_none=True, metadata={"description": "null: not planned yet"})


class TriplePlanningSchema(Schema):
    young_person = fields.String()
    immigration = fields.Enum(Immigration, by_value=True)
    settled = fields.Boolean(
        metadata={"description": "true once their immigration is settled: no more planning"}
    )
    plans = fields.List(fields.Nested(PlannedSchema))
    chosen = fields.Enum(ImmigrationOutcome, by_value=True, allow_none=True,
                         metadata={"description": "the outcome whose plan became the plan"})  # fmt: skip
