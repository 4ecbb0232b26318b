"""Who works the case (issue 31): allocated workers, personal advisers proposed from 16½, the team.

Team managers (contract v1.2) and admins allocate; officers and managers read. Advisers are staff the
service knows, not necessarily users. The caseload cap is the app's `ADVISER_CASELOAD_CAP`.
"""

from flask import Response, current_app
from flask.views import MethodView

from housing.clock import today
from housing.models import YoungPerson
from housing.permissions import CASE_READERS, MANAGERS
from housing.reads import team
from housing.services import adviser_proposals, workers
from housing.vocabulary import Role
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import PageQuery, page_body, page_of, window
from httpkit.store import db
from jsonapi.schemas.casework import (
    AdvisersAcceptedSchema,
    AdviserSchema,
    AllocatedSchema,
    AllocationSchema,
    AllocationsExportQuery,
    CaseworkAsOfQuery,
    FiguresSchema,
    ProposalsSchema,
    TeamSchema,
    WorkersSchema,
    allocations_csv,
    presented,
)
from jsonapi.schemas.young_people import YoungPersonSchema

blp = Blueprint("casework", __name__, url_prefix="/api/v1", description="Who works the case")


def cap() -> int:
    return current_app.config["ADVISER_CASELOAD_CAP"]


def adviser_body(adviser, caseload: int) -> dict:
    return {
        "id": adviser.id,
        "name": adviser.name,
        "base": adviser.base,
        "caseload": caseload,
        "cap": cap(),
        "room": max(cap() - caseload, 0),
    }


@blp.route("/advisers")
class Advisers(MethodView):
    @requires(*CASE_READERS)
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(AdviserSchema))
    def get(self, query: dict) -> dict:
        """Current personal advisers by name, each with their caseload, the cap and the room left."""
        found = [adviser_body(a, n) for a, n in team.advisers(db())]
        return page_body(window(found, query), len(found), query)

    @requires(*MANAGERS)
    @blp.arguments(AdviserSchema)
    @blp.response(201, AdviserSchema)
    def post(self, body: dict) -> dict:
        """Add a personal adviser the service should know (a member of staff, not necessarily a user)."""
        return adviser_body(workers.add_adviser(db(), actor(), body), 0)


@blp.route("/young-people/<young_person_id>/workers")
class Workers(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, WorkersSchema)
    def get(self, young_person_id: str) -> dict:
        """The allocated housing support officer and personal adviser, and every allocation (audited)."""
        found = workers.workers_of(db(), actor(), young_person_id)
        one = lambda a: presented(a) if a else None  # noqa: E731
        return {
            "housing_officer": one(found.housing_officer),
            "personal_adviser": one(found.personal_adviser),
            "history": [presented(a) for a in found.history],
        }

    @requires(*MANAGERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(AllocationSchema)
    @blp.response(201, AllocationSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, young_person_id: str) -> dict:
        """Allocate a worker; the current one of that kind ends on `starts_on`. An unknown worker is a 422;
        one already allocated, or an adviser whose caseload is at the cap, a 409."""
        return presented(workers.allocate(db(), actor(), young_person_id, body, today=today(), cap=cap()))


@blp.route("/adviser-proposals")
class AdviserProposals(MethodView):
    @requires(*MANAGERS)
    @blp.arguments(CaseworkAsOfQuery, location="query")
    @blp.response(200, ProposalsSchema)
    def get(self, query: dict) -> adviser_proposals.Proposals:
        """Advisers proposed for everyone reaching 16½ by the end of `as_of`'s month, and anyone over 16½
        (up to 25) without one: by locality and continuity, within the cap, nearest 17½ first when
        places are short. Nothing is written; each young person listed is an audited view."""
        return adviser_proposals.propose(db(), actor(), query["as_of"] or today(), cap())


@blp.route("/adviser-allocations")
class AdviserAllocations(MethodView):
    @requires(*MANAGERS)
    @blp.arguments(AdvisersAcceptedSchema)
    @blp.response(201, AllocatedSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict) -> dict:
        """Accept or change proposals: each pair allocates that adviser, all or none (a 409 names the
        adviser whose caseload would pass the cap)."""
        made = workers.allocate_advisers(db(), actor(), body["allocations"], today=today(), cap=cap())
        return {"items": [presented(a) for a in made]}


@blp.route("/exports/allocations.csv")
class AllocationsCsv(MethodView):
    @requires(*MANAGERS)
    @blp.arguments(AllocationsExportQuery, location="query")
    @blp.response(200, content_type="text/csv")
    def get(self, query: dict) -> Response:
        """Allocations made on or after `since`, for the county's case system (audited as views)."""
        rows = team.exported(db(), actor(), query["since"])
        body = allocations_csv([(row, presented(row["allocation"])) for row in rows])
        return Response(
            body,
            mimetype="text/csv",
            headers={"Content-Disposition": 'attachment; filename="allocations.csv"'},
        )


@blp.route("/adviser-figures")
class AdviserFigures(MethodView):
    @requires(*CASE_READERS)
    @blp.arguments(CaseworkAsOfQuery, location="query")
    @blp.response(200, FiguresSchema)
    def get(self, query: dict) -> dict:
        """The county's measures over today's 16- and 17-year-olds: an adviser by 16½ and by 17; caseloads."""
        found = adviser_proposals.figures(db(), query["as_of"] or today(), cap())
        return {
            "as_of": found.as_of,
            "cap": found.cap,
            "by_16_and_a_half": found.by_16_and_a_half,
            "by_17": found.by_17,
            "caseloads": [adviser_body(a, n) for a, n in found.caseloads],
        }


@blp.route("/my-young-people")
class MyYoungPeople(MethodView):
    @requires(Role.HOUSING_OFFICER)
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(YoungPersonSchema))
    def get(self, query: dict) -> dict:
        """The young people allocated to the signed-in housing support officer (audited)."""
        people, total = team.my_young_people(
            db(), actor(), today(), page=query["page"], page_size=query["page_size"]
        )
        return page_body(people, total, query)


@blp.route("/team")
class Team(MethodView):
    @requires(*MANAGERS)
    @blp.response(200, TeamSchema)
    def get(self) -> dict:
        """The team in counts: each officer's young people, those with no officer; advisers' caseloads."""
        found = team.team(db(), today(), cap())
        return {
            "cap": found.cap,
            "officers": [{"id": o.id, "email": o.email, "young_people": n} for o, n in found.officers],
            "without_officer": found.without_officer,
            "advisers": [adviser_body(a, n) for a, n in found.advisers],
            "without_adviser": found.without_adviser,
        }
