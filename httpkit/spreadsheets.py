"""Cells a spreadsheet would run made inert, for every face's CSV and XLSX downloads (CSV injection)."""

from typing import Any

# A cell starting with one of these is a formula to a spreadsheet (OWASP: CSV injection).
# Their full-width forms too: some spreadsheets read them as the ASCII ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
