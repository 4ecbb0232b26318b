"""Use cases for providers of supported accommodation and supported lodgings: recorded and changed
(`housing.reads.providers` lists and searches them). A provider is no young person's data, but who
changed the county's record of it is kept: each create and change is written to the audit trail,
naming the provider and what changed.

The PROVIDER_REGISTRATION rule (`problems`) is shared by the API's schema, the pages and the import:
an Ofsted number as Ofsted writes it, and a rating with its inspection's date (none before a first
inspection), not in the future.
"""

import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from housing import audit_words
from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Conflict, Invalid
from housing.models import Provider
from housing.services import audit
from housing.vocabulary import OfstedRating

# Ofsted's unique reference numbers: six or seven digits, children's social care ones led by SC.
OFSTED_NUMBER = re.compile(r"^(SC)?\d{6,7}$")
RATING_WORDS = {
    OfstedRating.OUTSTANDING: "Outstanding",
    OfstedRating.GOOD: "Good",
    OfstedRating.REQUIRES_IMPROVEMENT: "Requires improvement",
    OfstedRating.INADEQUATE: "Inadequate",
    OfstedRating.NOT_YET_INSPECTED: "Not yet inspected",
}
WORDS = {
    "name": "name",
    "ofsted_number": "Ofsted number",
    "rating": "rating",
    "inspected_on": "date inspected",
}


def ofsted_number(text: str) -> str:
    """As Ofsted writes it: capitals, no spaces ("sc 123456" is SC123456)."""
    return "".join(text.split()).upper()


def problems(values: Mapping[str, Any], today: date, together: bool = True) -> Iterator[tuple[str, str]]:
    """The PROVIDER_REGISTRATION rule on whichever fields are there: (field, reason) pairs; a rating
    and its date judged `together` unless a change sends one alone (then against the record)."""
    number = values.get("ofsted_number")
    if isinstance(number, str) and not OFSTED_NUMBER.match(ofsted_number(number)):
        yield "ofsted_number", "must be Ofsted's reference number: 6 or 7 digits, or SC and 6 digits"
    rating, inspected_on = values.get("rating"), values.get("inspected_on")
    if together:
        if rating == OfstedRating.NOT_YET_INSPECTED and inspected_on is not None:
            yield "inspected_on", "must be left empty for a provider not yet inspected"
        elif rating is not None and rating != OfstedRating.NOT_YET_INSPECTED and inspected_on is None:
            yield "inspected_on", "must be given with a rating: the date of the inspection that gave it"
    if isinstance(inspected_on, date) and inspected_on > today:
        yield "inspected_on", "must not be in the future"


def create(session: Session, actor: Actor, data: dict[str, Any]) -> Provider:
    with transaction(session):
        provider = Provider(**(data | {"ofsted_number": ofsted_number(data["ofsted_number"])}))
        _taken(session, provider.ofsted_number, None)
        session.add(provider)
        flush_or_conflict(session)
        audit.record(session, actor, "create", None, f"provider {provider.name} ({provider.ofsted_number})")
    return provider


def update(
    session: Session, actor: Actor, provider_id: str, changes: dict[str, Any], today: date
) -> Provider:
    """Any fields; a rating and its date are judged together, as the record will hold them."""
    with transaction(session):
        provider = found(session, Provider, provider_id, "provider")
        if "ofsted_number" in changes:
            changes = changes | {"ofsted_number": ofsted_number(changes["ofsted_number"])}
            _taken(session, changes["ofsted_number"], provider.id)
        after = {field: changes.get(field, getattr(provider, field)) for field in WORDS}
        said = dict(problems({"rating": after["rating"], "inspected_on": after["inspected_on"]}, today))
        if said:
            raise Invalid({field: [reason] for field, reason in said.items()})
        changed = [
            f"{WORDS[field]} from {audit_words.value(getattr(provider, field))} to {audit_words.value(value)}"
            for field, value in after.items()
            if getattr(provider, field) != value
        ]
        for field, value in after.items():
            setattr(provider, field, value)
        flush_or_conflict(session)
        if changed:
            audit.record(session, actor, "update", None, f"provider {provider.name}: {', '.join(changed)}")
    return provider


def _taken(session: Session, number: str, own_id: str | None) -> None:
    held = session.scalar(select(Provider.id).where(Provider.ofsted_number == number))
    if held is not None and held != own_id:
        raise Conflict(f"another provider is registered with Ofsted number {number}")


def flush_or_conflict(session: Session) -> None:
    """A unique Ofsted number taken by a concurrent write is the same conflict as one taken before."""
    try:
        session.flush()
    except IntegrityError as error:
        raise Conflict("another provider was registered with this Ofsted number meanwhile") from error
