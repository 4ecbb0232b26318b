"""Providers as the pages and the API read them: one, a page searched by name or Ofsted number, or
those a page of options names; each with the options naming it and their places, counted on the read
(not stored). No young person's data, so nothing is audited."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing.db import containing_each, found, transaction
from housing.models import Option, Provider
from housing.vocabulary import OfstedRating


@dataclass(frozen=True)
class Listed:
    id: str
    name: str
    ofsted_number: str
    rating: OfstedRating
    inspected_on: date | None
    options: int  # options naming this provider
    places: int  # their places


def get(session: Session, provider_id: str) -> Listed:
    with transaction(session):
        return _counted(session, [found(session, Provider, provider_id, "provider")])[0]


def search(session: Session, *, page: int, page_size: int, q: str | None = None) -> tuple[list[Listed], int]:
    """Providers by name, words in their name or Ofsted number, alphabetically."""
    query = select(Provider).where(*containing_each(Provider.name + " " + Provider.ofsted_number, q))
    with transaction(session):
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        shown = session.scalars(
            query.order_by(Provider.name, Provider.id).limit(page_size).offset((page - 1) * page_size)
        )
        return _counted(session, list(shown)), total


def by_id(session: Session, provider_ids: set[str]) -> dict[str, Listed]:
    """The providers a page of options names, read once."""
    with transaction(session):
        named = list(session.scalars(select(Provider).where(Provider.id.in_(provider_ids))))
        return {p.id: p for p in _counted(session, named)}


def names(session: Session) -> dict[str, str]:
    """Every provider's name by id, for a form's choice."""
    with transaction(session):
        return dict(session.execute(select(Provider.id, Provider.name).order_by(Provider.name)).all())


def _counted(session: Session, providers: list[Provider]) -> list[Listed]:
    """Each provider with the options naming it and their places, in one query for them all."""
    rows = session.execute(
        select(Option.provider_id, func.count(), func.sum(Option.capacity))
        .where(Option.provider_id.in_([p.id for p in providers]))
        .group_by(Option.provider_id)
    )
    counts = {provider: (int(options), int(places or 0)) for provider, options, places in rows}
    return [
        Listed(p.id, p.name, p.ofsted_number, p.rating, p.inspected_on, *counts.get(p.id, (0, 0)))
        for p in providers
    ]
