"""Reading a council's vacancy file (CSV in UTF-8, or XLSX) into rows of option fields.

The header (line 1) names the columns; `name`, `place`, `capacity` and `available_from` are
required, the rest optional with the API's defaults. Dates are YYYY-MM-DD; booleans true/false
(or yes/no); support levels like "low;medium". What a spreadsheet would run (a formula, in ASCII or
full-width characters) and text PostgreSQL cannot keep (NUL) are refused where they stand, with
their line and column, as is a file that is neither UTF-8 text nor an Excel workbook. The rules an
option keeps are checked by the use case (`housing/services/vacancies.py`), not here.

A file is read within limits (`Limits`): rows, columns, for a workbook the size of its parts once
unzipped, and a time limit, each refusing the file with a problem that names the limit. A workbook
is a zip of XML: 5 KB can unzip to gigabytes, and a sheet can declare a million rows that openpyxl
would fill with empty cells; so the zip's parts are measured before anything is unzipped, the
sheet's declared size is ignored (read-only, streaming mode, columns cut at the limit), and rows are
counted as they stream.
"""

import csv
import io
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from typing import Any

from marshmallow import ValidationError
from openpyxl import load_workbook

from districts.schemas import VacancyRowSchema
from housing.services.vacancies import ImportRefused, Problem
from httpkit import reasons
from httpkit.spreadsheets import FORMULA_STARTS

REQUIRED = ("name", "place", "capacity", "available_from")
OPTIONAL = ("available_until", "min_age", "max_age", "support_levels", "step_free", "wheelchair", "bedrooms",
            "accepts_children")  # fmt: skip
COLUMNS = REQUIRED + OPTIONAL
KINDS = (".csv", ".xlsx")
MAX_FILE_BYTES = 5 * 1024 * 1024  # the contract's limit for an upload
NUL = "\x00"
NOT_UTF8 = "is not UTF-8 text: save the file as CSV UTF-8, or as an Excel workbook (.xlsx)"
NOT_XLSX = "the file is not an Excel workbook that can be read: save it again as .xlsx, or as CSV UTF-8"

Row = tuple[int, tuple[Any, ...]]  # its line (the header is line 1) and its cells
CHECK_EVERY = 256  # lines between looks at the clock


@dataclass(frozen=True)
class Limits:
    """How much of a file is read before it is refused."""

    lines: int  # lines in all, the header and blank lines included
    columns: int
    unzipped_bytes: int  # an XLSX's parts, in all, once unzipped
    zip_parts: int
    seconds: float | None  # reading and parsing; None: no limit (the command line, Ctrl-C stops it)


# An upload through the page or the API: a council's register is hundreds of vacancies a year;
# bigger loads go through `flask vacancies import`. 15 s keeps a worker from being held for long.
UPLOAD = Limits(lines=10_001, columns=30, unzipped_bytes=25 * 1024 * 1024, zip_parts=100, seconds=15)
COMMAND_LINE = Limits(lines=1_000_001, columns=30, unzipped_bytes=1024**3, zip_parts=1_000, seconds=None)


class Deadline:
    """The time limit of one reading: checked between rows, so a file cannot hold a worker for long."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.ends = None if seconds is None else time.monotonic() + seconds

    def check(self, line: int) -> None:
        if self.ends is not None and time.monotonic() > self.ends:
            raise _refused(
                line,
                f"reading the file took more than {self.seconds:g} s (the limit), at this line: "
                "split it into smaller files",
            )


FILE_DATE = "must be a real date, like 27/03/2026 (day/month/year) or 2026-03-27"


def _refused(line: int, reason: str) -> ImportRefused:
    """The whole file refused at one line, for a limit it passed."""
    return ImportRefused([Problem(line, "-", reason)])


def kind_of(filename: str) -> str:
    """The file's kind from its name: .csv or .xlsx, else the whole file is refused."""
    kind = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if kind not in KINDS:
        raise ImportRefused([Problem(1, "-", "the file must be .csv or .xlsx")])
    return kind


def read(
    filename: str, content: bytes, limits: Limits = UPLOAD, deadline: Deadline | None = None
) -> list[Row]:
    """The file's non-empty rows with their lines, header first, or ImportRefused naming a limit."""
    deadline = deadline or Deadline(limits.seconds)
    if kind_of(filename) == ".xlsx":
        return _xlsx_rows(content, limits, deadline)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused([Problem(content[: error.start].count(b"\n") + 1, "-", NOT_UTF8)]) from error
    try:
        return _within(enumerate(csv.reader(io.StringIO(text, newline="")), start=1), limits, deadline)
    except csv.Error as error:
        raise ImportRefused([Problem(1, "-", f"not readable as CSV ({str(error)[:100]})")]) from error


def _within(lines: Iterable[tuple[int, Any]], limits: Limits, deadline: Deadline) -> list[Row]:
    """The non-empty rows, refused at the first line or column past the limits, or past the time."""
    rows = []
    for line, row in lines:
        if line > limits.lines:
            raise _refused(
                line,
                f"the file has more than {limits.lines - 1:,} rows of vacancies (the limit): "
                "split it into smaller files",
            )
        if len(row) > limits.columns and any(v not in (None, "") for v in row[limits.columns :]):
            raise _refused(
                line, f"the row has more than {limits.columns} columns (the limit): remove the extra columns"
            )
        if line % CHECK_EVERY == 0:
            deadline.check(line)
        if any(v not in (None, "") and (not isinstance(v, str) or v.strip()) for v in row):
            rows.append((line, tuple(row[: limits.columns])))
    return rows


def _xlsx_rows(content: bytes, limits: Limits, deadline: Deadline) -> list[Row]:
    try:
        _measure_zip(content, limits)
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        try:
            sheet = book.active
            sheet.reset_dimensions()  # a declared million rows would be filled with empty cells
            cells = sheet.iter_rows(max_col=limits.columns + 1, values_only=True)
            return _within(enumerate(cells, start=1), limits, deadline)
        finally:
            book.close()
    except ImportRefused:
        raise
    # A damaged or foreign file fails in openpyxl, zipfile or the XML parser in many ways; each
    # means the same to the council: this is not a workbook we can read.
    except Exception as error:
        raise ImportRefused([Problem(1, "-", NOT_XLSX)]) from error


def _measure_zip(content: bytes, limits: Limits) -> None:
    """Refuse a workbook whose parts would unzip past the limit, before unzipping any.

    zipfile never unzips more of a part than its declared size (a part that is larger fails its
    CRC), so the declared sizes bound the work.
    """
    parts = zipfile.ZipFile(io.BytesIO(content)).infolist()
    unzipped = sum(part.file_size for part in parts)
    if len(parts) > limits.zip_parts or unzipped > limits.unzipped_bytes:
        size = f"{limits.unzipped_bytes // (1024 * 1024)} MB"
        raise _refused(
            1,
            f"the workbook unpacks to more than {size} or {limits.zip_parts} parts (the limit): "
            "save it again as .xlsx with only the vacancies, or as CSV UTF-8",
        )


def parse(
    rows: list[Row], progress: Callable[[int], None] = lambda _: None, deadline: Deadline | None = None
) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    """Each row as option fields with its line (a row with problems: the fields that could be read,
    so the store's own rules judge them too), and every problem found reading the rows.

    A wrong header refuses the file at once: its rows could not be read column by column.
    """
    if not rows:
        raise ImportRefused(
            [Problem(1, "-", f"the file is empty: expected a header row with {', '.join(REQUIRED)}")]
        )
    (header_line, header_cells), body = rows[0], rows[1:]
    header = [_text(cell) or "" for cell in header_cells]
    problems = [Problem(header_line, "-", why) for why in map(_unkeepable, header) if why]
    header = [h.lower() for h in header]
    problems += [
        Problem(1, column, "missing: a required column") for column in REQUIRED if column not in header
    ]
    problems += [
        Problem(1, column, "not a known column") for column in header if column and column not in COLUMNS
    ]
    if problems:
        raise ImportRefused(problems)
    if not body:
        raise ImportRefused([Problem(2, "-", "no vacancies: the file has a header and nothing else")])
    schema, parsed, found = VacancyRowSchema(), [], []
    for count, (line, cells) in enumerate(body, start=1):
        fields, wrong = _row(schema, header, line, cells)
        found += wrong
        if fields is not None:
            parsed.append((line, fields))
        if count % CHECK_EVERY == 0 and deadline is not None:
            deadline.check(line)
        if count % 1000 == 0:
            progress(1000)
    progress(len(body) % 1000)
    return parsed, found


def _row(
    schema: VacancyRowSchema, header: list[str], line: int, cells: tuple[Any, ...]
) -> tuple[dict[str, Any] | None, list[Problem]]:
    named = {column: text for column, text in zip(header, map(_text, cells), strict=False) if column and text}
    refused = [
        Problem(line, column, _unkeepable(text)) for column, text in named.items() if _unkeepable(text)
    ]
    if refused:
        return None, refused
    try:
        return schema.load(named), []
    except ValidationError as error:  # what could be read still goes on to the rules the store keeps
        return dict(error.valid_data or {}), [
            Problem(line, column, "; ".join(_reasons(why))) for column, why in error.messages.items()
        ]


def _unkeepable(text: str) -> str | None:
    """Why a cell cannot be kept as it is, or None."""
    if NUL in text:
        return "holds the NUL character, which cannot be kept: remove it"
    if text.startswith(FORMULA_STARTS) and not _negative_number(text):
        return "looks like a spreadsheet formula; enter the value itself"
    return None


def _negative_number(value: str) -> bool:
    """'-1' is a bad capacity, not a formula: let the schema say why."""
    return value.startswith("-") and value[1:].replace(".", "", 1).isdigit()


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
    return str(cell).strip() or None


def _reasons(reason: Any) -> list[str]:
    if isinstance(reason, dict):
        return list(chain.from_iterable(_reasons(value) for value in reason.values()))
    if isinstance(reason, list):
        return list(chain.from_iterable(_reasons(value) for value in reason))
    return [FILE_DATE if str(reason) == "Not a valid date." else reasons.plain(str(reason))]


def template(example_place: str, available_from: date) -> str:
    """A CSV with every column heading and one example row, for a council to fill in."""
    example = ("Flat 1 (example: replace this row)", example_place, 1, available_from.isoformat(), "", 16, 25,
               "low;medium", "false", "false", 1, "false")  # fmt: skip
    out = io.StringIO()
    csv.writer(out).writerows([COLUMNS, example])
    return out.getvalue()
