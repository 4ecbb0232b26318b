"""The councils' endpoints. A district officer reaches only their own district; others get 403."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Response
from flask.views import MethodView
from flask_smorest import abort

from districts import exports, uploads
from districts.schemas import (
    ApplicantsPageQuery,
    ApplicantsQuery,
    DecisionSchema,
    DistrictApplicantSchema,
    NominationsQuery,
    VacanciesAddedSchema,
)
from housing.clock import today
from housing.models import Nomination
from housing.permissions import DISTRICT_READERS
from housing.reads import applicants as applicants_view
from housing.services import nominations
from housing.vocabulary import Role
from httpkit import sent_file
from httpkit.auth import actor, requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import page_body, page_of
from httpkit.store import db
from httpkit.tabular import UPLOAD_BODY
from jsonapi.schemas.moves import NominationSchema

blp = Blueprint("districts", __name__, url_prefix="/api/v1", description="District and borough councils")

View = TypeVar("View", bound=Callable[..., Any])


def own_district(view: View) -> View:
    """A district officer sees their own council's register only: 403 before any 404, and before the
    query is read (so before any 422)."""

    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if actor().role is Role.DISTRICT_OFFICER and actor().district != kwargs["slug"]:
            abort(403, message="district officers see their own district only")
        return view(*args, **kwargs)

    return guarded  # type: ignore[return-value]


def decided_here(view: View) -> View:
    """Only the nominated district's officers decide: 404 and 403 before the decision is read."""

    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        nominations.decidable(db(), actor(), kwargs["nomination_id"])
        return view(*args, **kwargs)

    return guarded  # type: ignore[return-value]


def _applicants(slug: str, query: dict) -> tuple[list[dict], int]:
    filters = {key: query.get(key) for key in ("band", "need_month_before", "status", "page", "page_size")}
    return applicants_view.applicants(
        db(), actor(), slug, today=today(), **{k: v for k, v in filters.items() if v}
    )


@blp.route("/districts/<slug>/applicants")
class Applicants(MethodView):
    @requires(*DISTRICT_READERS)
    @own_district
    @blp.arguments(ApplicantsPageQuery, location="query")
    @blp.response(200, page_of(DistrictApplicantSchema))
    def get(self, query: dict, slug: str) -> dict:
        """Care leavers with an active application to this register or a nomination to it (minimised)."""
        rows, total = _applicants(slug, query)
        return page_body(rows, total, query)


@blp.route("/districts/<slug>/applicants.csv")
class ApplicantsCsv(MethodView):
    @requires(*DISTRICT_READERS)
    @own_district
    @blp.arguments(ApplicantsQuery, location="query")
    @blp.response(200, content_type="text/csv")
    def get(self, query: dict, slug: str) -> Response:
        """The same minimised view as CSV; cells that a spreadsheet would run are made inert."""
        body = exports.to_csv(_applicants(slug, query)[0])
        return Response(body, mimetype="text/csv", headers=_attachment(f"{slug}-applicants.csv"))


@blp.route("/districts/<slug>/applicants.xlsx")
class ApplicantsXlsx(MethodView):
    @requires(*DISTRICT_READERS)
    @own_district
    @blp.arguments(ApplicantsQuery, location="query")
    @blp.response(200, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    def get(self, query: dict, slug: str) -> Response:
        """The same minimised view as an Excel workbook."""
        body = exports.to_xlsx(_applicants(slug, query)[0])
        return Response(
            body,
            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers=_attachment(f"{slug}-applicants.xlsx"),
        )


@blp.route("/districts/<slug>/nominations")
class Nominations(MethodView):
    @requires(*DISTRICT_READERS)
    @own_district
    @blp.arguments(NominationsQuery, location="query")
    @blp.response(200, page_of(NominationSchema))
    def get(self, query: dict, slug: str) -> dict:
        """Nominations to this district's register, oldest first; each young person shown is audited."""
        applicants_view.district_or_404(db(), slug)
        shown, total = nominations.shown(
            db(), actor(), slug, query.get("status"), page=query["page"], page_size=query["page_size"]
        )
        return page_body(shown, total, query)


@blp.route("/nominations/<nomination_id>/decision")
class Decision(MethodView):
    @requires(Role.DISTRICT_OFFICER)
    @decided_here
    @blp.arguments(DecisionSchema)
    @blp.response(200, NominationSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, nomination_id: str) -> Nomination:
        """Accept or decline (with a reason); declined frees the place and reopens the pathway. Final."""
        return nominations.decide(db(), actor(), nomination_id, body["decision"], body.get("reason"))


@blp.route("/districts/<slug>/vacancies")
class Vacancies(MethodView):
    takes_files = True  # multipart, not JSON: see httpkit/errors.py

    @requires(*DISTRICT_READERS)
    @own_district
    @blp.doc(requestBody=UPLOAD_BODY)
    @blp.response(201, VacanciesAddedSchema)
    @blp.alt_response(422, response="UNPROCESSABLE_ENTITY")
    def post(self, slug: str) -> dict:
        """Register vacancies from a council's CSV or XLSX (at most 5 MB): every row checked, all or nothing.

        Any problem is a 422 listing each as "line N, column NAME: reason" under `errors.files.file`,
        and nothing is written. Audited as one `import`.
        """
        applicants_view.district_or_404(db(), slug)

        def use(filename: str, content: bytes) -> dict:
            added = uploads.upload(actor(), slug, filename, content)
            return {"created": len(added), "options": added}

        return sent_file.taken(use, uploads.TOO_LARGE)


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}
