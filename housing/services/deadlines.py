"""The 17½ deadlines: who in scope has no agreed pathway yet, soonest first, and how urgent each is."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.lifedates import add_months
from housing.models import YoungPerson
from housing.services import audit, matching_input

URGENT_DAYS = 90  # as the matcher counts the urgent


def urgency(deadline: date, today: date) -> str:
    """Overdue, within 90 days, within 6 months, or later."""
    if deadline < today:
        return "overdue"
    if (deadline - today).days <= URGENT_DAYS:
        return "within 90 days"
    if deadline <= add_months(today, 6):
        return "within 6 months"
    return "later"


@dataclass(frozen=True)
class Deadlines:
    people: list[YoungPerson]
    total: int
    counts: dict[str, int]


def deadlines(
    session: Session,
    actor: Actor,
    today: date,
    *,
    home_district: str | None = None,
    status: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> Deadlines:
    with transaction(session):
        people = [
            p
            for p in matching_input.in_scope(session, today, None)
            if (home_district is None or p.home_district == home_district)
            and (status is None or p.pathway_status == status)
        ]
        people.sort(key=lambda p: (p.pathway_deadline, p.reference))
        counts = dict.fromkeys(("overdue", "within 90 days", "within 6 months", "later"), 0)
        for p in people:
            counts[urgency(p.pathway_deadline, today)] += 1
        shown = people[(page - 1) * page_size : page * page_size]
        audit.record_views(session, actor, [p.id for p in shown], "deadlines page")
    return Deadlines(shown, len(people), counts)
