"""How the audit trail writes days and values: as a person reads them, not as the store keeps them."""

from datetime import date
from typing import Any

from housing.vocabulary import Role

# Every role, named as people say it: a test walks every Role, so a role added without its words
# here fails the suite rather than showing an empty cell (or no way to create its users).
ROLE_NAMES = {
    Role.HOUSING_OFFICER: "Housing officer",
    Role.DISTRICT_OFFICER: "District council officer",
    Role.HOUSE_PROJECT_COORDINATOR: "House Project coordinator",
    Role.COMMISSIONER: "Commissioner",
    Role.ADMIN: "Admin",
    Role.TEAM_MANAGER: "Team manager",
    Role.YOUNG_PERSON: "Young person",  # listed, never chosen on the users page: an officer invites them
}


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
