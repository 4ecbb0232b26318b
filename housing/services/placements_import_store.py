"""What the placements import's checks read of the store, in one short transaction: the young
people by reference, the options by id and name, who lives where, and who may not be moved by a file.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.db import transaction
from housing.models import CohortMember, Nomination, Option, Placement, SignOff, YoungPerson
from housing.vocabulary import (
    ACTIVE_STAGES,
    RETURNING_ROUTES,
    NominationStatus,
    PlacementStatus,
    Route,
    SignOffStatus,
)


@dataclass(frozen=True)
class OptionSeen:
    id: str
    name: str
    route: Route
    capacity: int
    available_until: date | None
    young_person_id: str | None  # a Staying Put offer's own young person
    carer_willing: bool | None


@dataclass(frozen=True)
class Current:
    """A young person's active placement, as the checks need it."""

    option_id: str
    starts_on: date
    returning: bool  # its place is free again once they leave (a supported route)


@dataclass
class Store:
    """What the checks read, in one short transaction."""

    people: dict[str, str]  # reference key → young person id
    options: dict[str, OptionSeen]  # id → option
    by_name: dict[str, list[str]]  # name, as `_name_key` → option ids
    current: dict[str, Current]  # young person id → active placement
    held_elsewhere: dict[str, str]  # young person id → why their placement cannot be replaced
    holds: dict[str, list[tuple[str, date, date | None]]]  # option id → (young person, start, held until)


def name_key(name: str) -> str:
    return " ".join(name.lower().split())


def read(session: Session) -> Store:
    with transaction(session):
        people = dict(session.execute(select(YoungPerson.reference_key, YoungPerson.id)).all())
        options, by_name = {}, defaultdict(list)
        for row in session.execute(
            select(Option.id, Option.name, Option.route, Option.capacity, Option.available_until,
                   Option.young_person_id, Option.carer_willing)
        ):  # fmt: skip
            options[row.id] = OptionSeen(*row)
            by_name[name_key(row.name)].append(row.id)
        current, holds = {}, defaultdict(list)
        for person, option_id, route, status, starts_on, held_until in session.execute(
            select(Placement.young_person_id, Placement.option_id, Option.route, Placement.status,
                   Placement.starts_on, Placement.held_until)
            .join(Option, Option.id == Placement.option_id)
        ):  # fmt: skip
            if status is PlacementStatus.ACTIVE:
                current[person] = Current(option_id, starts_on, route in RETURNING_ROUTES)
            holds[option_id].append((person, starts_on, held_until))
        return Store(people, options, by_name, current, held_elsewhere(session), holds)


def held_elsewhere(session: Session) -> dict[str, str]:
    """Young people whose home a file must not replace: a decision still awaited, or a cohort."""
    held = {}
    for person in session.scalars(
        select(CohortMember.young_person_id).where(CohortMember.stage.in_(ACTIVE_STAGES))
    ):
        held[person] = "an active member of a House Project cohort: their home comes through the cohort"
    for person in session.scalars(
        select(SignOff.young_person_id).where(SignOff.status == SignOffStatus.AWAITING)
    ):
        held[person] = "a decision on their home awaits a team manager's sign-off: wait for it first"
    for person in session.scalars(
        select(Nomination.young_person_id).where(Nomination.status == NominationStatus.PENDING)
    ):
        held[person] = "a council has not yet decided their nomination: wait for its decision first"
    return held
