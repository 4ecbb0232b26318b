"""A young person as a row of Who is due shows them: named, with what is due today and the placement
ends that say why a move cannot wait; read in three narrow queries a page."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.due import Due
from housing.models import Placement, YoungPerson
from housing.reads.young_people import standing
from housing.vocabulary import DueTier, EndReason, PathwayStatus


@dataclass(frozen=True)
class Ending:
    """A placement with an end recorded: one ending on their move date is why the move cannot wait."""

    ends_on: date
    end_reason: EndReason


@dataclass(frozen=True)
class Listed:
    id: str
    reference: str
    given_name: str
    family_name: str
    date_of_birth: date
    home_district: str
    pathway_status: PathwayStatus
    move_date: date | None
    custody_release_date: date | None
    due_now: Due | None
    due_tier: DueTier
    placements: tuple[Ending, ...]  # only those with an end recorded, as `web.words.why_move` reads them


_COLUMNS = (YoungPerson.id, YoungPerson.reference, YoungPerson.given_name, YoungPerson.family_name,
            YoungPerson.date_of_birth, YoungPerson.home_district, YoungPerson.pathway_status,
            YoungPerson.move_date, YoungPerson.custody_release_date)  # fmt: skip


def listed(session: Session, ids: list[str], today: date) -> dict[str, Listed]:
    """These young people's rows by id (an unknown id is absent)."""
    if not ids:
        return {}
    rows = list(session.execute(select(*_COLUMNS).where(YoungPerson.id.in_(ids))))
    dues = standing(session, rows, today)
    ended: dict[str, list[Ending]] = {}
    for person_id, ends_on, reason in session.execute(
        select(Placement.young_person_id, Placement.ends_on, Placement.end_reason).where(
            Placement.young_person_id.in_(ids),
            Placement.ends_on.is_not(None),
            Placement.end_reason.is_not(None),
        )
    ):
        ended.setdefault(person_id, []).append(Ending(ends_on, reason))
    return {row.id: Listed(*row, *dues[row.id], tuple(ended.get(row.id, ()))) for row in rows}
