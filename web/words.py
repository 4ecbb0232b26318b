"""Dates and ages as an officer says them: "31 August 2026", "in 12 days", "17": Jinja filters."""

from datetime import date

from flask import Flask

from housing.clock import today
from housing.due import Due
from housing.lifedates import age_on
from housing.services.caseload import When, when

# Each route as an officer names it.
ROUTE_WORDS = {
    "register_vacancy": "Council home (housing register)",
    "staying_put": "Staying Put",
    "supported_lodgings": "Supported lodgings",
    "supported_accommodation": "Supported accommodation",
    "house_project": "House Project",
    "private_rented": "Private rented",
}


def long_date(day: date | None) -> str:
    return day.strftime("%-d %B %Y") if day else ""


def days_in_words(day: date) -> str:
    """Today, tomorrow, yesterday, in 12 days, 31 days ago."""
    days = (day - today()).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def age(date_of_birth: date) -> int:
    return age_on(date_of_birth, today())


def due_when(due: Due) -> When:
    return when(due, today())


def init_app(app: Flask) -> None:
    app.jinja_env.globals["route_words"] = ROUTE_WORDS
    app.jinja_env.filters.update(long_date=long_date, days_in_words=days_in_words, age=age, due_when=due_when)
