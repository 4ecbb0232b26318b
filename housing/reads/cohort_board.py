"""What a coordinator's pages show of a cohort beyond the API's view: who may join it, and its outcomes."""

from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import Any

from sqlalchemy.orm import Session

from housing import due, eligibility
from housing.actors import Actor
from housing.db import transaction
from housing.models import Cohort, YoungPerson
from housing.reads import cohorts
from housing.reads.names import named_person
from housing.services import audit
from housing.vocabulary import Stage

STUCK_DAYS = 90  # a member this long in one stage needs a look


@dataclass(frozen=True)
class Wanted:
    """What a coordinator searched the young people who could join for; empty means everyone."""

    text: str = ""
    district: str = ""
    support_level: str = ""

    def fits(self, person: YoungPerson) -> bool:
        words = self.text.casefold().split()
        named = f"{person.given_name} {person.family_name} {person.reference}".casefold()
        return (
            all(word in named for word in words)
            and (not self.district or person.home_district == self.district)
            and (not self.support_level or person.support_level == self.support_level)
        )


def joinable(
    session: Session,
    actor: Actor,
    cohort: Cohort,
    today: date,
    *,
    page: int,
    page_size: int,
    wanted: Wanted | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Who could be enrolled in `cohort` today, soonest due first, narrowed to those `wanted`
    (a name or reference, a home district, a support level); each shown is an audited view."""
    with transaction(session):
        people = [
            p for p in eligibility.candidates(session, cohort.option, today) if (wanted or Wanted()).fits(p)
        ]
        shown = people[(page - 1) * page_size : page * page_size]
        audit.record_views(session, actor, [p.id for p in shown], f"eligible for cohort {cohort.name}")
        rows = [
            {
                "young_person": p.id,
                **named_person(p, today),
                "home_district": p.home_district,
                "due_on": _due(p, today),
            }
            for p in shown
        ]
    return rows, len(people)


def _due(person: Any, today: date) -> date | None:
    found = due.due_on(today, person.date_of_birth, person.move_date, person.custody_release_date)
    return found.on if found else None


def outcomes(cohort: Cohort) -> dict[str, Any]:
    """The county's figures (`cohorts.outcomes`), those still going, and the days from enrolment to a home."""
    members = cohort.members
    days = sorted((m.moved_in_on - m.enrolled_on).days for m in members if m.moved_in_on is not None)
    return cohorts.outcomes(cohort) | {
        "active": sum(m.stage not in (Stage.WITHDRAWN, Stage.GRADUATED) for m in members),
        "days_to_move_in": {
            "count": len(days),
            "median": round(median(days)) if days else None,
            "shortest": days[0] if days else None,
            "longest": days[-1] if days else None,
        },
    }
