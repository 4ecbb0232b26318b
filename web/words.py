"""How the pages write options, dates, distances and counts: as an officer would say them."""

import re
from datetime import date

from housing.clock import today
from housing.due import their_date
from housing.lifedates import age_on
from housing.models import Option
from housing.reads.names import NamedOption
from housing.reads.people_listed import Listed
from housing.reads.record_values import Record
from housing.vocabulary import EndReason, LeaveType, Route

ROUTE_WORDS = {
    Route.REGISTER_VACANCY: "council home",
    Route.STAYING_PUT: "Staying Put",
    Route.SUPPORTED_LODGINGS: "supported lodgings",
    Route.SUPPORTED_ACCOMMODATION: "supported accommodation",
    Route.HOUSE_PROJECT: "House Project",
    "private_rented": "private rented",
}
# Why a proposal was overtaken since its run (housing.reads.superseded), as the pages say it.
OVERTAKEN = {
    "pathway_agreed": "their pathway was agreed through another proposal",
    "in_a_cohort": "they joined a House Project cohort",
    "no_place_left": "no place is left here",
    "proposed_again": "a later run proposed again",
}
LEAVE_TYPE_WORDS = {
    LeaveType.REFUGEE_STATUS: "Refugee status",
    LeaveType.HUMANITARIAN_PROTECTION: "Humanitarian protection",
    LeaveType.LIMITED_LEAVE: "Limited leave to remain",
    LeaveType.INDEFINITE_LEAVE: "Indefinite leave to remain",
}
IMPORTANCE = {3: "matters most", 2: "matters", 1: "matters a little"}
_BEDROOMS = re.compile(r"(\d)-bed")
_TOWN_IN_BRACKETS = re.compile(r"\s*\(([^)]*)\)\s*$")


def option_name(option: Option | NamedOption, districts: dict[str, str]) -> str:
    """The scheme or host and its town; a council's vacancy by council and size, never its code."""
    if option.route == Route.REGISTER_VACANCY:
        size = _BEDROOMS.search(option.name)
        rooms = f", {size.group(1)} bedroom{'s' if size.group(1) != '1' else ''}" if size else ""
        council = districts.get(option.district or "")
        register = f" ({council} register)" if council else ""
        # Two homes of one size in one town differ by when they are free.
        return f"Council home{rooms}, {option.place}{register}, free from {long_date(option.available_from)}"
    name = _TOWN_IN_BRACKETS.sub("", option.name)
    name = name[:1].upper() + name[1:]
    return name if option.place in name else f"{name}, {option.place}"


def route_name(route: str) -> str:
    """'Council home', 'Supported lodgings': a route as a heading or a cell begins it."""
    words = ROUTE_WORDS.get(route, route.replace("_", " "))
    return words[:1].upper() + words[1:]


def long_date(day: date | str | None) -> str:
    """'1 January 2027', never '2027-01-01' (an ISO string, as JSON holds dates, is read first)."""
    if isinstance(day, str) and day:
        day = date.fromisoformat(day)
    return day.strftime("%-d %B %Y") if day else "–"


def from_today(day: date, today: date) -> str:
    """'today', 'tomorrow', 'in 12 days', 'yesterday', '31 days ago'."""
    days = (day - today).days
    if days == 0:
        return "today"
    if abs(days) == 1:
        return "tomorrow" if days > 0 else "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def distance(km: float) -> str:
    if km < 1:
        return "in the same town" if km < 0.5 else "less than 1 km"
    return f"{round(km)} km"


def counted(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")


def days_in_words(day: date) -> str:
    return from_today(day, today())


def age(date_of_birth: date) -> int:
    return age_on(date_of_birth, today())


def day_month(day: date) -> str:
    """'7 December' this year, '7 December 2027' in another: how an officer says a date near today."""
    return day.strftime("%-d %B") if day.year == today().year else long_date(day)


def move_by(person: Record | Listed) -> date | None:
    """Their own date (a move or a release) as of today: the day a move that cannot wait is due by."""
    return their_date(today(), person.move_date, person.custody_release_date)


# Why a move cannot wait, said as the officer would: by how the placement whose end set it ended.
MOVE_BECAUSE = {
    EndReason.BREAKDOWN: "Placement breakdown",
    EndReason.NOTICE_TO_LEAVE: "Notice to leave",
    EndReason.CARER_WITHDREW: "Carer withdrawing",
    EndReason.NOMINATION_DECLINED: "Council declined the nomination",
    EndReason.WITHDRAWN_FROM_COHORT: "Left the House Project",
}


def why_move(person: Record | Listed) -> str:
    """'Placement breakdown', 'Notice to leave', 'Carer withdrawing', 'Release from custody', or a
    move an officer planned. Reads the record's placements, which the page has loaded."""
    day = move_by(person)
    if day is None:
        return "Move"
    if day == person.custody_release_date:
        return "Release from custody"
    ending = next((p for p in person.placements if p.ends_on == day and p.end_reason), None)
    if ending is None:
        return "Move planned"
    return MOVE_BECAUSE.get(ending.end_reason, "Placement ending")


def eighteen_without_date(person: Record | Listed) -> bool:
    """Due as an 18-year-old with no move or release date: the due date is their 18th birthday."""
    return person.due_now is not None and person.due_now.kind == "move" and move_by(person) is None


# What the templates call by name.
FILTERS = {
    "long_date": long_date, "distance": distance, "route": route_name, "days_in_words": days_in_words,
    "age": age, "day_month": day_month, "move_by": move_by, "why_move": why_move,
    "eighteen_without_date": eighteen_without_date,
}  # fmt: skip
GLOBALS = {
    "today": today,
    "overtaken_words": OVERTAKEN,
    "route_words": {route: route_name(route) for route in ROUTE_WORDS},
}
