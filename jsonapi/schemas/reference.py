"""Districts and places as the API shows them."""

from itertools import pairwise

from marshmallow import Schema, ValidationError, fields, validate, validates

STANDARD = (
    "bedrooms the council's scheme gives a household with 0, 1, 2, and 3 or more children; null keeps "
    "the service's own bedroom need (1, 2, 2, 3)"
)
LIMITS = (
    "whether a matching run proposes no more of the council's register vacancies than its yearly "
    "commitment has left (accepted nominations and those awaiting its decision counted); false unless "
    "the council asks"
)
COMMITMENT = (
    "homes the council commits to let to care leavers each year (1 April to 31 March); null: none "
    "recorded (the sources name no quota: the figure is the council's own)"
)
LARGER = "whether the scheme lets a household a home with more bedrooms than that (BEDROOMS rule)"


class DistrictSchema(Schema):
    slug = fields.String()
    gss_code = fields.String()
    name = fields.String()
    bands = fields.List(
        fields.String(), metadata={"description": "the council's bands, highest priority first"}
    )
    bedroom_standard = fields.List(fields.Integer(), allow_none=True, metadata={"description": STANDARD})
    larger_homes_allowed = fields.Boolean(metadata={"description": LARGER})
    yearly_commitment = fields.Integer(allow_none=True, metadata={"description": COMMITMENT})
    commitment_limits_matching = fields.Boolean(metadata={"description": LIMITS})


class DistrictSchemeSchema(Schema):
    """A council's own allocation scheme, as the BEDROOMS rule reads it (the council's to set)."""

    bedroom_standard = fields.List(
        fields.Integer(strict=True, validate=validate.Range(min=1, max=6)),
        allow_none=True,
        validate=validate.Length(equal=4),
        metadata={"description": STANDARD},
    )
    larger_homes_allowed = fields.Boolean(metadata={"description": LARGER})
    yearly_commitment = fields.Integer(
        strict=True,
        allow_none=True,
        validate=validate.Range(min=0, max=10_000),
        metadata={"description": COMMITMENT},
    )
    commitment_limits_matching = fields.Boolean(metadata={"description": LIMITS})

    @validates("bedroom_standard")
    def grows_with_the_household(self, value: list[int] | None, **_: object) -> None:
        if value and any(later < earlier for earlier, later in pairwise(value)):
            raise ValidationError("a larger household never gets fewer bedrooms")


class PlaceSchema(Schema):
    name = fields.String()
    district = fields.String(allow_none=True, metadata={"description": "null outside West Sussex"})
    lat = fields.Float()
    lon = fields.Float()
