"""Register applications brought in from councils' choice-based lettings exports: all or nothing.

Each row names a young person by their case reference (already held: import young people first),
a council, its band and the day they applied. An active application to that council already held
is updated (band, date), so the same export run again adds nothing twice; otherwise one is added.
Every row is checked before anything is written, and each application added or changed is audited
on its young person's record.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing import text_rules
from housing.actors import Actor
from housing.db import transaction
from housing.errors import Conflict
from housing.models import Application, District, YoungPerson
from housing.models.types import new_id
from housing.services import audit, import_problems
from housing.services.import_problems import Problem, Progress
from housing.services.young_people_import import Outcome
from housing.vocabulary import ApplicationStatus


@dataclass(frozen=True)
class Ready:
    """A checked row: whose application, to which council, and what it says."""

    young_person_id: str
    district: str
    band: str
    applied_on: date


def checked(
    session: Session,
    rows: Sequence[tuple[int, dict[str, Any]]],
    problems: Sequence[Problem],
    today: date,
    progress: Progress = lambda _: None,
) -> list[Ready]:
    """The rows as applications ready to write, or ImportRefused naming every problem."""
    with transaction(session):
        people = dict(session.execute(select(YoungPerson.reference_key, YoungPerson.id)).all())
        bands = {d.slug: (d.name, d.bands) for d in session.scalars(select(District))}
    seen: dict[tuple[str | None, str], int] = {}

    def check(line: int, fields: dict[str, Any]) -> tuple[list[Problem], Ready | None]:
        person = people.get(text_rules.reference_key(fields["reference"]))
        wrong = []
        if person is None:
            wrong.append((
                "reference", "no young person has this reference: import young people first, or check it"
            ))  # fmt: skip
        if fields["district"] not in bands:
            wrong.append(("district", "not one of the seven West Sussex councils"))
        elif fields["band"] not in bands[fields["district"]][1]:
            name, scheme = bands[fields["district"]]
            wrong.append(("band", f"{name}'s bands are {', '.join(scheme)}"))
        if fields["applied_on"] > today:
            wrong.append(("applied_on", "must not be in the future"))
        pair = (person, fields["district"])
        if person is not None and pair in seen:
            wrong.append(("district", f"the same young person and council as line {seen[pair]}"))
        seen.setdefault(pair, line)
        ready = Ready(person, fields["district"], fields["band"], fields["applied_on"]) if person else None
        return [Problem(line, column, why) for column, why in wrong], ready

    return import_problems.every_row(rows, problems, check, progress)


def write(
    session: Session,
    actor: Actor,
    ready: Sequence[Ready],
    _today: date,
    progress: Progress = lambda _: None,
) -> Outcome:
    """Adds or updates each application in one transaction: all of them, or none (`_today`: the
    same call as the young people's import, whose leave-to-remain rule needs the day)."""
    outcome = Outcome()
    with transaction(session):
        active = {
            (a.young_person_id, a.district): a
            for a in session.scalars(
                select(Application).where(Application.status == ApplicationStatus.ACTIVE)
            )
        }
        for row in import_problems.counted(ready, progress):
            held = active.get((row.young_person_id, row.district))
            if held is None:
                held = Application(
                    id=new_id(), young_person_id=row.young_person_id, district=row.district,
                    band=row.band, applied_on=row.applied_on, status=ApplicationStatus.ACTIVE,
                )  # fmt: skip
                session.add(held)
                audit.record(session, actor, "create", row.young_person_id,
                             f"application to {audit.council(session, row.district)}'s register, "
                             "from an imported file")  # fmt: skip
                outcome.created.append(held.id)
            elif (held.band, held.applied_on) != (row.band, row.applied_on):
                said = [f"{name} from {words.value(before)} to {words.value(after)}"
                        for name, before, after in (("band", held.band, row.band),
                                                    ("date applied", held.applied_on, row.applied_on))
                        if before != after]  # fmt: skip
                held.band, held.applied_on = row.band, row.applied_on
                audit.record(
                    session, actor, "update", row.young_person_id,
                    f"application to {audit.council(session, row.district)}: {'; '.join(said)}, from a file",
                )  # fmt: skip
                outcome.updated.append(held.id)
            else:
                outcome.unchanged.append(held.id)
        try:
            session.flush()
        except IntegrityError as error:  # an officer added one of these applications meanwhile
            raise Conflict("an application in this file was added meanwhile: send the file again") from error
        audit.record(session, actor, "import", None, f"register applications from a file: {len(ready)} rows")
    return outcome
