"""Register vacancies in bulk from a council's CSV or XLSX: every row checked, then all or nothing.

The header (first row) names the columns; `name`, `place`, `capacity` and `available_from` are
required, the rest optional with the API's defaults:

    name,place,capacity,available_from,available_until,min_age,max_age,support_levels,
    step_free,wheelchair,bedrooms,accepts_children

Dates are YYYY-MM-DD; booleans true/false (or yes/no); support_levels like "low;medium".
"""

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from marshmallow import ValidationError
from openpyxl import load_workbook
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from districts.exports import FORMULA_STARTS
from housing.db import transaction
from housing.models import Option, Place
from housing.models.types import new_id
from housing.vocabulary import Route
from jsonapi.schemas.options import OptionSchema

REQUIRED = ("name", "place", "capacity", "available_from")
OPTIONAL = ("available_until", "min_age", "max_age", "support_levels", "step_free", "wheelchair", "bedrooms",
            "accepts_children")  # fmt: skip
WHOLE_NUMBERS = ("capacity", "min_age", "max_age", "bedrooms")
CHUNK = 5_000


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.reason}"


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def read_rows(path: Path) -> list[tuple[Any, ...]]:
    """The file's rows, header first; XLSX is streamed (read-only) so large files stay small in memory."""
    if path.suffix.lower() == ".xlsx":
        book = load_workbook(path, read_only=True, data_only=False)
        try:
            return [
                tuple(row)
                for row in book.active.iter_rows(values_only=True)
                if any(v is not None for v in row)
            ]
        finally:
            book.close()
    with path.open(newline="", encoding="utf-8-sig") as file:
        return [tuple(row) for row in csv.reader(file) if any(cell.strip() for cell in row)]


def validate(
    session: Session, district: str, rows: list[tuple[Any, ...]], progress: Callable[[int], None]
) -> list[dict[str, Any]]:
    """Every row as an option ready to write, or ImportRefused with every problem found."""
    if not rows:
        raise ImportRefused(
            [Problem(1, "-", f"the file is empty: expected a header row with {', '.join(REQUIRED)}")]
        )
    header = [str(cell or "").strip().lower() for cell in rows[0]]
    problems = [
        Problem(1, column, "missing: a required column") for column in REQUIRED if column not in header
    ]
    problems += [
        Problem(1, column, "not a known column") for column in header if column not in REQUIRED + OPTIONAL
    ]
    if problems:
        raise ImportRefused(problems)
    if len(rows) == 1:
        raise ImportRefused([Problem(2, "-", "no vacancies: the file has a header and nothing else")])
    checker = RowChecker(header, district, dict(session.execute(select(Place.name, Place.district)).all()))
    good: list[dict[str, Any]] = []
    for line, row in enumerate(rows[1:], start=2):
        found, option = checker.check(line, row)
        problems += found
        if option is not None:
            good.append(option)
        if line % 1000 == 0:
            progress(1000)
    progress(len(rows) % 1000)
    if problems:
        raise ImportRefused(problems)
    return good


def write(session: Session, options: list[dict[str, Any]], progress: Callable[[int], None]) -> None:
    with transaction(session):
        for start in range(0, len(options), CHUNK):
            chunk = options[start : start + CHUNK]
            session.execute(insert(Option), chunk)
            progress(len(chunk))


class RowChecker:
    """Checks one row at a time against the API's own option schema and the register's rules."""

    def __init__(self, header: list[str], district: str, places: dict[str, str | None]) -> None:
        self.header, self.district, self.places = header, district, places
        self.schema = OptionSchema()
        self.seen: dict[tuple[Any, ...], int] = {}

    def check(self, line: int, row: tuple[Any, ...]) -> tuple[list[Problem], dict[str, Any] | None]:
        cells = {c: v for c, v in zip(self.header, (_text(cell) for cell in row), strict=False) if v}
        formulas = [
            Problem(line, column, "looks like a spreadsheet formula; enter the value itself")
            for column, value in cells.items()
            if value.startswith(FORMULA_STARTS) and not _negative_number(value)
        ]
        if formulas:
            return formulas, None
        for column in WHOLE_NUMBERS:  # a file holds text; the API's schema takes JSON numbers only
            if column in cells and cells[column].lstrip("-").isdigit():
                cells[column] = int(cells[column])
        if "support_levels" in cells:
            cells["support_levels"] = [
                level.strip() for level in cells["support_levels"].replace(",", ";").split(";")
            ]
        try:
            option = self.schema.load({"route": Route.REGISTER_VACANCY.value, **cells})
        except ValidationError as error:
            return [
                Problem(line, column, "; ".join(_flatten(why))) for column, why in error.messages.items()
            ], None
        problems = self._rules(line, option)
        key = tuple(sorted((k, str(v)) for k, v in cells.items()))
        if not problems and key in self.seen:
            problems.append(Problem(line, "-", f"duplicates line {self.seen[key]}"))
        self.seen.setdefault(key, line)
        if problems:
            return problems, None
        return [], option | {
            "id": new_id(),
            "district": self.district,
            "route": Route.REGISTER_VACANCY,
            "placed": 0,
        }

    def _rules(self, line: int, option: dict[str, Any]) -> list[Problem]:
        place = option["place"]
        problems = []
        if place not in self.places:
            problems.append(Problem(line, "place", f"unknown place {place!r}"))
        elif self.places[place] != self.district:
            problems.append(Problem(line, "place", f"{place} is not in {self.district}"))
        if option["min_age"] > option["max_age"]:
            problems.append(Problem(line, "min_age", "must not be above max_age"))
        if option["available_until"] is not None and option["available_until"] < option["available_from"]:
            problems.append(Problem(line, "available_until", "must not be before available_from"))
        return problems


def _text(cell: Any) -> str | None:
    if cell is None:
        return None
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _negative_number(value: str) -> bool:
    """'-1' is a bad capacity, not a formula: let the schema say why."""
    return value.startswith("-") and value[1:].replace(".", "", 1).isdigit()


def _flatten(reason: Any) -> Iterator[str]:
    if isinstance(reason, dict):
        for value in reason.values():
            yield from _flatten(value)
    elif isinstance(reason, list):
        for value in reason:
            yield from _flatten(value)
    else:
        yield str(reason)
