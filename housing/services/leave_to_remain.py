"""Leave to remain granted to a UASC young person: three months' notice to leave block-contract housing.

ILACS 2023, 42: "when they are given leave to remain, those who are living in block contract
accommodation are given three months' notice to move". The county's commissioned supported
accommodation is its block contract: a placement there ends at the end of the notice, as a notice to
leave; a placement elsewhere continues; with no placement recorded, the move falls due then. The
matcher then serves them as anyone else, near their networks, and a run's explanation says why.
"""

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import lifedates
from housing.actors import Actor
from housing.models import Placement, YoungPerson
from housing.services import placement_ends
from housing.vocabulary import EndReason, Immigration, PlacementStatus, Route

NOTICE_MONTHS = 3
BLOCK_CONTRACT_ROUTES = (Route.SUPPORTED_ACCOMMODATION,)


def notice_ends_on(granted_on: date) -> date:
    return lifedates.add_months(granted_on, NOTICE_MONTHS)


def problem(immigration: str | None, granted_on: date | None, today: date) -> str | None:
    """Why a recorded grant of leave is not valid, or None."""
    if granted_on is None:
        return None
    if immigration != Immigration.LEAVE_GRANTED:
        return "only with immigration leave_granted"
    if granted_on > today:
        return "must not be in the future"
    return None


def on_grant(session: Session, actor: Actor, person: YoungPerson, today: date) -> None:
    """Inside the change that records the grant: end block-contract housing at the notice's end, or
    set the move date to it where no placement is recorded."""
    if not person.uasc or person.leave_granted_on is None:
        return
    notice_ends = notice_ends_on(person.leave_granted_on)
    current = session.scalar(
        select(Placement).where(
            Placement.young_person_id == person.id, Placement.status == PlacementStatus.ACTIVE
        )
    )
    if current is None:
        person.move_date = notice_ends
    elif current.option.route in BLOCK_CONTRACT_ROUTES:
        session.flush()
        ends_on = max(notice_ends, today, current.starts_on)
        placement_ends.end_in_session(
            session, actor, current, ends_on=ends_on, reason=EndReason.NOTICE_TO_LEAVE,
            note="leave to remain granted: three months' notice to leave block-contract housing",
        )  # fmt: skip
        session.refresh(person)


def explanations(people: list[YoungPerson]) -> dict[str, dict[str, Any]]:
    """What a run's explanation adds for a UASC young person granted leave to remain."""
    return {
        p.id: {
            "leave_to_remain": {
                "granted_on": p.leave_granted_on.isoformat(),
                "notice_ends_on": notice_ends_on(p.leave_granted_on).isoformat(),
                "why": "leave to remain granted: three months' notice to leave block-contract housing",
            }
        }
        for p in people
        if p.uasc and p.leave_granted_on is not None
    }
