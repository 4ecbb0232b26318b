"""A UASC young person's three housing plans, side by side, and which has become the plan (audited)."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import TriplePlan, YoungPerson
from housing.services import audit
from housing.vocabulary import SETTLED_IMMIGRATION, Immigration, ImmigrationOutcome, Route


@dataclass(frozen=True)
class Plan:
    outcome: ImmigrationOutcome
    route: Route | None  # None: not planned yet
    plan: str | None
    recorded_by: str | None
    recorded_at: datetime | None
    chosen_on: date | None


@dataclass(frozen=True)
class TriplePlanning:
    young_person: str
    name: str
    uasc: bool
    immigration: Immigration
    settled: bool  # no longer open to planning (leave granted, or not an immigration case)
    plans: list[Plan]  # one per outcome, in ImmigrationOutcome's order
    chosen: ImmigrationOutcome | None


def of(session: Session, actor: Actor, young_person_id: str) -> TriplePlanning:
    with transaction(session):
        person = session.get(YoungPerson, young_person_id)
        if person is None:
            raise NotFound(f"no young person with id {young_person_id}")
        found = {
            p.outcome: p
            for p in session.scalars(select(TriplePlan).where(TriplePlan.young_person_id == person.id))
        }
        audit.record_views(session, actor, [person.id], "viewed the three housing plans")
    plans = [
        Plan(outcome, p.route, p.plan, p.recorded_by, p.recorded_at, p.chosen_on) if (p := found.get(outcome))
        else Plan(outcome, None, None, None, None, None)
        for outcome in ImmigrationOutcome
    ]  # fmt: skip
    chosen = next((p.outcome for p in plans if p.chosen_on), None)
    settled = person.immigration in SETTLED_IMMIGRATION
    return TriplePlanning(person.id, f"{person.given_name} {person.family_name}", person.uasc,
                          Immigration(person.immigration), settled, plans, chosen)  # fmt: skip
