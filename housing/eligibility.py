"""Who may join the House Project on a date: the matcher's AGE and IMMIGRATION rules, judged on one offer.

A refusal names no rule ("not eligible for the House Project on <date>"): a coordinator must not
learn a young person's immigration status from it (api-contract v1.1).
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from housing import due
from housing.errors import Invalid
from housing.models import CohortMember, Option, Place, YoungPerson
from housing.reads import matching_input, reference
from housing.vocabulary import ACTIVE_STAGES, HOUSE_PROJECT_HUB, PathwayStatus, Route, Stage
from matching import Problem
from matching.eligibility import broken

ENROLMENT_RULES = ("AGE", "IMMIGRATION")


class NotEligible(Invalid):
    def __init__(self, on: date) -> None:
        self.on = on
        reason = f"not eligible for the House Project on {on.isoformat()}"
        super().__init__({"young_person": [reason]}, f"young_person: {reason}")


def breaks_rules(places: dict[str, Place], offer: Option, person: YoungPerson, as_of: date) -> bool:
    young_person = matching_input.young_person(person, as_of, places, set())
    problem = Problem(
        as_of=as_of, young_people=(young_person,), options=(matching_input.option(offer, places),)
    )
    return bool(broken(problem, ENROLMENT_RULES))


def hub_offer(starts_on: date) -> Option:
    """The places a next cohort would offer, as the matcher would see them (never stored)."""
    return Option(
        route=Route.HOUSE_PROJECT, place=HOUSE_PROJECT_HUB, capacity=1, placed=0, available_from=starts_on,
        min_age=16, max_age=25, support_levels=["low", "medium", "high"], step_free=False, wheelchair=False,
        bedrooms=1, accepts_children=False,
    )  # fmt: skip


def candidates(session: Session, offer: Option, as_of: date) -> list[YoungPerson]:
    """Everyone who may join on `as_of`, soonest due first: not agreed, not in a cohort now, and not a
    graduate (the programme is done: what they need next is a home, not the course again)."""
    taken_part = (*ACTIVE_STAGES, Stage.GRADUATED)
    joined = select(CohortMember.young_person_id).where(CohortMember.stage.in_(taken_part))
    people = session.scalars(
        select(YoungPerson)
        .where(YoungPerson.pathway_status != PathwayStatus.AGREED, YoungPerson.id.not_in(joined))
        .options(selectinload(YoungPerson.local_links))
    )
    known = reference.places_by_name(session)  # once, not once per young person judged
    eligible = [p for p in people if not breaks_rules(known, offer, p, as_of)]
    return sorted(eligible, key=lambda p: (_due_on(p, as_of), p.reference))


def _due_on(person: YoungPerson, as_of: date) -> date:
    found = due.due_on(as_of, person.date_of_birth, person.move_date, person.custody_release_date)
    return found.on if found else date.max
