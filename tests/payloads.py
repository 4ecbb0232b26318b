"""Valid request bodies for tests to vary: one field changed is one rule tested."""

from datetime import timedelta
from typing import Any

from housing.clock import today
from housing.lifedates import add_months


def born_aged(years: int, days_ago: int = 30) -> str:
    """A date of birth for someone `years` old today, their birthday `days_ago` days past."""
    return add_months(today() - timedelta(days=days_ago), -12 * years).isoformat()


def young_person(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "reference": "WS-0001",
        "given_name": "Testy",
        "family_name": "Exampleton",
        "date_of_birth": born_aged(17),
        "home_district": "worthing",
        "current_place": "Worthing",
        "support_level": "medium",
        "needs": {"step_free": True, "children": 0, "immigration": "not_applicable"},
        "local_links": [
            {"kind": "college", "place": "Worthing", "importance": 3, "note": "level 3 course"},
            {"kind": "family", "place": "Lancing", "importance": 2},
        ],
        "preferences": [{"rank": 1, "district": "worthing"}, {"rank": 2, "route": "supported_lodgings"}],
        "wishes": "Stay near my college.",
    }
    body.update(overrides)
    return body


def option(route: str = "register_vacancy", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "route": route,
        "name": "Flat 2, Test Road",
        "place": "Crawley",
        "capacity": 1,
        "available_from": today().isoformat(),
        "min_age": 18,
        "max_age": 25,
        "support_levels": ["low", "medium"],
        "bedrooms": 1,
    }
    if route in ("supported_lodgings", "supported_accommodation"):
        body["registered_16_17"] = True
    body.update(overrides)
    return body
