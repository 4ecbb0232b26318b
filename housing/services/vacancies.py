"""Register vacancies added in bulk from a council's file: every row checked, then all or nothing.

The faces (the upload page, `POST /districts/{slug}/vacancies`, `flask vacancies import`) read the
file and turn each row into an option's fields; here each row meets the option rules every face
keeps (`options.rule_problems`), duplicates are found, and the rows are written in one
transaction, audited as one `import`. Two steps, so the command line can show progress for each.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import Forbidden
from housing.models import Option
from housing.models.types import new_id
from housing.reads import reference
from housing.services import audit, events, import_problems, options
from housing.services.import_problems import Problem, Progress
from housing.vocabulary import EventKind, Role, Route

CHUNK = 5_000  # rows a statement: 50,000 vacancies in ten inserts, each well under any driver's limit


def checked(
    session: Session,
    district: str,
    rows: Sequence[tuple[int, dict[str, Any]]],
    problems: Sequence[Problem] = (),
    progress: Progress = lambda _: None,
) -> list[dict[str, Any]]:
    """The rows (line, fields) as options ready to add, or ImportRefused with every problem.

    `problems` are those the face found reading the file: they refuse it too, after the rows it
    could read have been checked (a row with such a problem: its place), so one upload names
    everything wrong at once.
    """
    with transaction(session):  # one short read; the rows are checked outside any transaction
        places = reference.district_of_places(session)
    read_wrong = {problem.line for problem in problems}
    seen: dict[tuple[tuple[str, str], ...], int] = {}

    def check(line: int, fields: dict[str, Any]) -> tuple[list[Problem], dict[str, Any] | None]:
        if line in read_wrong:  # the schema named its fields' problems and any out of order already
            return [
                Problem(line, field, why) for field, why in options.place_problems(fields, places, district)
            ], None
        wrong = [Problem(line, field, why) for field, why in options.rule_problems(fields, places, district)]
        key = tuple(sorted((name, str(value)) for name, value in fields.items()))
        if not wrong and key in seen:
            wrong.append(Problem(line, "-", f"duplicates line {seen[key]}"))
        seen.setdefault(key, line)
        added = {"id": new_id(), "district": district, "route": Route.REGISTER_VACANCY, "placed": 0}
        return wrong, fields | added

    return import_problems.every_row(rows, problems, check, progress)


def add(
    session: Session,
    actor: Actor,
    district: str,
    ready: Sequence[dict[str, Any]],
    progress: Progress = lambda _: None,
) -> list[str]:
    """Writes every checked vacancy in one transaction: all of them, or none if anything fails."""
    if actor.role is Role.DISTRICT_OFFICER and actor.district != district:
        raise Forbidden("district officers add vacancies to their own register only")
    with transaction(session):
        for start in range(0, len(ready), CHUNK):
            chunk = ready[start : start + CHUNK]
            session.execute(insert(Option), list(chunk))
            progress(len(chunk))
        audit.record(
            session,
            actor,
            "import",
            None,
            f"{len(ready)} register vacancies onto {audit.council(session, district)}'s register",
        )
        if ready:  # one event for the whole file: one run for every place it added
            events.record(
                session, EventKind.NEW_OPTION, subject_id=ready[0]["id"], options=[o["id"] for o in ready],
                actor=actor, key=f"new_option:import:{ready[0]['id']}",
            )  # fmt: skip
    return [option["id"] for option in ready]
