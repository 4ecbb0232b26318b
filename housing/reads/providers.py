"""Providers as the pages and the API read them: one, a page searched by name or Ofsted number, the
options and places each runs, and their names by id. No young person's data, so nothing is audited."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing.db import found, transaction
from housing.models import Option, Provider


def get(session: Session, provider_id: str) -> Provider:
    with transaction(session):
        return found(session, Provider, provider_id, "provider")


def search(
    session: Session, *, page: int, page_size: int, q: str | None = None
) -> tuple[list[Provider], int]:
    """Providers by name, words in their name or Ofsted number, alphabetically."""
    query = select(Provider)
    for word in (q or "").split():
        literal = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where((Provider.name + " " + Provider.ofsted_number).ilike(f"%{literal}%", escape="\\"))
    with transaction(session):
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        shown = session.scalars(
            query.order_by(Provider.name, Provider.id).limit(page_size).offset((page - 1) * page_size)
        )
        return list(shown), total


def places_of(session: Session, provider_ids: list[str]) -> dict[str, tuple[int, int]]:
    """For each provider: the options naming it and their places."""
    with transaction(session):
        rows = session.execute(
            select(Option.provider_id, func.count(), func.sum(Option.capacity))
            .where(Option.provider_id.in_(provider_ids))
            .group_by(Option.provider_id)
        )
        return {provider: (int(options), int(places or 0)) for provider, options, places in rows}


def by_id(session: Session, provider_ids: set[str]) -> dict[str, Provider]:
    """The providers a page of options names, read once."""
    with transaction(session):
        return {p.id: p for p in session.scalars(select(Provider).where(Provider.id.in_(provider_ids)))}


def names(session: Session) -> dict[str, str]:
    """Every provider's name by id, for a form's choice."""
    with transaction(session):
        return dict(session.execute(select(Provider.id, Provider.name).order_by(Provider.name)).all())
