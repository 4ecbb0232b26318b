"""The SSDA903 exports for the county's 903 team (housing officers, admins): the care leavers'
items in the DfE's layout (table OC3) for a collection year, and the accommodation codes on a day."""

import csv
import io

from flask import Response
from flask.views import MethodView
from marshmallow import Schema, fields, validate

from housing.clock import today
from housing.permissions import OFFICERS
from housing.reads import suitability
from housing.reads.care_leaver_items import COLUMNS as OC3_COLUMNS
from housing.reads.care_leaver_items import CareLeaverItems
from housing.services import care_leaver_return
from httpkit.auth import actor, requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import Day
from httpkit.spreadsheets import neutralise
from httpkit.store import db

blp = Blueprint("ssda903", __name__, url_prefix="/api/v1/exports", description="Returns to the DfE")
COLUMNS = ("reference", "date", "accom")


def collection_year_now() -> int:
    """The year of the 31 March that ends the collection year today falls in."""
    now = today()
    return now.year + 1 if now.month >= 4 else now.year


class CareLeaversQuery(Schema):
    year = fields.Integer(
        validate=validate.Range(min=2000, max=2199),
        metadata={"description": "the collection year, named by the 31 March it ends on (default: now)"},
    )


def care_leavers_csv(found: CareLeaverItems) -> str:
    """The OC3 file: the DfE's columns, a case reference a spreadsheet would run made inert."""
    out = io.StringIO()
    writer = csv.DictWriter(out, OC3_COLUMNS)
    writer.writeheader()
    writer.writerows(row | {"CHILD": neutralise(row["CHILD"])} for row in found.rows)
    return out.getvalue()


def attachment(body: str, filename: str) -> Response:
    return Response(
        body, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


@blp.route("/ssda903-care-leavers.csv")
class Ssda903CareLeavers(MethodView):
    @requires(*OFFICERS)
    @blp.arguments(CareLeaversQuery, location="query")
    @blp.response(200, content_type="text/csv")
    def get(self, query: dict) -> Response:
        """The care leavers' items of the 903 return for a collection year, in the DfE's layout (OC3):
        CHILD (case reference), DOB (dd/mm/yyyy), IN_TOUCH, ACTIV, ACCOM, for each young person whose
        17th to 21st birthday falls in it and whose in touch is recorded; every record exported is
        audited. The rest of the return stays with the case system."""
        year = query.get("year") or collection_year_now()
        found = care_leaver_return.download(db(), actor(), year)
        return attachment(care_leavers_csv(found), f"ssda903-oc3-{year - 1}-{year % 100:02d}.csv")


class ExportQuery(Schema):
    as_of = Day(metadata={"description": "the day the return is taken on (default today)"})


@blp.route("/ssda903-accommodation.csv")
class Ssda903Accommodation(MethodView):
    @requires(*OFFICERS)
    @blp.arguments(ExportQuery, location="query")
    @blp.response(200, content_type="text/csv")
    def get(self, query: dict) -> Response:
        """Each care leaver aged 17 to 21: reference, date judged, and the OC3 ACCOM code with its
        suitability digit (Staying Put as R); every record exported is audited."""
        rows = suitability.export(db(), actor(), query.get("as_of") or today())
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(  # a reference a spreadsheet would run is made inert
            [neutralise(row["reference"]), row["date"].isoformat() if row["date"] else "", row["accom"]]
            for row in rows
        )
        return Response(
            out.getvalue(), mimetype="text/csv",
            headers={"Content-Disposition": 'attachment; filename="ssda903-accommodation.csv"'},
        )  # fmt: skip
