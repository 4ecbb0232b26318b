"""Current accommodation and its suitability: the county's SSDA903 return and its headline figure.

The county reports the share of care leavers in suitable accommodation by age (93 % of
18-21-year-olds in 2022/23, scrutiny report 2.13); the 903 team needs each young person's
accommodation code for the DfE return.
"""

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import lifedates, ssda903
from housing.actors import Actor
from housing.db import transaction
from housing.models import Option, Placement, YoungPerson
from housing.services import audit
from housing.vocabulary import PlacementStatus, Route

AGE_BANDS = {"16 to 17": (16, 17), "18 to 21": (18, 21), "22 to 25": (22, 25)}
SOURCE_18_TO_21 = 93  # per cent suitable, 2022/23 (scrutiny report 2.13)


def recorded(session: Session) -> list[tuple[YoungPerson, str, bool, date]]:
    """Each young person with a known accommodation: its letter, suitability and date. Living in
    Staying Put (a current placement) is its own letter, whatever else was recorded."""
    staying_put = dict(
        session.execute(
            select(Placement.young_person_id, Placement.starts_on)
            .join(Option, Option.id == Placement.option_id)
            .where(Option.route == Route.STAYING_PUT, Placement.status == PlacementStatus.ACTIVE)
        ).all()
    )
    out = []
    for person in session.scalars(select(YoungPerson).order_by(YoungPerson.reference)):
        if person.id in staying_put:
            suitable = person.accommodation_suitable is not False
            out.append(
                (
                    person,
                    ssda903.STAYING_PUT,
                    suitable,
                    person.accommodation_judged_on or staying_put[person.id],
                )
            )
        elif person.accommodation_code is not None:
            out.append((person, person.accommodation_code, bool(person.accommodation_suitable),
                        person.accommodation_judged_on))  # fmt: skip
    return out


def export(session: Session, actor: Actor, on: date) -> list[dict[str, Any]]:
    """The rows of the SSDA903 accommodation return on `on`: reference, date, ACCOM code."""
    with transaction(session):
        rows = [
            (
                person,
                {"reference": person.reference, "date": judged_on, "accom": ssda903.code(letter, suitable)},
            )
            for person, letter, suitable, judged_on in recorded(session)
            if ssda903.reported(person.date_of_birth, letter, on)
        ]
        audit.record_views(
            session, actor, [person.id for person, _ in rows], "exported to the SSDA903 return"
        )
    return [row for _, row in rows]


def by_age_band(session: Session, on: date) -> list[dict[str, Any]]:
    """Of those whose accommodation is judged, how many are in suitable accommodation, by age band."""
    counts = {band: [0, 0] for band in AGE_BANDS}
    with transaction(session):
        for person, _letter, suitable, _judged_on in recorded(session):
            age = lifedates.age_on(person.date_of_birth, on)
            for band, (youngest, oldest) in AGE_BANDS.items():
                if youngest <= age <= oldest:
                    counts[band][0] += 1
                    counts[band][1] += suitable
    return [
        {"band": band, "judged": judged, "suitable": suitable,
         "percent": round(100 * suitable / judged) if judged else None}
        for band, (judged, suitable) in counts.items()
    ]  # fmt: skip
