"""The Setting Up Home Allowance on a young person's record: granted, spent and the day it was granted.

Money a young person was given is theirs to know and the officers' to keep: only officers read or
record it (housing.permissions.OFFICERS), never a council, a commissioner or their own view, and every
view and change is written to the audit trail on their record, a change naming what changed in words.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from housing import audit_words, money
from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import FieldErrors
from housing.models import SettingUpHome, YoungPerson
from housing.services import audit

WORDS = {"granted": "amount granted", "spent": "amount spent", "granted_on": "date granted"}


@dataclass(frozen=True)
class Allowance:
    """What the record holds; the amounts are None until one is recorded."""

    young_person: str
    name: str
    granted: int | None
    spent: int | None
    granted_on: date | None

    @property
    def remaining(self) -> int | None:
        return None if self.granted is None or self.spent is None else self.granted - self.spent


def view(session: Session, actor: Actor, young_person_id: str) -> Allowance:
    """The allowance as recorded (an audited view of their record); 404 for an unknown young person."""
    with transaction(session):
        person = found(session, YoungPerson, young_person_id, "young person")
        held = session.get(SettingUpHome, person.id)
        audit.record_views(session, actor, [person.id], "viewed the Setting Up Home Allowance")
    return _allowance(person, held)


def record(
    session: Session, actor: Actor, young_person_id: str, data: dict[str, Any], today: date
) -> Allowance:
    """Record or change the allowance: every rule checked first, one audit entry naming what changed."""
    with transaction(session):
        person = found(session, YoungPerson, young_person_id, "young person")
        errors = FieldErrors()
        problems = money.allowance_problems(data["granted"], data["spent"], data["granted_on"], today,
                                            person.date_of_birth)  # fmt: skip
        for field, reason in problems:
            errors.add((field,), reason)
        errors.raise_any()
        held = session.get(SettingUpHome, person.id)
        before = {field: getattr(held, field) for field in WORDS} if held else None
        if held is None:
            held = SettingUpHome(young_person_id=person.id)
            session.add(held)
        for field in WORDS:
            setattr(held, field, data[field])
        detail = _changed(before, data)
        if detail:
            audit.record(session, actor, "update" if before else "create", person.id, detail)
    return _allowance(person, held)


def _changed(before: dict[str, Any] | None, after: dict[str, Any]) -> str | None:
    """In words: "Setting Up Home Allowance: amount spent from £1,200 to £2,000"; None if nothing changed."""
    if before is None:
        return (f"Setting Up Home Allowance recorded: {money.pounds(after['granted'])} granted on "
                f"{audit_words.day(after['granted_on'])}, {money.pounds(after['spent'])} spent")  # fmt: skip
    changes = [
        f"{WORDS[field]} from {_said(before[field])} to {_said(after[field])}"
        for field in WORDS
        if before[field] != after[field]
    ]
    return "Setting Up Home Allowance: " + ", ".join(changes) if changes else None


def _said(value: int | date) -> str:
    return audit_words.day(value) if isinstance(value, date) else money.pounds(value)


def _allowance(person: YoungPerson, held: SettingUpHome | None) -> Allowance:
    name = f"{person.given_name} {person.family_name}"
    if held is None:
        return Allowance(person.id, name, None, None, None)
    return Allowance(person.id, name, held.granted, held.spent, held.granted_on)
