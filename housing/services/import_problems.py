"""What is wrong with a file brought in (vacancies, young people, applications): where, and why.

Every import reads the whole file, lists each problem with its line and column, and writes nothing
if there is any: one answer names everything to correct.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from housing.errors import Invalid


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
