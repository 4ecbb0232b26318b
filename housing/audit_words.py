"""How the audit trail writes days and values: as a person reads them, not as the store keeps them."""

from datetime import date
from typing import Any


def day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def value(found: Any) -> str:
    if found is None or found in ("", []):
        return "none"
    if isinstance(found, bool):
        return "yes" if found else "no"
    if isinstance(found, date):
        return day(found)
    if isinstance(found, list):
        return ", ".join(value(item) for item in found)
    return str(found).replace("_", " ")
