"""A young person's needs as a House Project coordinator may see them, to judge a home for them.

Only what finding and furnishing a home needs (api-contract, cohorts; README, roles): name, age,
support, access, children and bedrooms, home district and local links. Never the date of birth,
immigration detail, custody dates, health or their wishes in their own words.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from housing import due, eligibility, lifedates, rules
from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import Cohort, District, Place, YoungPerson
from housing.services import audit


@dataclass(frozen=True)
class Link:
    kind: str
    place: str
    district: str | None  # the district's name; None out of county
    importance: int


@dataclass(frozen=True)
class Needs:
    young_person: str
    reference: str
    name: str
    age: int
    home_district: str
    support_level: str
    step_free: bool
    wheelchair: bool
    children: int
    bedrooms: int
    due_on: date | None
    links: tuple[Link, ...]


def needs(session: Session, actor: Actor, cohort: Cohort, young_person_id: str, today: date) -> Needs:
    """The needs of a member of `cohort` or of someone who could join it (anyone else is not
    found: a coordinator has no business with them), the view audited in the same transaction."""
    with transaction(session):
        members = {member.young_person_id for member in cohort.members}
        could_join = {p.id for p in eligibility.candidates(session, cohort.option, today)}
        if young_person_id not in members | could_join:
            raise NotFound("no such member or young person who could join")
        return _read(session, actor, young_person_id, today)


def _read(session: Session, actor: Actor, young_person_id: str, today: date) -> Needs:
    person = session.scalars(
        select(YoungPerson)
        .where(YoungPerson.id == young_person_id)
        .options(selectinload(YoungPerson.local_links))
    ).one_or_none()
    if person is None:
        raise NotFound("no such young person")
    audit.record_views(session, actor, [person.id], "needs, for the House Project")
    districts = dict(session.execute(select(District.slug, District.name)).all())
    district_of = dict(session.execute(select(Place.name, Place.district)).all())
    found = due.due_on(today, person.date_of_birth, person.move_date)  # a release date is not theirs to know
    return Needs(
        young_person=person.id,
        reference=person.reference,
        name=f"{person.given_name} {person.family_name}",
        age=lifedates.age_on(person.date_of_birth, today),
        home_district=districts.get(person.home_district, person.home_district),
        support_level=str(person.support_level),
        step_free=person.step_free,
        wheelchair=person.wheelchair,
        children=person.children,
        bedrooms=rules.bedrooms_needed(person.children),
        due_on=found.on if found else None,
        links=tuple(
            Link(
                str(link.kind), link.place, districts.get(district_of.get(link.place) or ""), link.importance
            )
            for link in sorted(person.local_links, key=lambda link: link.position)
        ),
    )
