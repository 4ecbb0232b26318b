"""Leave to remain granted to a UASC young person: three months' notice to leave block-contract housing.

ILACS 2023, 42: "when they are given leave to remain, those who are living in block contract
accommodation are given three months' notice to move". The notice is given to care leavers: a
young person still in care (under 18) is not told to leave, so their notice runs to their 18th
birthday when that is later (issue 30). The county's commissioned supported accommodation is its
block contract: a placement there ends at the end of the notice, as a notice to leave; a placement
elsewhere continues; with no placement recorded, the move falls due then, unless a move date
already recorded comes sooner. What the grant did is said in words and audited in its own entry.
The matcher then serves them as anyone else, near their networks, and a run's explanation says why.
The rules themselves (the notice, and what makes recorded leave valid) are `housing.leave_rules`.
"""

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import lifedates
from housing.actors import Actor
from housing.leave_rules import BLOCK_CONTRACT_ROUTES, NOTICE_MONTHS, notice_ends_on
from housing.models import Placement, YoungPerson
from housing.services import audit, placement_ends
from housing.vocabulary import EndReason, PlacementStatus

if TYPE_CHECKING:
    from housing.reads.matching_input import InScope


def on_grant(session: Session, actor: Actor, person: YoungPerson, today: date) -> str | None:
    """Inside the change that records the grant: end block-contract housing at the notice's end, or
    bring the move date forward to it where no placement is recorded. Returns what it did, in words
    (also written to the audit trail), or None when the grant changes nothing about where they live."""
    if not person.uasc or person.leave_granted_on is None:
        return None
    notice_ends = notice_ends_on(person.leave_granted_on, person.date_of_birth)
    in_care = notice_ends > lifedates.add_months(person.leave_granted_on, NOTICE_MONTHS)
    current = session.scalar(
        select(Placement).where(
            Placement.young_person_id == person.id, Placement.status == PlacementStatus.ACTIVE
        )
    )
    why = "still in care, so the notice runs to their 18th birthday: " if in_care else ""
    if current is None:
        if person.move_date is not None and person.move_date <= notice_ends:
            kept = _day(person.move_date)
            said = f"{why}no placement recorded; their move date, {kept}, comes first and is kept"
        else:
            before = f" (was {_day(person.move_date)})" if person.move_date else ""
            person.move_date = notice_ends
            set_to = f"{_day(notice_ends)}{before}"
            said = f"{why}no placement recorded; move date set to {set_to}, when the notice ends"
    elif current.option.route in BLOCK_CONTRACT_ROUTES:
        session.flush()
        ends_on = max(notice_ends, today, current.starts_on)
        placement_ends.end_in_session(
            session, actor, current, ends_on=ends_on, reason=EndReason.NOTICE_TO_LEAVE,
            note="leave to remain granted: three months' notice to leave block-contract housing",
        )  # fmt: skip
        session.refresh(person)
        said = f"{why}their block-contract placement at {current.option.name} ends on {_day(ends_on)}"
    else:
        return None
    audit.record(session, actor, "leave to remain", person.id, f"leave to remain granted: {said}")
    return said


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def explanations(people: Sequence["YoungPerson | InScope"]) -> dict[str, dict[str, Any]]:
    """What a run's explanation adds for a UASC young person granted leave to remain."""
    return {
        p.id: {
            "leave_to_remain": {
                "granted_on": p.leave_granted_on.isoformat(),
                "notice_ends_on": notice_ends_on(p.leave_granted_on, p.date_of_birth).isoformat(),
                "why": "leave to remain granted: three months' notice to leave block-contract housing",
            }
        }
        for p in people
        if p.uasc and p.leave_granted_on is not None
    }
