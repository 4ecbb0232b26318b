"""Young people's records (housing officers and admins); every record shown is audited."""

from flask.views import MethodView

from housing.clock import today
from housing.models import Application, YoungPerson
from housing.permissions import CASE_READERS, OFFICERS
from housing.reads import applications as application_reads
from housing.reads import records
from housing.reads.record_values import Applied, Record
from housing.services import applications, young_people
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.idempotency import idempotent
from httpkit.schemas import PageQuery, page_body, page_of
from httpkit.store import db
from jsonapi.schemas.young_people import (
    ApplicationChangeSchema,
    ApplicationSchema,
    NewYoungPersonSchema,
    YoungPeopleQuery,
    YoungPersonPatchSchema,
    YoungPersonSchema,
)

blp = Blueprint("young_people", __name__, url_prefix="/api/v1/young-people", description="Young people")


class YoungPeopleListQuery(PageQuery, YoungPeopleQuery):
    pass


@blp.route("")
class YoungPeople(MethodView):
    @requires(*CASE_READERS)
    @blp.arguments(YoungPeopleListQuery, location="query")
    @blp.response(200, page_of(YoungPersonSchema))
    def get(self, query: dict) -> dict:
        """List young people, soonest 17½ deadline first, or with `order=due` by tier of what is due.

        Filters: deadline_before, status, home_district, due_before, age_min, age_max, q, and
        due_tier (repeatable: any of the tiers given).
        """
        people, total = records.search(db(), actor(), today(), **query)
        return page_body(people, total, query)

    @requires(*OFFICERS)
    @blp.arguments(NewYoungPersonSchema)
    @blp.response(201, NewYoungPersonSchema)
    @blp.alt_response(409, response="CONFLICT")
    @idempotent(YoungPerson, lambda person_id: records.view(db(), actor(), person_id, today()))
    def post(self, data: dict) -> YoungPerson:
        """Record a young person with their needs, local links and preferences.

        A possible duplicate (the same name and date of birth as a record kept) is recorded and named
        in `possible_duplicates`, or, with `"if_possible_duplicate": "refuse"`, a 409 naming the
        records by reference, nothing written.
        """
        mode = data.pop("if_possible_duplicate")
        return young_people.create(db(), actor(), data, today(), if_possible_duplicate=mode)


@blp.route("/<young_person_id>")
class OneYoungPerson(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, YoungPersonSchema)
    def get(self, young_person_id: str) -> Record:
        """One record; the view is written to the audit trail."""
        return records.view(db(), actor(), young_person_id, today())

    @requires(*OFFICERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(YoungPersonPatchSchema)
    @blp.response(200, YoungPersonSchema)
    @blp.alt_response(409, response="CONFLICT")
    def patch(self, changes: dict, young_person_id: str) -> YoungPerson:
        """Change any fields; `needs` merges field by field, `local_links` and `preferences` replace."""
        return young_people.update(db(), actor(), young_person_id, changes, today())


@blp.route("/<young_person_id>/applications")
class Applications(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, ApplicationSchema(many=True))
    def get(self, young_person_id: str) -> list[Applied]:
        """Every application of the young person, active and closed (an audited view)."""
        return application_reads.listed(db(), actor(), young_person_id)

    @requires(*OFFICERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(ApplicationSchema)
    @blp.response(201, ApplicationSchema)
    @blp.alt_response(409, response="CONFLICT")
    @idempotent(Application, lambda application_id: application_reads.view(db(), actor(), application_id))
    def post(self, data: dict, young_person_id: str) -> Application:
        """Apply to any of the seven district registers, in that district's own band."""
        return applications.apply(db(), actor(), young_person_id, data, today())


applications_blp = Blueprint(
    "applications", __name__, url_prefix="/api/v1/applications", description="Register applications"
)


@applications_blp.route("/<application_id>")
class OneApplication(MethodView):
    @requires(*OFFICERS)
    @exists(Application, "application_id")
    @applications_blp.arguments(ApplicationChangeSchema)
    @applications_blp.response(200, ApplicationSchema)
    @applications_blp.alt_response(409, response="CONFLICT")
    def patch(self, changes: dict, application_id: str) -> Application:
        """Re-band, close (status closed) or reopen an application."""
        return applications.change(db(), actor(), application_id, changes)
