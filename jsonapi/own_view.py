"""The young person's own view (contract v1.2): their record and shared proposals, their answer;
and the officers' side of it: inviting them and sharing a proposal with them."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask.views import MethodView

from housing.clock import today
from housing.models import ChangeRequest, Proposal, YoungPerson
from housing.permissions import CASE_READERS, INVITERS, OFFICERS
from housing.reads import own_view as own_reads
from housing.reads import records
from housing.services import own_access, own_view
from housing.vocabulary import Role
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.outgoing import send_emails
from httpkit.schemas import PageQuery, page_body, page_of
from httpkit.store import db
from jsonapi.schemas.matching import ProposalSchema
from jsonapi.schemas.own_view import (
    AnsweredSchema,
    ChangeAskedSchema,
    ChangeRequestSchema,
    DealtWithSchema,
    InvitedSchema,
    InviteSchema,
    MeSchema,
    OwnChangeSchema,
    ShareBodySchema,
    ViewSchema,
)


def own_shared(view: Callable[..., Any]) -> Callable[..., Any]:
    """Another's proposal, or one not shared, is a 404 before the body is read (contract order)."""

    @wraps(view)
    def found(*args: Any, **kwargs: Any) -> Any:
        own_view.own_shared(db(), actor(), kwargs["proposal_id"])
        return view(*args, **kwargs)

    return found


blp = Blueprint("own_view", __name__, url_prefix="/api/v1", description="The young person's own view")


@blp.route("/me")
class Me(MethodView):
    @requires(Role.YOUNG_PERSON)
    @blp.response(200, MeSchema)
    def get(self) -> dict:
        """Your own record (no audit, notes or other people's data) and the open proposals shared
        with you. Audited as a view of your record."""
        person = records.view(db(), actor(), actor().young_person_id, today())
        return {"young_person": person, "proposals": [p for p in own_reads.shared(db(), actor()) if p.open]}


@blp.route("/me/changes")
class Changes(MethodView):
    @requires(Role.YOUNG_PERSON)
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(OwnChangeSchema))
    def get(self, query: dict) -> dict:
        """What you told your worker is wrong, newest first, and what they did about each (`done_at`
        and `done_note` once they have dealt with it). Audited as a view of your record."""
        found = own_view.changes_shown(db(), actor(), actor().young_person_id)
        return _page(found, query)

    @requires(Role.YOUNG_PERSON)
    @blp.arguments(ChangeAskedSchema)
    @blp.response(201, ChangeAskedSchema)
    def post(self, body: dict) -> ChangeRequest:
        """ "This is wrong": ask your worker to change part of your record (`about`: links | wishes |
        other), in your words. Your worker is told; `GET /me/changes` shows when they have dealt with it."""
        asked, told = own_view.ask_change(db(), actor(), body["about"], body["words"])
        send_emails(told)
        return asked


@blp.route("/proposals/<proposal_id>/view")
class View(MethodView):
    @requires(Role.YOUNG_PERSON)
    @own_shared
    @blp.arguments(ViewSchema)
    @blp.response(200, AnsweredSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, proposal_id: str) -> Proposal:
        """Your answer to a proposal shared with you: yes, no or not_sure, in your own words (another's
        proposal, or one not shared: 404). Your officer is told."""
        proposal, told = own_view.give_view(db(), actor(), proposal_id, body["view"].value, body.get("words"))
        send_emails(told)
        return proposal


@blp.route("/proposals/<proposal_id>/share")
class Share(MethodView):
    @requires(*INVITERS)
    @exists(Proposal, "proposal_id")
    @blp.arguments(ShareBodySchema, required=False)
    @blp.response(200, ProposalSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, _body: dict, proposal_id: str) -> Proposal:
        """Share an open proposal with its young person (audited); they are told if they have an
        account. Sharing again changes nothing; a decided or superseded proposal is a 409."""
        proposal, told = own_view.share(db(), actor(), proposal_id)
        send_emails(told)
        return proposal


@blp.route("/young-people/<young_person_id>/invite")
class Invite(MethodView):
    @requires(*INVITERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(InviteSchema)
    @blp.response(201, InvitedSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, young_person_id: str) -> dict:
        """Invite the young person to their own pages: a one-time sign-in link is emailed to them
        (audited). Their allocated housing support officer may, or any officer while none is; 409
        when the email is another account's."""
        invited = own_access.invite(db(), actor(), young_person_id, body["email"])
        send_emails([invited.notification_id])
        return {"email": invited.email}


@blp.route("/young-people/<young_person_id>/changes")
class ChangesAsked(MethodView):
    @requires(*CASE_READERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(ChangeRequestSchema))
    def get(self, query: dict, young_person_id: str) -> dict:
        """What the young person said is wrong on their record ("this is wrong" on their own pages),
        newest first, each dealt with or not. Audited as a view of the record."""
        return _page(own_view.changes_shown(db(), actor(), young_person_id), query)


@blp.route("/changes/<change_id>/done")
class DealtWith(MethodView):
    @requires(*OFFICERS)
    @exists(ChangeRequest, "change_id")
    @blp.arguments(DealtWithSchema)
    @blp.response(200, ChangeRequestSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, change_id: str) -> ChangeRequest:
        """Mark a young person's "this is wrong" as dealt with, with a short note of what was done
        (at most 500 characters), which they read on their own pages. Audited. Once: a second time
        is a 409 and the first note stands."""
        return own_view.deal_with(db(), actor(), change_id, body["note"])


def _page(found: list, query: dict) -> dict:
    start = (query["page"] - 1) * query["page_size"]
    return page_body(found[start : start + query["page_size"]], len(found), query)
