"""The applicants view as CSV and XLSX, with any cell a spreadsheet could run made inert."""

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from httpkit.spreadsheets import neutralise

COLUMNS = ("id", "reference", "given_name", "family_name", "age", "support_level", "step_free", "wheelchair",
           "children", "bedrooms_needed", "need_month", "links_in_district", "band", "applied_on",
           "application_status", "nomination")  # fmt: skip


def flat(row: dict[str, Any]) -> list[Any]:
    application = row["application"] or {}
    values = {
        **row,
        "links_in_district": "; ".join(
            f"{link['kind']}: {link['place']}" for link in row["links_in_district"]
        ),
        "band": application.get("band"),
        "applied_on": application["applied_on"].isoformat() if application else None,
        "application_status": application.get("status"),
        "support_level": str(row["support_level"]),
    }
    return [neutralise(values[column]) for column in COLUMNS]


def for_xlsx(value: Any) -> Any:
    """XML, so an XLSX cell, cannot hold most control characters, and openpyxl then refuses the whole
    workbook (a 500: the API takes them in text, only NUL is refused). Each becomes U+FFFD, the
    replacement character, so the cell shows that something was there."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(flat(row) for row in rows)
    return out.getvalue()


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("applicants")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([for_xlsx(value) for value in flat(row)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
