"""The SSDA903 accommodation export for the county's 903 team (housing officers, admins)."""

import csv
import io

from flask import Response
from flask.views import MethodView
from marshmallow import Schema

from housing.clock import today
from housing.permissions import OFFICERS
from housing.reads import suitability
from httpkit.auth import actor, requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import Day
from httpkit.spreadsheets import neutralise
from httpkit.store import db

blp = Blueprint("ssda903", __name__, url_prefix="/api/v1/exports", description="Returns to the DfE")
COLUMNS = ("reference", "date", "accom")


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
