"""A row of a file brought in from the county's systems, as the API's own fields.

A case system's report (LCS, Mosaic, Liquidlogic or Eclipse alike) or a council's choice-based
lettings export is text: dates as 31/08/2008 or 2008-08-31, yes/no as Y/N, a district as "Mid
Sussex", a support level as "Medium". Each is turned into the API's value before the API's own
rules check it, so a file and `POST /young-people` cannot disagree on a field. The column mapping
(which headings name which field) is in `jsonapi/import_kinds.py` and docs/imports.md.
"""

import re
from typing import Any

from marshmallow import Schema, fields, pre_load, validate

from housing.ssda903 import ACCOMMODATION, ACTIVITY, IN_TOUCH
from housing.vocabulary import Immigration, OfstedRating, Route
from httpkit.schemas import Day, visible
from jsonapi.schemas.young_people import RecordFields

UK_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
YES, NO = {"y", "yes", "true", "1"}, {"n", "no", "false", "0"}


def _day(text: str) -> str:
    """31/08/2008 (as UK case systems write it) as 2008-08-31; anything else is left for Day to judge."""
    found = UK_DAY.match(text)
    return f"{found[3]}-{int(found[2]):02d}-{int(found[1]):02d}" if found else text


def _yes_no(text: str) -> Any:
    lowered = text.strip().lower()
    return True if lowered in YES else False if lowered in NO else text


def _word(text: str) -> str:
    """ "Leave granted" as leave_granted; "Mid Sussex" as mid-sussex is `_slug`."""
    return "_".join(text.strip().lower().replace("-", " ").split())


def _slug(text: str) -> str:
    return "-".join(text.strip().lower().replace("_", " ").split())


class RowSchema(Schema):
    """Cells as text, made into the API's values by the kind of each field."""

    DAYS: tuple[str, ...] = ()
    FLAGS: tuple[str, ...] = ()
    WORDS: tuple[str, ...] = ()
    SLUGS: tuple[str, ...] = ()
    NUMBERS: tuple[str, ...] = ()

    @pre_load
    def from_text(self, cells: dict[str, Any], **_: object) -> dict[str, Any]:
        out = dict(cells)
        for name, value in cells.items():
            if name in self.DAYS:
                out[name] = _day(value)
            elif name in self.FLAGS:
                out[name] = _yes_no(value)
            elif name in self.WORDS:
                out[name] = _word(value)
            elif name in self.SLUGS:
                out[name] = _slug(value)
            elif name in self.NUMBERS and value.isdigit():
                out[name] = int(value)
        return out


class YoungPersonRowSchema(RowSchema, RecordFields):
    """One young person, by their case reference: new references are added, known ones updated."""

    DAYS = (
        "date_of_birth",
        "custody_release_date",
        "leave_granted_on",
        "move_date",
        "accommodation_judged_on",
    )
    FLAGS = ("step_free", "wheelchair", "uasc", "accommodation_suitable")
    WORDS = ("support_level", "immigration")
    SLUGS = ("home_district",)
    NUMBERS = ("children",)

    step_free = fields.Boolean()
    wheelchair = fields.Boolean()
    children = fields.Integer(strict=True, validate=validate.Range(min=0, max=20))
    uasc = fields.Boolean()
    immigration = fields.Enum(Immigration, by_value=True)
    leave_granted_on = Day()
    custody_release_date = Day()
    move_date = Day()
    accommodation_code = fields.String(validate=validate.OneOf(list(ACCOMMODATION)))
    accommodation_suitable = fields.Boolean()
    accommodation_judged_on = Day()
    in_touch = fields.String(validate=validate.OneOf(list(IN_TOUCH)))
    activity = fields.String(validate=validate.OneOf(list(ACTIVITY)))

    @pre_load
    def codes_in_capitals(self, cells: dict[str, Any], **_: object) -> dict[str, Any]:
        return cells | {
            name: cells[name].strip().upper() for name in ("in_touch", "activity") if name in cells
        }

    @pre_load
    def code_and_digit(self, cells: dict[str, Any], **_: object) -> dict[str, Any]:
        """ "E1", as the 903 return writes it, is the letter E judged suitable (2: not suitable)."""
        code = cells.get("accommodation_code")
        if isinstance(code, str):
            code = code.strip().upper()
            if len(code) == 2 and code[1] in "12":
                cells = {"accommodation_suitable": "yes" if code[1] == "1" else "no", **cells}
                code = code[0]
            cells = dict(cells, accommodation_code=code)
        return cells


class ApplicationRowSchema(RowSchema):
    """One application to a council's register, from its choice-based lettings export."""

    DAYS = ("applied_on",)
    SLUGS = ("district",)

    reference = fields.String(required=True, validate=validate.And(validate.Length(min=1, max=64), visible))
    district = fields.String(required=True, validate=validate.Length(min=1, max=32))
    band = fields.String(required=True, validate=validate.Length(min=1, max=8))
    applied_on = Day(required=True)


class PlacementRowSchema(RowSchema):
    """Where a young person lives now: the option (its id, or a name only one option has), the day
    they moved in and the route ("Supported accommodation" or supported_accommodation)."""

    DAYS = ("starts_on",)
    WORDS = ("route",)

    reference = fields.String(required=True, validate=validate.And(validate.Length(min=1, max=64), visible))
    option = fields.String(required=True, validate=validate.And(validate.Length(min=1, max=200), visible))
    starts_on = Day(required=True)
    route = fields.Enum(Route, by_value=True, required=True)


class ProviderRowSchema(RowSchema):
    """One provider, by its Ofsted number: new numbers are added, known ones updated. Ratings as
    Ofsted writes them ("Requires improvement to be good" is requires_improvement)."""

    DAYS = ("inspected_on",)
    WORDS = ("rating",)

    name = fields.String(required=True, validate=validate.And(validate.Length(min=1, max=200), visible))
    ofsted_number = fields.String(required=True, validate=validate.Length(min=1, max=16))
    rating = fields.Enum(OfstedRating, by_value=True, required=True)
    inspected_on = Day(allow_none=True)

    @pre_load
    def ofsteds_words(self, cells: dict[str, Any], **_: object) -> dict[str, Any]:
        rating = cells.get("rating")
        if isinstance(rating, str) and _word(rating) == "requires_improvement_to_be_good":
            cells = cells | {"rating": "requires_improvement"}
        if cells.get("inspected_on") == "":
            cells = cells | {"inspected_on": None}
        return cells
