"""Reading a file of records (CSV in UTF-8, or XLSX) into rows of fields, within limits.

Every import shares it: councils' vacancies, and the county's young people, register applications
and placements. The header (line 1) names the columns, each by its own name or a heading a case
system writes (`Kind.headings`); each row is loaded by the kind's marshmallow schema, the same
rules as the API. What a spreadsheet would run (a formula, in ASCII or full-width characters) and
text PostgreSQL cannot keep (NUL) are refused where they stand, with their line and column, as is
a file that is neither UTF-8 text nor an Excel workbook.

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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain
from typing import Any

from marshmallow import Schema, ValidationError, fields
from openpyxl import load_workbook

from housing import typed_dates
from housing.services.import_problems import ImportRefused, Problem
from httpkit import reasons
from httpkit.spreadsheets import FORMULA_STARTS

# The request body of every file upload, as the OpenAPI document shows it (imports, vacancies).
UPLOAD_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {"type": "string", "format": "binary", "description": ".csv or .xlsx"}
                },
            }
        }
    },
}

KINDS = (".csv", ".xlsx")
MAX_FILE_BYTES = 5 * 1024 * 1024  # the contract's limit for an upload
NUL = "\x00"
NOT_UTF8 = "is not UTF-8 text: save the file as CSV UTF-8, or as an Excel workbook (.xlsx)"
NOT_XLSX = "the file is not an Excel workbook that can be read: save it again as .xlsx, or as CSV UTF-8"

Row = tuple[int, tuple[Any, ...]]  # its line (the header is line 1) and its cells
CHECK_EVERY = 256  # lines between looks at the clock
# Where a file's words differ from the API's: a date may be typed day first; a cell is filled in.
IN_A_FILE = {
    "Not a valid date.": "must be a real date, like 27/03/2026 (day/month/year) or 2026-03-27",
    "Missing data for required field.": "required: fill in this cell",
}


@dataclass(frozen=True)
class Limits:
    """How much of a file is read before it is refused."""

    lines: int  # lines in all, the header and blank lines included
    columns: int
    unzipped_bytes: int  # an XLSX's parts, in all, once unzipped
    zip_parts: int
    seconds: float | None  # reading and parsing; None: no limit (the command line, Ctrl-C stops it)


# An upload through a page or the API: hundreds or a few thousand records; bigger loads go through
# the command line. 15 s keeps a worker from being held for long.
UPLOAD = Limits(lines=10_001, columns=30, unzipped_bytes=25 * 1024 * 1024, zip_parts=100, seconds=15)
COMMAND_LINE = Limits(lines=1_000_001, columns=30, unzipped_bytes=1024**3, zip_parts=1_000, seconds=None)


@dataclass(frozen=True)
class Kind:
    """What a file holds: its columns, the headings case systems use for them, and its row schema."""

    noun: str  # "vacancies", "young people": for the messages
    required: tuple[str, ...]
    optional: tuple[str, ...]
    schema: Callable[[], Schema]
    headings: Mapping[str, str] = field(default_factory=dict)  # lower-case heading -> column
    # A row with problems still goes on, with the fields that could be read, to the use case's rules
    # (which know its line is refused), so one upload names every problem (issue 30).
    partial_rows: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional

    def column(self, heading: str) -> str:
        """The column a heading names (its own name, or a case system's heading for it)."""
        heading = " ".join(heading.lower().split())
        return self.headings.get(heading, heading)


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
    filename: str,
    content: bytes,
    limits: Limits = UPLOAD,
    deadline: Deadline | None = None,
    noun: str = "records",
) -> list[Row]:
    """The file's non-empty rows with their lines, header first, or ImportRefused naming a limit."""
    deadline = deadline or Deadline(limits.seconds)
    if kind_of(filename) == ".xlsx":
        return _xlsx_rows(content, limits, deadline, noun)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused([Problem(content[: error.start].count(b"\n") + 1, "-", NOT_UTF8)]) from error
    try:
        lines = enumerate(csv.reader(io.StringIO(text, newline="")), start=1)
        return _within(lines, limits, deadline, noun)
    except csv.Error as error:
        raise ImportRefused([Problem(1, "-", f"not readable as CSV ({str(error)[:100]})")]) from error


def _within(lines: Iterable[tuple[int, Any]], limits: Limits, deadline: Deadline, noun: str) -> list[Row]:
    """The non-empty rows, refused at the first line or column past the limits, or past the time."""
    rows = []
    for line, row in lines:
        if line > limits.lines:
            raise _refused(
                line,
                f"the file has more than {limits.lines - 1:,} rows of {noun} (the limit): "
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


def _xlsx_rows(content: bytes, limits: Limits, deadline: Deadline, noun: str) -> list[Row]:
    try:
        _measure_zip(content, limits, noun)
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        try:
            sheet = book.active
            sheet.reset_dimensions()  # a declared million rows would be filled with empty cells
            cells = sheet.iter_rows(max_col=limits.columns + 1, values_only=True)
            return _within(enumerate(cells, start=1), limits, deadline, noun)
        finally:
            book.close()
    except ImportRefused:
        raise
    # A damaged or foreign file fails in openpyxl, zipfile or the XML parser in many ways; each
    # means the same to the sender: this is not a workbook we can read.
    except Exception as error:
        raise ImportRefused([Problem(1, "-", NOT_XLSX)]) from error


def _measure_zip(content: bytes, limits: Limits, noun: str) -> None:
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
            f"save it again as .xlsx with only the {noun}, or as CSV UTF-8",
        )


def as_written(rows: list[Row], kind: Kind) -> dict[str, str]:
    """Each column as the file's header writes it ("Date of Birth" for date_of_birth), so a problem
    can name the column the sender sees."""
    cells = [_text(cell) or "" for cell in rows[0][1]] if rows else []
    return {kind.column(heading): heading for heading in cells if heading}


def parse(
    rows: list[Row],
    kind: Kind,
    progress: Callable[[int], None] = lambda _: None,
    deadline: Deadline | None = None,
) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    """Each readable row as the kind's fields with its line, and every problem found reading the rest.

    A wrong header refuses the file at once: its rows could not be read column by column.
    """
    if not rows:
        raise ImportRefused(
            [Problem(1, "-", f"the file is empty: expected a header row with {', '.join(kind.required)}")]
        )
    (header_line, header_cells), body = rows[0], rows[1:]
    header = [_text(cell) or "" for cell in header_cells]
    problems = [Problem(header_line, "-", why) for why in map(_unkeepable, header) if why]
    header = [kind.column(h) if h else "" for h in header]
    problems += [
        Problem(1, column, "missing: a required column") for column in kind.required if column not in header
    ]
    problems += [
        Problem(1, column, "not a known column") for column in header if column and column not in kind.columns
    ]
    problems += [
        Problem(1, column, "named twice: keep one of these columns")
        for column in sorted({c for c in header if c and header.count(c) > 1})
    ]
    if problems:
        raise ImportRefused(problems)
    if not body:
        raise ImportRefused([Problem(2, "-", f"no {kind.noun}: the file has a header and nothing else")])
    schema, parsed, found = kind.schema(), [], []
    dates = {f.data_key or name for name, f in schema.fields.items() if isinstance(f, fields.Date)}
    for count, (line, cells) in enumerate(body, start=1):
        read, wrong = _row(schema, header, line, cells, dates)
        found += wrong
        if read is not None and (kind.partial_rows or not wrong):
            parsed.append((line, read))
        if count % CHECK_EVERY == 0 and deadline is not None:
            deadline.check(line)
        if count % 1000 == 0:
            progress(1000)
    progress(len(body) % 1000)
    return parsed, found


def _row(
    schema: Schema, header: list[str], line: int, cells: tuple[Any, ...], dates: set[str]
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The row's fields, or None when a cell cannot be kept; with any problems, the fields that could
    be read. A date may be typed as in England (27/03/2026) or as ISO."""
    named = {column: text for column, text in zip(header, map(_text, cells), strict=False) if column and text}
    named = {column: typed_dates.as_iso(text) if column in dates else text for column, text in named.items()}
    refused = [
        Problem(line, column, _unkeepable(text)) for column, text in named.items() if _unkeepable(text)
    ]
    if refused:
        return None, refused
    try:
        return schema.load(named), []
    except ValidationError as error:
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
    return [IN_A_FILE.get(str(reason)) or reasons.plain(str(reason))]
