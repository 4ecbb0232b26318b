"""`POST /api/v1/imports/{kind}`: young people, register applications or current placements from the
county's systems."""

from collections.abc import Callable

from flask.views import MethodView
from marshmallow import Schema, fields

from housing.clock import today
from housing.permissions import OFFICERS
from httpkit import sent_file
from httpkit.auth import actor, requires
from httpkit.blueprint import Blueprint
from httpkit.tabular import UPLOAD_BODY
from jsonapi import import_files

blp = Blueprint("imports", __name__, url_prefix="/api/v1", description="Imports from the county's systems")


class ImportedSchema(Schema):
    kind = fields.String(
        required=True, metadata={"description": "young-people, applications, placements or providers"}
    )
    created = fields.List(fields.String(), required=True, metadata={"description": "ids of records added"})
    updated = fields.List(fields.String(), required=True, metadata={"description": "ids of records changed"})
    unchanged = fields.Integer(
        required=True, metadata={"description": "rows that matched a record as it was"}
    )


def _import(kind: str) -> dict:
    """Every row checked first: any problem is a 422 listing each, and nothing is written."""

    def use(filename: str, content: bytes) -> dict:
        done = import_files.run(actor(), kind, filename, content, today=today())
        unchanged = len(done.unchanged)
        return {"kind": kind, "created": done.created, "updated": done.updated, "unchanged": unchanged}

    return sent_file.taken(use, import_files.TOO_LARGE)


class FileImport(MethodView):
    """Every import takes its file the same way: multipart, not JSON (see httpkit/errors.py)."""

    takes_files = True


def takes_a_file(post: Callable[[MethodView], dict]) -> Callable[[MethodView], dict]:
    """An import's `post`: for officers, a file in, the records it added and changed out, or a 422."""
    answered = blp.alt_response(422, response="UNPROCESSABLE_ENTITY")(post)
    documented = blp.doc(requestBody=UPLOAD_BODY)(blp.response(201, ImportedSchema)(answered))
    return requires(*OFFICERS)(documented)


@blp.route("/imports/young-people")
class YoungPeopleImport(FileImport):
    @takes_a_file
    def post(self) -> dict:
        """Young people from a case system's report, CSV or XLSX (at most 5 MB), by case reference.

        Any problem is a 422 listing each as "line N, column NAME: reason" under `errors.files.file`,
        and nothing is written. A reference already held is updated (only the columns the file
        has), so a file sent twice changes nothing the second time. Columns, and the headings LCS
        and Mosaic reports use for them: docs/imports.md. Each record added or changed is audited.
        """
        return _import("young-people")


@blp.route("/imports/applications")
class ApplicationsImport(FileImport):
    @takes_a_file
    def post(self) -> dict:
        """Register applications from a council's choice-based lettings export, CSV or XLSX (5 MB).

        Each row names a young person already held (their case reference), a council, its band and
        the day they applied. An active application to that council is updated, else one is added.
        Any problem is a 422 as for young people, and nothing is written. Audited on each record.
        """
        return _import("applications")


@blp.route("/imports/placements")
class PlacementsImport(FileImport):
    @takes_a_file
    def post(self) -> dict:
        """Current placements (where each young person lives now), CSV or XLSX (at most 5 MB).

        Each row names a young person already held (case reference), the option they live in (its
        id, or a name only one option has), the day they moved in and the route. Each is recorded
        as an accept records it: the place taken, the pathway agreed, a placement they lived in
        before ended that day. A young person already placed there is left as they are (a file
        sent twice changes nothing), or their start moved. Any problem, capacity on any day
        included, is a 422 as for young people, and nothing is written. Audited on each record.
        """
        return _import("placements")


@blp.route("/imports/providers")
class ProvidersImport(FileImport):
    @takes_a_file
    def post(self) -> dict:
        """Providers of supported places, CSV or XLSX (5 MB): name, Ofsted number (URN), rating and
        date inspected, as Ofsted's data download heads them.

        A number already held is updated, else one is added; a file sent twice changes nothing. Any
        problem is a 422 as for young people, and nothing is written. Each change is audited by name.
        """
        return _import("providers")
