"""POSSIBLE DUPLICATE, the one rule the pages and the API share (issue 30).

A new record is possibly someone already recorded when the given name, the family name (each as
typed, but for case and outer spaces) and the date of birth are all the same. The reference cannot
tell: a second referral under a new case reference is exactly how a duplicate arises. Only an
officer can say whether it is the same person, so the rule names the records, and the caller
refuses or records as its face decides.
"""

from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing.models import YoungPerson


class Match(NamedTuple):
    """A record the new one may duplicate: enough to open it and to say which it is."""

    id: str
    reference: str
    name: str


def possible_duplicates(
    session: Session, given_name: str, family_name: str, date_of_birth: date, *, besides: str | None = None
) -> list[Match]:
    """Records with this name and date of birth, by reference; `besides` (the new record) left out."""
    query = select(
        YoungPerson.id, YoungPerson.reference, YoungPerson.given_name, YoungPerson.family_name
    ).where(
        func.lower(func.trim(YoungPerson.given_name)) == given_name.strip().lower(),
        func.lower(func.trim(YoungPerson.family_name)) == family_name.strip().lower(),
        YoungPerson.date_of_birth == date_of_birth,
    )
    if besides is not None:
        query = query.where(YoungPerson.id != besides)
    return [
        Match(found, reference, f"{given} {family}")
        for found, reference, given, family in session.execute(query.order_by(YoungPerson.reference))
    ]


def references(matches: list[Match]) -> str:
    """ "WS-1001" or "WS-1001, WS-1002 and WS-1003": the records as an officer finds them."""
    said = [m.reference for m in matches]
    return said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"


def in_words(matches: list[Match]) -> str:
    """The warning, naming no one's name or date of birth (the one asking has them already)."""
    who = "A young person" if len(matches) == 1 else f"{len(matches)} young people"
    verb = "is" if len(matches) == 1 else "are"
    return f"{who} with this name and date of birth {verb} already recorded: {references(matches)}"
