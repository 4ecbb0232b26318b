"""The success banner after a decision: what happened, and what comes next."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.models import Cohort, District, Option, Proposal, YoungPerson
from housing.vocabulary import ProposalStatus, Route
from web.words import option_name


def _names(session: Session, proposal: Proposal) -> tuple[str, Option, dict[str, str]]:
    person = session.get(YoungPerson, proposal.young_person_id)
    option = session.get(Option, proposal.option_id)
    districts = dict(session.execute(select(District.slug, District.name)).all())
    return f"{person.given_name} {person.family_name}", option, districts


def accepted(session: Session, proposal: Proposal) -> str:
    who, option, districts = _names(session, proposal)
    place = option_name(option, districts)
    if proposal.route == Route.REGISTER_VACANCY:
        council = f"{districts[option.district]} council" if option.district in districts else "the council"
        return (
            f"Nomination sent to {council} for {who}: {place}. The place is held for them while the "
            "council decides; you will see its decision on their record."
        )
    if proposal.route == Route.HOUSE_PROJECT:
        cohort = session.scalar(select(Cohort).where(Cohort.option_id == option.id))
        return (
            f"{who} has a place in the House Project ({cohort.name if cohort else place}): one cohort place "
            "taken. Their pathway is in progress; the House Project coordinators take it from here."
        )
    if proposal.status != ProposalStatus.ACCEPTED:
        return f"Nothing changed for {who}."
    return (
        f"Pathway agreed for {who}: {place}. The place is taken for them; "
        "tell them and the provider, and plan the move."
    )


def rejected(session: Session, proposal: Proposal) -> str:
    who, option, districts = _names(session, proposal)
    return (
        f"Proposal rejected for {who}: {option_name(option, districts)} will not be proposed to them "
        "again. Run the matcher for them to look for another place."
    )
