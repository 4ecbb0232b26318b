"""What is wrong with a file brought in (vacancies, young people, applications): where, and why.

Every import reads the whole file, lists each problem with its line and column, and writes nothing
if there is any: one answer names everything to correct.
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from housing.errors import Invalid

PROGRESS_EVERY = 1_000  # rows between two reports of progress (a bar on the command line, a job's page)

Progress = Callable[[int], None]
T = TypeVar("T")
Ready = TypeVar("Ready")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, where the officer who sent it can find it (the header is line 1)."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        column = self.column if len(self.column) <= COLUMN_SHOWN else self.column[:COLUMN_SHOWN] + "…"
        return f"line {self.line}, column {column}: {self.reason}"


COLUMN_SHOWN = 40  # characters of a column's name in a problem: a header can be any length
MOST_LISTED = 50  # problems an answer lists: a file wrong everywhere must not make a 20 MB answer


class ImportRefused(Invalid):
    """Any problem refuses the whole file; the first 50 problems are listed, in line order, and how
    many more there are (`problems` keeps them all, for the command line)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems, key=lambda problem: problem.line)
        listed = [str(problem) for problem in self.problems[:MOST_LISTED]]
        if len(self.problems) > MOST_LISTED:
            more = len(self.problems) - MOST_LISTED
            listed.append(f"and {more:,} more problem(s) after these: correct these and send the file again")
        super().__init__(
            {"file": listed}, f"Nothing was added: {len(self.problems):,} problem(s) in the file."
        )


def counted(rows: Sequence[T], progress: Progress) -> Iterator[T]:
    """Each row in turn, reporting progress every PROGRESS_EVERY rows and the rest at the end."""
    for count, row in enumerate(rows, start=1):
        yield row
        if count % PROGRESS_EVERY == 0:
            progress(PROGRESS_EVERY)
    progress(len(rows) % PROGRESS_EVERY)


Check = Callable[[int, dict[str, Any]], tuple[list[Problem], Ready | None]]


def every_row(
    rows: Sequence[tuple[int, dict[str, Any]]],
    problems: Sequence[Problem],
    check: Check[Ready],
    progress: Progress,
) -> list[Ready]:
    """How every import ends its checking: each row (line, fields) through `check`, which says what
    is wrong with it and what it is ready to write; then ImportRefused naming every problem (those
    found reading the file, `problems`, among them) if there is any, else the rows ready to write."""
    found, ready = list(problems), []
    for line, fields in counted(rows, progress):
        wrong, row = check(line, fields)
        found += wrong
        if not wrong and row is not None:
            ready.append(row)
    if found:
        raise ImportRefused(found)
    return ready
