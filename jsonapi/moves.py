"""The county's side of a nomination (withdraw it; those awaiting councils) and the move's steps."""

from flask.views import MethodView

from housing.clock import today
from housing.models import MoveStep, Nomination, Proposal, YoungPerson
from housing.permissions import OFFICERS
from housing.reads import moves as move_reads
from housing.reads import nominations as nomination_reads
from housing.services import moves, nominations, undo
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.outgoing import send_emails
from httpkit.schemas import PageQuery, page_body, page_of
from httpkit.store import db
from jsonapi.schemas.matching import ProposalSchema
from jsonapi.schemas.moves import AwaitingQuery, MoveStepSchema, NominationSchema, WithdrawalSchema

blp = Blueprint("moves", __name__, url_prefix="/api/v1", description="Nominations followed, undo, and moves")


@blp.route("/nominations")
class Awaiting(MethodView):
    @requires(*OFFICERS)
    @blp.arguments(AwaitingQuery, location="query")
    @blp.response(200, page_of(NominationSchema))
    def get(self, query: dict) -> dict:
        """Nominations awaiting councils' decisions, oldest first; each young person listed is audited."""
        found, total = nomination_reads.awaiting(
            db(), actor(), district=query.get("district"), page=query["page"], page_size=query["page_size"]
        )
        return page_body(found, total, query)


@blp.route("/nominations/<nomination_id>/withdraw")
class Withdraw(MethodView):
    @requires(*OFFICERS)
    @exists(Nomination, "nomination_id")
    @blp.arguments(WithdrawalSchema)
    @blp.response(200, NominationSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, nomination_id: str) -> Nomination:
        """The county withdraws a pending nomination, with its reason: the place is freed, the pair
        excluded, the pathway back to in progress. 409 once the council has decided."""
        return nominations.withdraw(db(), actor(), nomination_id, body["reason"])


@blp.route("/proposals/<proposal_id>/undo")
class UndoAccept(MethodView):
    @requires(*OFFICERS)
    @exists(Proposal, "proposal_id")
    @blp.response(200, ProposalSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, proposal_id: str) -> Proposal:
        """Undo an accept (UNDO_ACCEPT): a register vacancy's while no one at the council has opened the
        nomination; another route's on the day it was made, before any step of the move. The proposal
        is open again; 409 saying why otherwise."""
        return undo.undo_accept(db(), actor(), proposal_id, today())


@blp.route("/young-people/<young_person_id>/move-steps")
class MoveSteps(MethodView):
    @requires(*OFFICERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(PageQuery, location="query")
    @blp.response(200, page_of(MoveStepSchema))
    def get(self, query: dict, young_person_id: str) -> dict:
        """The steps of their moves, oldest first (an audited view of the record)."""
        found = move_reads.shown(db(), actor(), young_person_id)
        start = (query["page"] - 1) * query["page_size"]
        return page_body(found[start : start + query["page_size"]], len(found), query)

    @requires(*OFFICERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(MoveStepSchema)
    @blp.response(201, MoveStepSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, body: dict, young_person_id: str) -> tuple[MoveStep, int]:
        """Record a step of the move after agreement. 409 when there is no move to record (pathway not
        agreed, nomination pending, a House Project place, or moved in already). A viewing may be set
        up to eight weeks ahead (VIEWING_AHEAD): the young person, if they have an account, is told
        the day (`viewing_set`); every other step is dated today or earlier."""
        step, told = moves.record(db(), actor(), young_person_id, body, today())
        send_emails(told)
        return step, 201
