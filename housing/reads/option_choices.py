"""The options a planner may change in What if, each with just what its picker names it by.

Every option the planner may see but Staying Put (a young person's own home, never changed in a
scenario), in one query of narrow rows with its places left as of today: the picker needs all of
them, so nothing is paged.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.models import Option
from housing.models.options import places_left
from housing.reads.options import visible
from housing.services import placements
from housing.vocabulary import Route


@dataclass(frozen=True)
class Choice:
    id: str
    route: str
    name: str
    place: str
    district: str | None
    available_from: date
    weekly_cost: int | None
    remaining: int  # places left today (the CAPACITY rule)


def changeable(session: Session, actor: Actor, today: date) -> list[Choice]:
    """By route, district and name, as the options list orders them."""
    columns = (Option.id, Option.route, Option.name, Option.place, Option.district, Option.available_from,
               Option.weekly_cost, Option.capacity, Option.placed)  # fmt: skip
    query = (
        visible(select(Option), actor)
        .where(Option.route != Route.STAYING_PUT)
        .with_only_columns(*columns)
        .order_by(Option.route, Option.district, Option.name, Option.id)
    )
    with transaction(session):
        held = placements.held_meanwhile(session, today)
        rows = session.execute(query).all()
    return [
        Choice(*row[:7], remaining=places_left(row.capacity, row.placed, held.get(row.id, 0))) for row in rows
    ]
