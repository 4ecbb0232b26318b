"""Young people brought in from the county's case system: every row checked, then all or nothing.

The faces (the import page, `POST /api/v1/imports/young-people`, `flask import young-people`) read
the file into rows of record fields; here each row meets the rules a record keeps (a known place
and district, a date of birth in range, a valid accommodation code, leave to remain with its
status), two rows for one reference are refused, and the rows are written in one transaction.
A reference already held updates that record (only the columns the file has), so a report run
again brings nothing twice; each record created or changed is audited on its own.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing import leave_rules, rules, ssda903, text_rules
from housing.actors import Actor
from housing.db import transaction
from housing.errors import Conflict
from housing.models import YoungPerson
from housing.models.types import new_id
from housing.reads import reference
from housing.reads.names import district_names
from housing.services import audit, import_problems, leave_to_remain, record_changes
from housing.services.import_problems import Problem, Progress
from housing.vocabulary import Immigration

ACCOMMODATION = ("accommodation_code", "accommodation_suitable", "accommodation_judged_on")
CHUNK = 900  # references looked up a statement: under SQLite's 999 parameters
NEW_RECORD = {"immigration": Immigration.NOT_APPLICABLE, "avoid_places": [], "avoid_districts": []}


@dataclass(frozen=True)
class Outcome:
    """What an import did: records added, records changed, rows that matched a record already."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def checked(
    session: Session,
    rows: Sequence[tuple[int, dict[str, Any]]],
    problems: Sequence[Problem],
    today: date,
    progress: Progress = lambda _: None,
) -> list[dict[str, Any]]:
    """The rows' fields, their references normalised, or ImportRefused naming every problem."""
    with transaction(session):  # one short read; the rows are checked outside any transaction
        names = reference.Names(session)
        held = _held(session, [text_rules.reference_key(f["reference"]) for _, f in rows])
    seen: dict[str, int] = {}

    def check(line: int, read: dict[str, Any]) -> tuple[list[Problem], dict[str, Any]]:
        fields = read | {"reference": text_rules.normal_reference(read["reference"])}
        key = text_rules.reference_key(fields["reference"])
        wrong = [Problem(line, column, why) for column, why in _problems(fields, held.get(key), names, today)]
        if key in seen:
            wrong.append(Problem(line, "reference", f"the same reference as line {seen[key]}"))
        seen.setdefault(key, line)
        return wrong, fields

    return import_problems.every_row(rows, problems, check, progress)


Held = tuple[Immigration, date | None, str | None]  # what the rules need of a record already held


def _held(session: Session, keys: list[str]) -> dict[str, Held]:
    """The records already held for these references: their leave and accommodation letter."""
    held = {}
    query = select(YoungPerson.reference_key, YoungPerson.immigration, YoungPerson.leave_granted_on,
                   YoungPerson.accommodation_code)  # fmt: skip
    for start in range(0, len(keys), CHUNK):
        for key, *rest in session.execute(
            query.where(YoungPerson.reference_key.in_(keys[start : start + CHUNK]))
        ):
            held[key] = tuple(rest)
    return held


def _problems(
    fields: dict[str, Any],
    held: Held | None,
    names: reference.Names,
    today: date,
) -> list[tuple[str, str]]:
    wrong = []
    if not fields["reference"]:
        wrong.append(("reference", "enter the young person's reference"))
    if why := rules.date_of_birth_problem(fields["date_of_birth"], today):
        wrong.append(("date_of_birth", why))
    if fields["home_district"] not in names.districts:
        wrong.append(("home_district", "not one of the seven West Sussex districts and boroughs"))
    if fields["current_place"] not in names.places:
        wrong.append(("current_place", "not a place the service knows: see the list of places"))
    wrong += _accommodation_problems(fields, today)
    letter = fields.get("accommodation_code", held[2] if held else None)
    if why := ssda903.items_problem(fields.get("in_touch"), fields.get("activity"), letter):
        wrong.append(("in_touch", why))
    immigration, granted, _letter = held or (Immigration.NOT_APPLICABLE, None, None)
    immigration = fields.get("immigration", immigration)
    granted = fields.get("leave_granted_on", granted)
    found = leave_rules.leave_problems(immigration, granted, None, None, today)
    if "immigration" in found:  # a file's row names the grant, so the grant's column says why
        wrong.append(("leave_granted_on", "only with immigration leave_granted"))
    wrong += [(field, why) for field, why in found.items() if field != "immigration"]
    return wrong


def _accommodation_problems(fields: dict[str, Any], today: date) -> list[tuple[str, str]]:
    """Accommodation is recorded whole: its code, whether it is suitable, and when that was judged."""
    given = [column for column in ACCOMMODATION if column in fields]
    if not given:
        return []
    missing = [(column, "needed with the rest of the accommodation") for column in ACCOMMODATION
               if column not in fields]  # fmt: skip
    if missing:
        return missing
    wrong = []
    if why := ssda903.problem(fields["accommodation_code"], fields["accommodation_suitable"]):
        wrong.append(("accommodation_suitable", why))
    if fields["accommodation_judged_on"] > today:
        wrong.append(("accommodation_judged_on", "must not be in the future"))
    return wrong


def write(
    session: Session,
    actor: Actor,
    ready: Sequence[dict[str, Any]],
    today: date,
    progress: Progress = lambda _: None,
) -> Outcome:
    """Adds the new references and updates the known ones, in one transaction: all, or none."""
    outcome = Outcome()
    with transaction(session):
        keys = [text_rules.reference_key(fields["reference"]) for fields in ready]
        held: dict[str | None, YoungPerson] = {}
        for start in range(0, len(keys), CHUNK):
            query = select(YoungPerson).where(YoungPerson.reference_key.in_(keys[start : start + CHUNK]))
            held |= {person.reference_key: person for person in session.scalars(query)}
        try:
            for key, fields in import_problems.counted(list(zip(keys, ready, strict=True)), progress):
                _one(session, actor, person=held.get(key), fields=fields, today=today, outcome=outcome)
            session.flush()
        except IntegrityError as error:  # two imports racing for one new reference: the index refuses
            raise Conflict("another young person with one of these references was added meanwhile") from error
        audit.record(session, actor, "import", None, f"young people from a file: {len(ready)} rows")
    return outcome


def _one(
    session: Session,
    actor: Actor,
    *,
    person: YoungPerson | None,
    fields: dict[str, Any],
    today: date,
    outcome: Outcome,
) -> None:
    if person is None:
        person = YoungPerson(id=new_id(), **(NEW_RECORD | fields))
        session.add(person)
        audit.record(session, actor, "create", person.id, "created record from an imported file")
        outcome.created.append(person.id)
        granted = True
    else:
        changed = sorted(name for name, value in fields.items() if getattr(person, name) != value)
        if not changed:
            outcome.unchanged.append(person.id)
            return
        granted = "leave_granted_on" in changed
        said = _in_words(session, person, fields, changed)
        for name in changed:
            setattr(person, name, fields[name])
        audit.record(session, actor, "update", person.id, f"{said}, from an imported file")
        outcome.updated.append(person.id)
    if granted and person.leave_granted_on is not None:
        session.flush()
        leave_to_remain.on_grant(session, actor, person, today)


def _in_words(session: Session, person: YoungPerson, fields: dict[str, Any], changed: list[str]) -> str:
    """As a change on the page is written (`record_changes`): ordinary fields with their old and new
    values (a district by its name), sensitive ones named only; the file's other columns in words."""
    councils = district_names(session)
    before = {name: getattr(person, name) for name in changed}
    after = {name: fields[name] for name in changed}
    for side in (before, after):
        if side.get("home_district"):
            side["home_district"] = councils.get(side["home_district"], side["home_district"])
    said = [(record_changes.described(before, after) or "changed").removeprefix("changed ")]
    said += [
        f"{words.value(name)} from {words.value(before[name])} to {words.value(after[name])}"
        for name in changed
        if name not in record_changes.SENSITIVE and name not in record_changes.ORDINARY
    ]
    return "changed " + "; ".join(part for part in said if part != "changed")
