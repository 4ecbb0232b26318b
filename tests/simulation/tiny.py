"""Tiny hand-made years whose outcomes can be worked out by hand."""

from datetime import date

from housing.lifedates import add_months
from seeds.scenario_rows import Scenario
from simulation.county import County
from simulation.events import Year

START = date(2027, 1, 1)


def person(reference: str, *, seventeen_and_a_half_in_months: int, town: str = "Worthing") -> dict:
    """A 17-year-old whose 17½ falls the given number of months after START, linked to `town`."""
    return {
        "id": reference, "reference": reference, "given_name": "Test", "family_name": reference,
        "date_of_birth": add_months(START, seventeen_and_a_half_in_months - 17 * 12 - 6),
        "home_district": "worthing", "current_place": town, "support_level": "low", "step_free": False,
        "wheelchair": False, "children": 0, "uasc": False, "immigration": "not_applicable",
        "custody_release_date": None, "avoid_places": [], "avoid_districts": [], "wishes": None,
        "move_date": None, "pathway_status": "in_progress", "pathway_route": None, "pathway_agreed_on": None,
        "pathway_option_id": None,
    }  # fmt: skip


def lodgings(option_id: str, *, town: str = "Worthing", capacity: int = 1) -> dict:
    return {
        "id": option_id, "route": "supported_lodgings", "name": f"Host {option_id}", "place": town,
        "district": "worthing", "capacity": capacity, "available_from": date(2026, 1, 1),
        "available_until": None, "min_age": 16, "max_age": 21, "support_levels": ["low"],
        "step_free": False, "wheelchair": False, "bedrooms": 1, "accepts_children": False,
        "young_person_id": None, "carer_willing": None, "registered_16_17": True, "uasc_specialist": None,
    }  # fmt: skip


def link(person_id: str, town: str) -> dict:
    return {"young_person_id": person_id, "position": 0, "kind": "college", "place": town, "importance": 3}


def year(people: list[dict], options: list[dict], links: list[dict] = (), months: int = 3, **kwargs) -> Year:
    county = County()
    county.add(Scenario(young_people=people, options=options, local_links=list(links)))
    return Year(seed=1, start=START, months=months, county=county, **kwargs)
