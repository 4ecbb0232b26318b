"""`POST /api/v1/imports/{kind}`: young people or register applications from the county's systems."""

from flask import request
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import Schema, fields

from housing.clock import today
from housing.permissions import OFFICERS
from housing.services.import_problems import ImportRefused
from httpkit.auth import actor, requires
from httpkit.blueprint import Blueprint
from jsonapi import import_files
from jsonapi.import_kinds import KINDS

blp = Blueprint("imports", __name__, url_prefix="/api/v1", description="Imports from the county's systems")
UPLOAD_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {"type": "string", "format": "binary", "description": ".csv or .xlsx"}
                },
            }
        }
    },
}


class ImportedSchema(Schema):
    kind = fields.String(required=True, metadata={"description": "young-people or applications"})
    created = fields.List(fields.String(), required=True, metadata={"description": "ids of records added"})
    updated = fields.List(fields.String(), required=True, metadata={"description": "ids of records changed"})
    unchanged = fields.Integer(
        required=True, metadata={"description": "rows that matched a record as it was"}
    )


@blp.route("/imports/<kind>")
class Import(MethodView):
    takes_files = True  # multipart, not JSON: see httpkit/errors.py

    @requires(*OFFICERS)
    @blp.doc(requestBody=UPLOAD_BODY)
    @blp.response(201, ImportedSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(422, response="UNPROCESSABLE_ENTITY")
    def post(self, kind: str) -> dict:
        """Young people (by case reference) or register applications from a CSV or XLSX (at most 5 MB).

        `kind`: `young-people` or `applications`. Every row is checked first: any problem is a 422
        listing each as "line N, column NAME: reason" under `errors.files.file`, and nothing is
        written. A reference already held is updated, not added again, so sending a file twice
        changes nothing the second time. Columns and the headings case systems use: docs/imports.md.
        """
        if kind not in KINDS:
            abort(404, message=f"no import of {kind!r}: young-people or applications")
        if (request.content_length or 0) > import_files.MAX_BODY_BYTES:
            abort(413, message=import_files.TOO_LARGE)
        request.max_content_length = import_files.MAX_BODY_BYTES
        sent = request.files.get("file")
        if sent is None or not sent.filename:
            missing = "missing: send a .csv or .xlsx file as the form field 'file'"
            abort(
                422, message="Send the file as the form field 'file'.", errors={"files": {"file": [missing]}}
            )
        try:
            done = import_files.run(actor(), kind, sent.filename, sent.read(), today=today())
        except ImportRefused as refused:
            abort(422, message=refused.message, errors={"files": refused.fields})
        except import_files.TooLarge as too_large:
            abort(413, message=str(too_large))
        return {
            "kind": kind,
            "created": done.created,
            "updated": done.updated,
            "unchanged": len(done.unchanged),
        }
