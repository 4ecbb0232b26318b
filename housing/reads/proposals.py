"""A young person's proposals with "superseded" applied, and the names a decision's banner says."""

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.db import found
from housing.models import Cohort, Proposal, YoungPerson
from housing.reads import names, superseded


def get(session: Session, proposal_id: str) -> Proposal:
    return found(session, Proposal, proposal_id, "proposal")


def of_person(session: Session, young_person_id: str, *, order: Literal["decided", "made"]) -> list[Proposal]:
    """Every proposal made to them, each marked if overtaken since its run; in the order they were
    decided (their record) or made (their printed summary)."""
    by_person = Proposal.young_person_id == young_person_id
    ordered = Proposal.decided_at if order == "decided" else Proposal.id
    proposals = list(session.scalars(select(Proposal).where(by_person).order_by(ordered)))
    superseded.mark(session, proposals, by_person)
    return proposals


@dataclass(frozen=True)
class Named:
    """Who a decided proposal was for and where, by name: what its banner and check page say."""

    who: str
    option: names.NamedOption
    districts: dict[str, str]
    cohort: str | None  # the House Project cohort the option is, if it is one


def named(session: Session, proposal: Proposal) -> Named:
    person = found(session, YoungPerson, proposal.young_person_id, "young person")
    option = names.options_by_id(session, [proposal.option_id])[proposal.option_id]
    cohort = session.scalar(select(Cohort.name).where(Cohort.option_id == option.id))
    return Named(f"{person.given_name} {person.family_name}", option, names.district_names(session), cohort)
