"""Current accommodation and its suitability: the county's SSDA903 return and its headline figure.

The county reports the share of care leavers in suitable accommodation by age (93 % of
18-21-year-olds in 2022/23, scrutiny report 2.13); the 903 team needs each young person's
accommodation code for the DfE return.
"""

from datetime import date
from typing import Any

from sqlalchemy import Row, Select, Subquery, and_, case, false, func, or_, select, true
from sqlalchemy.orm import Session

from housing import lifedates, ssda903
from housing.actors import Actor
from housing.db import transaction
from housing.models import Option, Placement, YoungPerson
from housing.services import audit
from housing.vocabulary import PlacementStatus, Route

AGE_BANDS = {"16 to 17": (16, 17), "18 to 21": (18, 21), "22 to 25": (22, 25)}
SOURCE_18_TO_21 = 93  # per cent suitable, 2022/23 (scrutiny report 2.13)


def _staying_put() -> Select:
    """Those living in Staying Put now (a current placement with a former foster carer)."""
    return (
        select(Placement.young_person_id, Placement.starts_on)
        .join(Option, Option.id == Placement.option_id)
        .where(Option.route == Route.STAYING_PUT, Placement.status == PlacementStatus.ACTIVE)
    )


def recorded(session: Session) -> list[tuple[Row, str, bool, date]]:
    """Each young person with a known accommodation (their id, reference and date of birth): its
    letter, suitability and date. Living in Staying Put (a current placement) is its own letter,
    suitable unless judged otherwise, whatever else was recorded (`_judged` says the same in
    SQL). Narrow rows, not records: the 903 return reads everyone."""
    staying_put = dict(session.execute(_staying_put()).all())
    people = select(
        YoungPerson.id,
        YoungPerson.reference,
        YoungPerson.date_of_birth,
        YoungPerson.accommodation_code,
        YoungPerson.accommodation_suitable,
        YoungPerson.accommodation_judged_on,
    ).order_by(YoungPerson.reference)
    out = []
    for person in session.execute(people):
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


def _judged() -> Subquery:
    """`recorded`'s rule as SQL, one row a young person: date of birth, whether the accommodation is
    known, and 1 if it is suitable (`tests/test_review_and_suitability_columns.py` holds the two
    together). Staying Put is one outer join, not a lookup per row."""
    staying = _staying_put().subquery()
    in_staying_put = staying.c.young_person_id.is_not(None)
    suitable = case(
        (in_staying_put, case((YoungPerson.accommodation_suitable == false(), 0), else_=1)),
        (YoungPerson.accommodation_suitable == true(), 1),
        else_=0,
    )
    return (
        select(YoungPerson.date_of_birth, suitable.label("suitable"))
        .outerjoin(staying, staying.c.young_person_id == YoungPerson.id)
        .where(or_(in_staying_put, YoungPerson.accommodation_code.is_not(None)))
        .subquery()
    )


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
    """Of those whose accommodation is judged, how many are in suitable accommodation, by age band:
    one query that counts, where every young person's record was read."""
    judged = _judged()
    sums = []
    for youngest, oldest in AGE_BANDS.values():
        in_band = and_(
            judged.c.date_of_birth <= lifedates.latest_born_aged(youngest, on),
            judged.c.date_of_birth > lifedates.latest_born_aged(oldest + 1, on),
        )
        sums += [func.sum(case((in_band, 1), else_=0)), func.sum(case((in_band, judged.c.suitable), else_=0))]
    with transaction(session):
        figures = session.execute(select(*sums).select_from(judged)).one()
    counts = {band: (figures[2 * n] or 0, figures[2 * n + 1] or 0) for n, band in enumerate(AGE_BANDS)}
    return [
        {"band": band, "judged": judged, "suitable": suitable,
         "percent": round(100 * suitable / judged) if judged else None}
        for band, (judged, suitable) in counts.items()
    ]  # fmt: skip
