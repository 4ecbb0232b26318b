"""Dates and numbers as the pages write them: "1 January 2027", never "2027-01-01"."""

from datetime import date


def long_date(day: date | str | None) -> str:
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return f"{day.day} {day:%B %Y}"


FILTERS = {"long_date": long_date}
