"""The success banner after a decision: what happened, and what comes next."""

from housing.models import Proposal
from housing.reads import proposals, sign_offs
from housing.reads.names import NamedOption
from housing.vocabulary import ProposalStatus, Route
from httpkit.store import db
from web.words import option_name


def _names(proposal: Proposal) -> tuple[str, NamedOption, dict[str, str]]:
    named = proposals.named(db(), proposal)
    return named.who, named.option, named.districts


def accepted(proposal: Proposal) -> str:
    named = proposals.named(db(), proposal)
    who, option, districts = named.who, named.option, named.districts
    place = option_name(option, districts)
    if proposal.status == ProposalStatus.ACCEPTED and proposal.route in sign_offs.routes_on(db()):
        held = (
            " The nomination is held until then: the council does not see it."
            if (proposal.route == Route.REGISTER_VACANCY)
            else ""
        )
        return (
            f"Pathway agreed for {who}: {place}, awaiting a team manager's sign-off. The place is held for "
            f"them meanwhile.{held}"
        )
    if proposal.route == Route.REGISTER_VACANCY:
        council = f"{districts[option.district]} council" if option.district in districts else "the council"
        return (
            f"Nomination sent to {council} for {who}: {place}. The place is held for them while the "
            "council decides; you will see its decision on their record."
        )
    if proposal.route == Route.HOUSE_PROJECT:
        return (
            f"{who} has a place in the House Project ({named.cohort or place}): one cohort place "
            "taken. Their pathway is in progress; the House Project coordinators take it from here."
        )
    if proposal.status != ProposalStatus.ACCEPTED:
        return f"Nothing changed for {who}."
    return (
        f"Pathway agreed for {who}: {place}. The place is taken for them; "
        "tell them and the provider, and plan the move."
    )


def what_will_happen(proposal: Proposal) -> list[str]:
    """The check page's "what happens next", in the future tense, route by route."""
    who, option, districts = _names(proposal)
    if proposal.route in sign_offs.routes_on(db()):
        return [
            f"Their pathway is agreed, awaiting a team manager's sign-off: {option_name(option, districts)} "
            f"is held for {who} meanwhile.",
            "A council home's nomination goes to the council only once a team manager signs it off."
            if proposal.route == Route.REGISTER_VACANCY
            else "If the team manager sends it back, with a reason, the place is freed and the proposal is "
            "open again.",
        ]
    if proposal.route == Route.REGISTER_VACANCY:
        council = _council(option, districts)
        return [
            f"A nomination is sent to {council}: {option_name(option, districts)} is held for {who} while "
            "the council decides.",
            f"You can undo this until someone at {council} opens the nomination; after that you can "
            "withdraw it, with a reason.",
            "If the council declines, the place is freed and the matcher looks again.",
        ]
    if proposal.route == Route.HOUSE_PROJECT:
        return [
            f"{who} is enrolled in the House Project: one cohort place is taken.",
            "Their pathway is in progress; the House Project coordinators take it from here.",
        ]
    return [
        f"Their pathway is agreed: {option_name(option, districts)} is taken for {who}.",
        "You can undo this today, until a step of the move is recorded.",
        "Then record the offer, the viewing, their answer and the day they move in on their record.",
    ]


def undo_window(proposal: Proposal) -> str:
    """How long the accept can still be undone, said beside the Undo button."""
    _who, option, districts = _names(proposal)
    if proposal.route == Route.REGISTER_VACANCY:
        return f"You can undo this until someone at {_council(option, districts)} opens the nomination."
    return "You can undo this today, until a step of the move is recorded."


def undone(proposal: Proposal) -> str:
    who, option, districts = _names(proposal)
    taken_back = (
        f"the nomination to {_council(option, districts)} is taken back before anyone there opened it"
        if proposal.route == Route.REGISTER_VACANCY
        else "the place is free again"
    )
    return f"Accept undone for {who}: {taken_back}. The proposal is open again; accept or reject it."


def _council(option: NamedOption, districts: dict[str, str]) -> str:
    return f"{districts[option.district]} council" if option.district in districts else "the council"


def rejected(proposal: Proposal) -> str:
    who, option, districts = _names(proposal)
    return (
        f"Proposal rejected for {who}: {option_name(option, districts)} will not be proposed to them "
        "again. Run the matcher for them to look for another place."
    )
