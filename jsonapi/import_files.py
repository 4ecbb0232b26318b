"""One import of a file from the county's systems, for the page, the API and the command line.

Read within the limits (`httpkit.tabular`), each row loaded by its kind's schema, then checked and
written by the kind's use case: nothing is written if any row is wrong. `stage` lets the command
line show a bar for each step (reading, checking, writing); the page and the API pass none.
"""

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import date

from housing.actors import Actor
from housing.services import applications_import, placements_import, providers_import, young_people_import
from housing.services.import_problems import ImportRefused
from housing.services.young_people_import import Outcome
from httpkit import sent_file, tabular
from httpkit.store import db
from jsonapi.import_kinds import KINDS

Update = Callable[[int], None]
Stage = Callable[[str, int], AbstractContextManager[Update]]
# Each kind's use case: `checked` (every row, all or nothing) then `write` (one transaction).
USE_CASES = {
    "young-people": young_people_import,
    "applications": applications_import,
    "placements": placements_import,
    "providers": providers_import,
}
TOO_LARGE = "The file is larger than 5 MB: split it into smaller files, or use `flask import`"


@contextmanager
def quietly(_label: str, _length: int) -> Iterator[Update]:
    yield lambda _: None


def run(
    actor: Actor,
    kind: str,
    filename: str,
    content: bytes,
    *,
    today: date,
    limits: tabular.Limits = tabular.UPLOAD,
    stage: Stage = quietly,
) -> Outcome:
    """What the import did, or ImportRefused (every problem, nothing written) or TooLarge."""
    if limits is tabular.UPLOAD and len(content) > tabular.MAX_FILE_BYTES:
        raise sent_file.TooLarge(TOO_LARGE)
    deadline = tabular.Deadline(limits.seconds)
    rows = tabular.read(filename, content, limits, deadline, KINDS[kind].noun)
    use_case = USE_CASES[kind]
    try:
        with stage("Reading", len(rows) - 1) as update:
            parsed, problems = tabular.parse(rows, KINDS[kind], update, deadline)
        with stage("Checking", len(parsed)) as update:
            ready = use_case.checked(db(), parsed, problems, today, update)
    except ImportRefused as refused:  # named as the file's header names them
        written = tabular.as_written(rows, KINDS[kind])
        named = [
            replace(problem, column=written.get(problem.column, problem.column))
            for problem in refused.problems
        ]
        raise ImportRefused(named) from refused
    with stage("Writing", len(ready)) as update:
        return use_case.write(db(), actor, ready, today, update)
