"""The care leavers' items of the DfE's SSDA903 return (table OC3) for one collection year.

For each young person whose 17th to 21st birthday falls in the year (rule 391), with in touch
recorded, one row in the DfE's layout: CHILD (the case reference), DOB, IN_TOUCH, ACTIV, ACCOM.
Those with in touch not recorded are counted, so the 903 team knows whom the case system must
supply; Staying Put around a 17th birthday is left out and counted (rule 3001: it cannot be, so
the record needs a look). Read only: the download that shows the rows audits them
(`housing.services.care_leaver_return`).
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import ssda903
from housing.db import transaction
from housing.models import YoungPerson
from housing.reads.suitability import recorded

COLUMNS = ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM")


@dataclass(frozen=True)
class CareLeaverItems:
    """The year's rows (with whose they are), and the year's care leavers not in them, and why."""

    ending: int  # the year of the 31 March that ends the collection year
    rows: tuple[dict[str, str], ...]
    young_people: tuple[str, ...]  # the ids behind the rows, in the same order
    not_recorded: int
    staying_put_at_17: int


def for_year(session: Session, ending: int) -> CareLeaverItems:
    with transaction(session):
        return gather(session, ending)


def gather(session: Session, ending: int) -> CareLeaverItems:
    """Inside the caller's transaction (the download audits in the same one)."""
    accommodation = {person.id: (letter, suitable) for person, letter, suitable, _ in recorded(session)}
    rows, ids, not_recorded, at_17 = [], [], 0, 0
    for person in session.scalars(select(YoungPerson).order_by(YoungPerson.reference)):
        birthday = ssda903.birthday_in_year(person.date_of_birth, ending)
        if birthday is None:
            continue
        if person.in_touch is None:
            not_recorded += 1
            continue
        letter, suitable = accommodation.get(person.id, (None, None))
        if letter == ssda903.STAYING_PUT and birthday == min(ssda903.REPORTED_AGES):
            at_17 += 1
            continue
        items = ssda903.items(person.in_touch, person.activity, letter, suitable)
        rows.append({"CHILD": person.reference, "DOB": _day(person.date_of_birth), **items})
        ids.append(person.id)
    return CareLeaverItems(ending, tuple(rows), tuple(ids), not_recorded, at_17)


def _day(day: date) -> str:
    """Dates as the 903 files write them: day, month, year."""
    return day.strftime("%d/%m/%Y")
