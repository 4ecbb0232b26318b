"""A housing option of any route, as sent and as returned."""

from typing import Any

from flask import current_app
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from housing import money
from housing.models import Option
from housing.services.options import order_problems, route_problems
from housing.vocabulary import Route, SupportLevel
from httpkit.schemas import Changes, Day, visible

LEVELS = [level.value for level in SupportLevel]
POUNDS = validate.Range(min=0, max=100_000)


def lha_check(option: Option) -> dict[str, Any] | None:
    """A private rented option's rent against a single care leaver's Local Housing Allowance rates
    (housing/money.py), in figures and words; None without a rent and an area to check."""
    if option.monthly_rent is None or option.rental_market_area is None:
        return None
    until = current_app.config["SAR_EXEMPTION_UNTIL"]
    rates = money.RATES.get(option.rental_market_area, {})
    return {
        "one_bedroom_rate": rates.get(1),
        "shared_rate": rates.get(money.SHARED),
        "care_leavers_exempt_from_shared_rate_until": until,
        "rates_as_of": money.RATES_AS_OF.isoformat(),
        "rates_source": money.RATES_SOURCE,
        "words": money.option_words(option.monthly_rent, option.rental_market_area, until),
    }


class OptionSchema(Schema):
    id = fields.String(dump_only=True)
    route = fields.Enum(Route, by_value=True, required=True)
    name = fields.String(required=True, validate=validate.And(validate.Length(min=1, max=200), visible))
    place = fields.String(required=True, validate=validate.Length(min=1, max=64))
    district = fields.String(dump_only=True, allow_none=True, metadata={"description": "from the place"})
    capacity = fields.Integer(strict=True, required=True, validate=validate.Range(min=1, max=10_000))
    remaining = fields.Integer(dump_only=True, metadata={"description": "capacity less accepted placements"})
    available_from = Day(required=True)
    available_until = Day(allow_none=True, load_default=None)
    min_age = fields.Integer(strict=True, load_default=16, validate=validate.Range(min=0, max=30))
    max_age = fields.Integer(strict=True, load_default=25, validate=validate.Range(min=0, max=30))
    support_levels = fields.List(
        fields.String(validate=validate.OneOf(LEVELS)),
        load_default=lambda: list(LEVELS),
        validate=validate.Length(min=1, max=3),
    )
    step_free = fields.Boolean(load_default=False)
    wheelchair = fields.Boolean(load_default=False)
    bedrooms = fields.Integer(strict=True, load_default=1, validate=validate.Range(min=0, max=10))
    accepts_children = fields.Boolean(load_default=False)
    young_person_id = fields.String(
        data_key="young_person",
        allow_none=True,
        metadata={"description": "staying_put only: the young person the former carer offers to keep"},
    )
    carer_willing = fields.Boolean(allow_none=True, metadata={"description": "staying_put only"})
    registered_16_17 = fields.Boolean(
        allow_none=True,
        metadata={"description": "supported routes only: registered with Ofsted for 16-17-year-olds"},
    )
    uasc_specialist = fields.Boolean(
        allow_none=True, metadata={"description": "supported_accommodation only (default false)"}
    )
    monthly_rent = fields.Integer(
        strict=True, allow_none=True, validate=POUNDS,
        metadata={"description": "private_rented only: the rent in whole pounds a month"},
    )  # fmt: skip
    deposit = fields.Integer(
        strict=True, allow_none=True, validate=POUNDS,
        metadata={"description": "private_rented only: the deposit the landlord asks, in whole pounds"},
    )  # fmt: skip
    rent_in_advance = fields.Integer(
        strict=True, allow_none=True, validate=POUNDS,
        metadata={"description": "private_rented only: rent asked before moving in, in whole pounds"},
    )  # fmt: skip
    guarantor_needed = fields.Boolean(
        allow_none=True,
        metadata={"description": "private_rented only: whether the landlord asks for a guarantor"},
    )
    rental_market_area = fields.String(
        allow_none=True,
        validate=validate.OneOf(money.RENTAL_MARKET_AREAS),
        metadata={"description": "private_rented only: the broad rental market area its LHA rates are for"},
    )
    provider_id = fields.String(
        data_key="provider", allow_none=True,
        metadata={"description": "supported routes only: the provider's id (GET /api/v1/providers)"},
    )  # fmt: skip
    weekly_cost = fields.Integer(
        strict=True, allow_none=True, validate=POUNDS,
        metadata={"description": "supported routes only: what a place costs a week, in whole pounds"},
    )  # fmt: skip
    lha = fields.Function(
        lha_check,
        dump_only=True,
        allow_none=True,
        metadata={
            "description": "private_rented with a rent and area: the rent against a single care leaver's "
            "one-bedroom and shared Local Housing Allowance rates (illustrative rates: see rates_source)"
        },
    )

    @validates_schema(skip_on_field_errors=False)
    def in_order(self, data: dict[str, Any], **_: object) -> None:
        """Ages and dates out of order are named with the fields' own problems, in one answer."""
        problems = dict(order_problems(data))
        if isinstance(data.get("route"), Route) and not self.partial:  # a create: its route's own fields
            problems = dict(route_problems(data["route"], data, set(data))) | problems
        if problems:
            raise ValidationError({field: [reason] for field, reason in problems.items()})


class PlanningOptionSchema(Schema):
    """What a commissioner sees of an option: places, never whose Staying Put offer it is. Every field
    is always there (required in the document, which tells it from an officer's answer by them)."""

    id = fields.String(required=True)
    route = fields.Enum(Route, by_value=True, required=True)
    name = fields.String(required=True)
    place = fields.String(required=True)
    district = fields.String(required=True, allow_none=True)
    capacity = fields.Integer(required=True)
    remaining = fields.Integer(required=True)
    weekly_cost = fields.Integer(
        required=True, allow_none=True, metadata={"description": "what a place costs a week, in whole pounds"}
    )


class OptionPatchSchema(Changes, OptionSchema):
    """Any field may be sent alone; the route of an option never changes."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(partial=True, exclude=("route",), **kwargs)


class OptionsQuery(Schema):
    route = fields.Enum(Route, by_value=True)
    district = fields.String(validate=validate.Length(min=1, max=32))
    place = fields.String(validate=validate.Length(min=1, max=64))
