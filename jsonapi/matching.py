"""Matching runs and the decisions on their proposals (housing officers and admins)."""

from flask import current_app
from flask.views import MethodView

from housing.clock import today
from housing.models import MatchingRun, Proposal
from housing.permissions import CASE_READERS, OFFICERS
from housing.reads import run_listing, run_review
from housing.services import decisions, runs
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.idempotency import idempotent
from httpkit.schemas import PageQuery, page_body, page_of
from httpkit.store import db
from jsonapi.schemas.matching import (
    AcceptSchema,
    CandidatesSchema,
    ProposalSchema,
    RejectSchema,
    RunRequestSchema,
    RunSchema,
    RunSummarySchema,
)

blp = Blueprint("matching", __name__, url_prefix="/api/v1", description="Matching runs and proposals")


@blp.route("/matching/runs")
class Runs(MethodView):
    @requires(*CASE_READERS)
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(RunSummarySchema))
    def get(self, query: dict) -> dict:
        """The runs, newest first, each with its counts (decisions counted as they stand now)."""
        items, total = run_listing.newest(db(), page=query["page"], page_size=query["page_size"])
        return page_body(items, total, query)

    @requires(*OFFICERS)
    @blp.arguments(RunRequestSchema, required=False)  # every field has a default: no body is today, everyone
    @blp.response(201, RunSchema)
    @idempotent(MatchingRun, lambda run_id: run_review.view(db(), actor(), run_id))
    def post(self, body: dict) -> MatchingRun:
        """Run the matcher over everyone in scope (16-25, pathway not agreed) or the young people named."""
        return runs.run(
            db(),
            actor(),
            as_of=body.get("as_of") or today(),
            young_people=body.get("young_people"),
            reach_km=current_app.config["REACH_KM"],
        )


@blp.route("/matching/runs/<run_id>")
class OneRun(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, RunSchema)
    def get(self, run_id: str) -> MatchingRun:
        """A run as it was returned, with each proposal's current status (superseded if overtaken
        since); everyone in it is audited."""
        return run_review.view(db(), actor(), run_id)


@blp.route("/matching/runs/<run_id>/candidates")
class Candidates(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, CandidatesSchema)
    def get(self, run_id: str) -> dict:
        """The exact problem the run solved, rebuilt from its snapshot, so anyone can re-solve it."""
        return run_review.candidates(db(), actor(), run_id)


@blp.route("/proposals/<proposal_id>/accept")
class Accept(MethodView):
    @requires(*OFFICERS)
    @exists(Proposal, "proposal_id")
    @blp.arguments(AcceptSchema, required=False)
    @blp.response(200, ProposalSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, _body: dict, proposal_id: str) -> Proposal:
        """Agree the pathway: the place is taken (409 if none remains or the pathway was agreed meanwhile)."""
        return decisions.accept(db(), actor(), proposal_id, today())


@blp.route("/proposals/<proposal_id>/reject")
class Reject(MethodView):
    @requires(*OFFICERS)
    @exists(Proposal, "proposal_id")
    @blp.arguments(RejectSchema)
    @blp.response(200, ProposalSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, proposal_id: str) -> Proposal:
        """Reject with a reason: the pair is never proposed again."""
        return decisions.reject(db(), actor(), proposal_id, body["reason"])
