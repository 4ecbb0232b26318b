"""Dates as people in England type them (issue 30): 27/03/2026, 27/3/2026, 27-03-2026, 27.3.2026,
or the ISO 2026-03-27 that machines send. Day first, always: 03/04/2026 is the 3rd of April."""

import re
from datetime import date

UK = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def as_iso(text: str) -> str:
    """The ISO form of a typed date, or the text unchanged when it is no date (the schema says why)."""
    typed = text.strip()
    if match := UK.match(typed):
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return typed
    return typed


def parse(text: str) -> date:
    """A typed date; ValueError when it is none."""
    typed = as_iso(text)
    if not ISO.match(typed):
        raise ValueError(f"not a date: {text!r}")
    return date.fromisoformat(typed)
