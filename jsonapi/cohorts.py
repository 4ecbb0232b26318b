"""House Project cohorts: coordinators and admins run them; housing officers may read."""

from flask.views import MethodView
from werkzeug.routing import BaseConverter

from housing.clock import today
from housing.models import Cohort
from housing.permissions import COHORT_READERS, COHORT_RUNNERS
from housing.reads import cohorts as cohort_reads
from housing.reads import reference
from housing.services import cohort_changes, cohorts, stage_moves
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.idempotency import idempotent
from httpkit.schemas import PageQuery, page_body, page_of, window
from httpkit.store import db
from jsonapi.schemas.cohorts import (
    CohortChangeSchema,
    CohortRequestSchema,
    CohortSchema,
    EnrolSchema,
    MemberSchema,
    MoveSchema,
    NextCohortSchema,
)

blp = Blueprint("cohorts", __name__, url_prefix="/api/v1/cohorts", description="House Project cohorts")


class CohortId(BaseConverter):
    """A cohort's id in a path: any segment but `next`, the suggested next cohort (`GET /cohorts/next`).

    Without it `PATCH /cohorts/next` reached the cohort "next" (a 404) and an unknown method there
    was allowed PATCH: `next` answers GET alone, and anything else is a 405 saying so."""

    regex = r"(?!next(?![^/]))[^/]+"


def cohort_id_schema(_converter: CohortId) -> dict:
    return {"type": "string"}


@blp.route("")
class Cohorts(MethodView):
    @requires(*COHORT_READERS)
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(CohortSchema))
    def get(self, query: dict) -> dict:
        """Every cohort (coordinators share them all), oldest first, with counts by stage."""
        found = cohort_reads.listed(db())
        shown = cohort_reads.present(db(), actor(), window(found, query), today())
        return page_body(shown, len(found), query)

    @requires(*COHORT_RUNNERS)
    @blp.arguments(CohortRequestSchema)
    @blp.response(201, CohortSchema)
    @blp.alt_response(409, response="CONFLICT")
    @idempotent(Cohort, lambda cohort_id: _presented(cohort_reads.get(db(), cohort_id)))
    def post(self, data: dict) -> dict:
        """Start a cohort; the service keeps one house_project option for it at the Crawley hub."""
        return _presented(cohorts.create(db(), actor(), data))


@blp.route("/next")
class NextCohort(MethodView):
    @requires(*COHORT_READERS)
    @blp.response(200, NextCohortSchema)
    def get(self) -> dict:
        """Six months after the latest cohort, and who would be eligible then."""
        return cohort_reads.next_cohort(db(), actor(), today())


@blp.route("/<cohort_id:cohort_id>")
class OneCohort(MethodView):
    @requires(*COHORT_READERS)
    @blp.response(200, CohortSchema)
    def get(self, cohort_id: str) -> dict:
        """A cohort, its option, its members with stage, days in stage and property, and its outcomes."""
        return _presented(cohort_reads.get(db(), cohort_id))

    @requires(*COHORT_RUNNERS)
    @exists(Cohort, "cohort_id")
    @blp.arguments(CohortChangeSchema)
    @blp.response(200, CohortSchema)
    @blp.alt_response(409, response="CONFLICT")
    def patch(self, changes: dict, cohort_id: str) -> dict:
        """Change its name, places or districts (the pages' change, one use case).

        Every problem of the body at once is a 422 (as on a create: a district unknown, none, more than
        seven; places from 1 to 50); a name another cohort has, or fewer places than young people in
        it, is a 409. Its house_project option follows (its places and name). Audited with the old and
        new values.
        """
        return _presented(cohort_changes.change(db(), actor(), cohort_id, changes))


@blp.route("/<cohort_id>/close")
class CloseCohort(MethodView):
    @requires(*COHORT_RUNNERS)
    @exists(Cohort, "cohort_id")
    @blp.response(200, CohortSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, cohort_id: str) -> dict:
        """Close it to new members from today (the pages' close, one use case): no one may join it, by
        hand or by an accepted proposal, and its places are offered no more (its option ends
        yesterday); members in it carry on to their homes. A closed cohort is a 409, naming the day."""
        return _presented(cohort_changes.close(db(), actor(), cohort_id, today()))


@blp.route("/<cohort_id>/members")
class Members(MethodView):
    @requires(*COHORT_RUNNERS)
    @exists(Cohort, "cohort_id")
    @blp.arguments(EnrolSchema)
    @blp.response(201, MemberSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, cohort_id: str) -> dict:
        """Enrol (409 when full or in another active cohort; 422 when the AGE or IMMIGRATION rule fails)."""
        member = cohorts.enrol(db(), actor(), cohort_id, body["young_person"], today())
        return cohort_reads.member_view(member, today(), reference.district_of_places(db()))


@blp.route("/<cohort_id>/members/<young_person_id>")
class Member(MethodView):
    @requires(*COHORT_RUNNERS)
    @exists(Cohort, "cohort_id")
    @blp.arguments(MoveSchema)
    @blp.response(200, MemberSchema)
    def patch(self, changes: dict, cohort_id: str, young_person_id: str) -> dict:
        """Move a member on one stage (422 naming the allowed next stages otherwise); record a property."""
        member = cohorts.move(db(), actor(), cohort_id, young_person_id, changes=changes, today=today())
        return cohort_reads.member_view(member, today(), reference.district_of_places(db()))


@blp.route("/<cohort_id>/members/<young_person_id>/undo")
class UndoMove(MethodView):
    @requires(*COHORT_RUNNERS)
    @exists(Cohort, "cohort_id")
    @blp.response(200, MemberSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, cohort_id: str, young_person_id: str) -> dict:
        """Undo the member's last stage move, on the day it was recorded (409 otherwise): what it did
        is taken back (a moved-in placement removed; a withdrawn member's place taken again)."""
        member = stage_moves.undo(db(), actor(), cohort_id, young_person_id, today())
        return cohort_reads.member_view(member, today(), reference.district_of_places(db()))


def _presented(cohort: Cohort) -> dict:
    return cohort_reads.present(db(), actor(), [cohort], today())[0]
