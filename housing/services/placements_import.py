"""Current placements brought in from the county's systems: where each young person lives now.

Each row names a young person by their case reference, the option they live in (by its id, or by
its name where only one option has it), the day they moved in and the route. Every row is checked
before anything is written (`checked`), then all rows are written in one transaction (`write`),
each placement left as accepting a proposal leaves one: the place taken (`options.placed`, and
every day from the start within the option's places), the pathway agreed on that option, and a
placement the young person lived in before ended the day the new one starts (its place free again
then, on a returning route). Sent again, a file changes nothing: a young person already placed
there from that day is left as they are; from another day, the start is moved.

What an accept does and an import does not: no nomination is made for a council's home (the young
person already lives there: the council decided long ago, so it counts nothing against the
council's commitment) and no team manager signs it off (it records what was decided, not a new
decision). House Project places are taken through their cohort, never from a file.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing import occupancy, text_rules
from housing.actors import Actor
from housing.db import transaction
from housing.errors import Conflict
from housing.models import Option, Placement, YoungPerson
from housing.models.types import new_id
from housing.services import audit, import_problems, placements, placements_import_store
from housing.services.import_problems import Problem, Progress
from housing.services.placements_import_store import OptionSeen, Store, name_key
from housing.services.young_people_import import Outcome
from housing.vocabulary import (
    PathwayStatus,
    PlacementStatus,
    Route,
)

NOT_FROM_A_FILE = Route.HOUSE_PROJECT  # its places are taken by joining the cohort
CHUNK = 900  # rows a statement: under SQLite's 999 parameters where each row is one


@dataclass(frozen=True)
class Ready:
    """A checked row: who, which option, from which day."""

    young_person_id: str
    option_id: str
    starts_on: date


def checked(
    session: Session,
    rows: list[tuple[int, dict[str, Any]]],
    problems: list[Problem],
    _today: date,
    progress: Progress = lambda _: None,
) -> list[Ready]:
    """The rows as placements ready to write, or ImportRefused naming every problem (capacity too:
    the file's placements together within each option's places on every day)."""
    store = placements_import_store.read(session)
    seen: dict[str, int] = {}
    accepted: list[Ready] = []
    lines: dict[str, list[int]] = defaultdict(list)  # option id → lines placing someone there

    def check(line: int, fields: dict[str, Any]) -> tuple[list[Problem], Ready | None]:
        person = store.people.get(text_rules.reference_key(fields["reference"]))
        wrong: list[tuple[str, str]] = []
        if person is None:
            wrong.append(
                ("reference", "no young person has this reference: import young people first, or check it")
            )
        elif person in seen:
            wrong.append(("reference", f"the same young person as line {seen[person]}"))
        elif person in store.held_elsewhere:
            wrong.append(("reference", store.held_elsewhere[person]))
        option, why = _option(store, fields["option"])
        if why:
            wrong.append(("option", why))
        if option is not None:
            wrong += _option_problems(option, person, fields)
        if person is not None:
            seen.setdefault(person, line)
        if wrong or person is None or option is None:
            return [Problem(line, column, reason) for column, reason in wrong], None
        lines[option.id].append(line)
        accepted.append(Ready(person, option.id, fields["starts_on"]))
        return [], accepted[-1]

    try:
        import_problems.every_row(rows, problems, check, progress)
        found = []
    except import_problems.ImportRefused as refused:
        found = refused.problems
    found += _capacity_problems(store, accepted, lines)  # the rows that were right, together
    if found:
        raise import_problems.ImportRefused(found)
    return accepted


def _option(store: Store, given: str) -> tuple[OptionSeen | None, str | None]:
    """The option a cell names: its id, or its name where no other option has that name."""
    if given in store.options:
        return store.options[given], None
    named = store.by_name.get(name_key(given), [])
    if len(named) == 1:
        return store.options[named[0]], None
    if named:
        return (
            None,
            f"{len(named)} options have this name: give the option's id (on its page's address) instead",
        )
    return None, "no option has this name or id: check it against the list of options"


def _option_problems(option: OptionSeen, person: str | None, fields: dict[str, Any]) -> list[tuple[str, str]]:
    wrong = []
    if option.route is NOT_FROM_A_FILE:
        wrong.append(("option", "a House Project place is taken by joining its cohort, not from a file"))
    elif fields["route"] != option.route:
        wrong.append(
            ("route", f"this option is {words.value(option.route)}, not {words.value(fields['route'])}")
        )
    if option.route is Route.STAYING_PUT and person is not None and option.young_person_id != person:
        wrong.append(("option", "this Staying Put offer is another young person's"))
    if option.route is Route.STAYING_PUT and option.carer_willing is False:
        wrong.append(("option", "the carer of this Staying Put offer is no longer willing"))
    if option.available_until is not None and fields["starts_on"] > option.available_until:
        wrong.append(("starts_on", f"after the option's last day ({words.day(option.available_until)})"))
    return wrong


def _capacity_problems(store: Store, ready: list[Ready], lines: dict[str, list[int]]) -> list[Problem]:
    """Each option's places on every day, with the file's placements as they will be written: the
    young people it moves leave their place the day their new one starts."""
    moving = {row.young_person_id: row for row in ready}
    coming: dict[str, list[Ready]] = defaultdict(list)
    for row in ready:
        coming[row.option_id].append(row)
    found = []
    for option_id, placed_lines in lines.items():
        option = store.options[option_id]
        holds: list[occupancy.Hold] = []
        for person, start, until in store.holds[option_id]:
            current = store.current.get(person)
            row = moving.get(person)
            if row is None or current is None or current.option_id != option_id or until is not None:
                holds.append((start, until))  # not theirs now, or not moved by the file
            elif row.option_id != option_id:  # they leave it: free from then on a returning route
                holds.append((start, max(row.starts_on, start) if current.returning else None))
        arriving = coming[option_id]
        holds += [(row.starts_on, None) for row in arriving]
        first = min(row.starts_on for row in arriving)
        peak = occupancy.peak_from(holds, first)
        if peak > option.capacity:
            why = (
                f"{option.name} has {option.capacity} place(s); with this file's placements it would hold "
                f"{peak} on one day: correct the file, or end a placement there first"
            )
            found += [Problem(line, "option", why) for line in placed_lines]
    return found


def write(
    session: Session,
    actor: Actor,
    ready: list[Ready],
    today: date,
    progress: Progress = lambda _: None,
) -> Outcome:
    """Every checked placement in one transaction: all of them, or none (a 409 if the store changed
    meanwhile so that one no longer fits). In bulk, as the checks judged them: those moving leave
    first, then each option's places are taken at once and its days checked once."""
    outcome, now = Outcome(), datetime.now(UTC)
    with transaction(session):
        active = session.scalars(select(Placement).where(Placement.status == PlacementStatus.ACTIVE))
        current = {p.young_person_id: p for p in active}
        touched = {row.option_id for row in ready}
        options = {o.id: o for o in session.scalars(select(Option).where(Option.id.in_(touched)))}
        agreed = _agree(session, ready, options, today)  # a pathway agreed where they live is a change too
        arriving: list[Ready] = []
        try:
            for row in import_problems.counted(ready, progress):
                held = current.get(row.young_person_id)
                if held is None or held.option_id != row.option_id:
                    if held is not None:  # they leave the day the new one starts, as after an accept
                        placements.move_on_from(session, actor, row.young_person_id, row.starts_on, now)
                    arriving.append(row)
                    continue
                if held.starts_on != row.starts_on:
                    placements.restart(session, held, row.starts_on)
                elif row.young_person_id not in agreed:
                    outcome.unchanged.append(held.id)
                    continue
                _audit(session, actor, "update", row, options[row.option_id])
                outcome.updated.append(held.id)
            outcome.created.extend(_arrive(session, actor, arriving, options, now))
            session.flush()
        except IntegrityError as error:  # the backstops: capacity CHECK, one active placement each
            raise Conflict(
                "a place or a young person in this file was taken meanwhile: send the file again"
            ) from error
        audit.record(session, actor, "import", None, f"current placements from a file: {len(ready)} rows")
    return outcome


def _arrive(
    session: Session, actor: Actor, rows: list[Ready], options: dict[str, Option], now: datetime
) -> list[str]:
    """The new placements: each option's places taken with one conditional update (which also
    locks its row), the placements added, then every day from the earliest start checked."""
    by_option: dict[str, list[Ready]] = defaultdict(list)
    for row in rows:
        by_option[row.option_id].append(row)
    added = []
    for option_id, arriving in by_option.items():
        taken = session.execute(
            update(Option)
            .where(Option.id == option_id, Option.placed + len(arriving) <= Option.capacity)
            .values(placed=Option.placed + len(arriving))
        )
        if taken.rowcount != 1:
            raise Conflict(
                f"no place remains in {options[option_id].name}: it was taken meanwhile; send the file again"
            )
        common = {"option_id": option_id, "status": PlacementStatus.ACTIVE, "created_at": now,
                  "created_by": actor.email}  # fmt: skip
        values = [
            common | {"id": new_id(), "young_person_id": row.young_person_id, "starts_on": row.starts_on}
            for row in arriving
        ]
        for start in range(0, len(values), CHUNK):
            session.execute(insert(Placement), values[start : start + CHUNK])
        placements.refuse_if_overfilled(session, option_id, min(row.starts_on for row in arriving))
        for row in arriving:
            _audit(session, actor, "create", row, options[option_id])
        added += [value["id"] for value in values]
    return added


def _agree(session: Session, rows: list[Ready], options: dict[str, Option], today: date) -> set[str]:
    """Each pathway agreed on the option they live in, as an accept agrees it; agreed on the day they
    moved in, or today for a move still to come. The young people whose pathway changed."""
    ids = [row.young_person_id for row in rows]
    held = {
        person_id: (status, option_id)
        for start in range(0, len(ids), CHUNK)
        for person_id, status, option_id in session.execute(
            select(YoungPerson.id, YoungPerson.pathway_status, YoungPerson.pathway_option_id)
            .where(YoungPerson.id.in_(ids[start : start + CHUNK]))
        )
    }  # fmt: skip
    changed = [row for row in rows if held[row.young_person_id] != (PathwayStatus.AGREED, row.option_id)]
    if changed:
        session.execute(
            update(YoungPerson),
            [{"id": row.young_person_id, "pathway_status": PathwayStatus.AGREED,
              "pathway_route": options[row.option_id].route, "pathway_option_id": row.option_id,
              "pathway_agreed_on": min(row.starts_on, today)} for row in changed],
        )  # fmt: skip
    return {row.young_person_id for row in changed}


def _audit(session: Session, actor: Actor, action: str, row: Ready, option: Option) -> None:
    where = f"{option.name}, {option.place} ({words.value(option.route)}) from {words.day(row.starts_on)}"
    audit.record(session, actor, action, row.young_person_id, f"placement at {where}, from an imported file")
