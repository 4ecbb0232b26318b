"""Districts and places as the API shows them."""

from marshmallow import Schema, fields


class DistrictSchema(Schema):
    slug = fields.String()
    gss_code = fields.String()
    name = fields.String()
    bands = fields.List(
        fields.String(), metadata={"description": "the council's bands, highest priority first"}
    )


class PlaceSchema(Schema):
    name = fields.String()
    district = fields.String(allow_none=True, metadata={"description": "null outside West Sussex"})
    lat = fields.Float()
    lon = fields.Float()
