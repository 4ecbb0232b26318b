"""UASC triple planning (issue 31): while an unaccompanied young person's claim is open, their housing is
planned for each outcome (leave granted, refused, appeal rights exhausted), each with its route; when the
decision is recorded, the plan for that outcome becomes the plan.

Leave to remain recorded (`housing.services.leave_to_remain`) chooses the leave-granted plan; appeal
rights exhausted chooses its own. A refusal still open to appeal is not an immigration status the record
holds, so its plan stays a plan until one of the others is chosen. Each step is audited.
"""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing.actors import Actor
from housing.db import transaction
from housing.errors import Invalid, NotFound
from housing.models import TriplePlan, YoungPerson
from housing.services import audit
from housing.vocabulary import SETTLED_IMMIGRATION, Immigration, ImmigrationOutcome

# The immigration status recorded → the outcome whose plan it makes the plan.
CHOSEN_BY = {
    Immigration.LEAVE_GRANTED: ImmigrationOutcome.LEAVE_GRANTED,
    Immigration.APPEAL_RIGHTS_EXHAUSTED: ImmigrationOutcome.APPEAL_RIGHTS_EXHAUSTED,
}


def record(session: Session, actor: Actor, young_person_id: str, plans: list[dict[str, Any]]) -> None:
    """The three plans, replacing any before (each outcome once: the schema checks)."""
    with transaction(session):
        person = session.get(YoungPerson, young_person_id)
        if person is None:
            raise NotFound(f"no young person with id {young_person_id}")
        if person.immigration in SETTLED_IMMIGRATION:
            raise Invalid.field("plans", "only for a young person whose immigration is not settled")
        now = datetime.now(UTC)
        kept = {
            p.outcome: p
            for p in session.scalars(select(TriplePlan).where(TriplePlan.young_person_id == person.id))
        }
        for given in plans:
            found = kept.get(given["outcome"]) or TriplePlan(
                young_person_id=person.id, outcome=given["outcome"]
            )
            found.route, found.plan = given["route"], given["plan"].strip()
            found.recorded_by, found.recorded_at = actor.email, now
            session.add(found)
        audit.record(
            session, actor, "plan", person.id, "recorded the three housing plans (UASC triple planning)"
        )


def on_decision(session: Session, actor: Actor, person: YoungPerson, today: date) -> None:
    """Inside the change that records an immigration decision: its outcome's plan becomes the plan."""
    outcome = CHOSEN_BY.get(person.immigration)
    if outcome is None:
        return
    mine = TriplePlan.young_person_id == person.id
    chosen = session.scalar(select(TriplePlan).where(mine, TriplePlan.outcome == outcome))
    if chosen is None or chosen.chosen_on is not None:
        return
    session.execute(update(TriplePlan).where(mine).values(chosen_on=None))
    session.execute(update(TriplePlan).where(TriplePlan.id == chosen.id).values(chosen_on=today))
    audit.record(session, actor, "plan chosen", person.id,
                 f"the {words.value(outcome)} plan became the plan "
                 f"({words.value(chosen.route)})")  # fmt: skip
