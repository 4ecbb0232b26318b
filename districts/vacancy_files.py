"""A council's vacancy file: its columns and its template; reading it is `httpkit.tabular`'s.

The header (line 1) names the columns; `name`, `place`, `capacity` and `available_from` are
required, the rest optional with the API's defaults. Dates are 27/03/2026 (day first) or
YYYY-MM-DD; booleans true/false (or yes/no); support levels like "low;medium". The rules an option
keeps are checked by the use case (`housing/services/vacancies.py`), not here, on every row (one
with problems too, with what could be read: `partial_rows`).
"""

import csv
import io
from datetime import date

from districts.schemas import VacancyRowSchema
from httpkit.tabular import Kind

REQUIRED = ("name", "place", "capacity", "available_from")
OPTIONAL = ("available_until", "min_age", "max_age", "support_levels", "step_free", "wheelchair", "bedrooms",
            "accepts_children")  # fmt: skip
VACANCIES = Kind(
    noun="vacancies", required=REQUIRED, optional=OPTIONAL, schema=VacancyRowSchema, partial_rows=True
)


def template(example_place: str, available_from: date) -> str:
    """A CSV with every column heading and one example row, for a council to fill in."""
    example = ("Flat 1 (example: replace this row)", example_place, 1, available_from.isoformat(), "", 16, 25,
               "low;medium", "false", "false", 1, "false")  # fmt: skip
    out = io.StringIO()
    csv.writer(out).writerows([VACANCIES.columns, example])
    return out.getvalue()
