"""Housing options as the faces read them: one, or a page found by route, district, place or words,
each only as the actor's role may see them; a Staying Put offer names its young person, so showing
one is an audited view."""

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.clock import today
from housing.db import containing_each, transaction
from housing.models import Option
from housing.models.options import places_left as places_left_of
from housing.services import audit, placements
from housing.services.options import get
from housing.vocabulary import Role, Route


def view(session: Session, actor: Actor, option_id: str) -> Option:
    """One option; a Staying Put offer names its young person, so showing it is an audited view."""
    with transaction(session):
        option = get(session, actor, option_id)
        _audit_views(session, actor, [option])
    return option


def _audit_views(session: Session, actor: Actor, shown: list[Option]) -> None:
    named = sorted({o.young_person_id for o in shown if o.young_person_id})
    audit.record_views(session, actor, named, "staying_put option naming them")


def search(
    session: Session,
    actor: Actor,
    *,
    page: int,
    page_size: int,
    route: str | None = None,
    district: str | None = None,
    place: str | None = None,
    named: str | None = None,
    places_left: bool = False,
) -> tuple[list[Option], int]:
    """Options the actor may see, by route, district, place, words in their name or town (`named`),
    and only those with a place free today (`places_left`, judged day by day as a run would)."""
    query = visible(select(Option), actor)
    for column, value in ((Option.route, route), (Option.district, district), (Option.place, place)):
        if value is not None:
            query = query.where(column == value)
    query = query.where(*containing_each(Option.name + " " + Option.place, named))
    ordered = query.order_by(Option.route, Option.district, Option.name, Option.id)
    with transaction(session):
        if places_left:  # a hold later in time is judged per day, so the last filter is in Python
            open_today = Option.available_until.is_(None) | (Option.available_until >= today())
            candidates = ordered.where(Option.placed < Option.capacity, open_today)
            held = placements.held_meanwhile(session, today())
            free = [
                option_id
                for option_id, capacity, placed in session.execute(
                    candidates.with_only_columns(Option.id, Option.capacity, Option.placed)
                )
                if places_left_of(capacity, placed, held.get(option_id, 0)) > 0
            ]  # narrow rows: thousands of options are judged, one page of them is loaded
            total, shown = len(free), free[(page - 1) * page_size : page * page_size]
            loaded = {o.id: o for o in session.scalars(select(Option).where(Option.id.in_(shown)))}
            options = [loaded[option_id] for option_id in shown]
            for option in options:
                option.held_meanwhile = held.get(option.id, 0)
        else:
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            options = list(session.scalars(ordered.limit(page_size).offset((page - 1) * page_size)))
            placements.judge_on(session, options, today())  # remaining as of today, day by day
        _audit_views(session, actor, options)
    return options, total


def visible(query: Select[tuple[Option]], actor: Actor) -> Select[tuple[Option]]:
    """The options this actor may see: a council its own register's, a coordinator the House Projects."""
    if actor.role is Role.DISTRICT_OFFICER:
        return query.where(Option.route == Route.REGISTER_VACANCY, Option.district == actor.district)
    if actor.role is Role.HOUSE_PROJECT_COORDINATOR:
        return query.where(Option.route == Route.HOUSE_PROJECT)
    if actor.role is Role.COMMISSIONER:
        return query.where(Option.route != Route.STAYING_PUT)
    return query
