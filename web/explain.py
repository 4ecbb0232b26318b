"""A proposal's explanation in sentences an officer can repeat to the young person.

The matcher explains in numbers (distances, ranks, a cost and its parts, codes for why not); this
module turns those into words, and keeps the numbers for a "How the score was worked out" details
element. It reads the due fields (`due`, `due_date`, `days_to_due`) when the explanation has them,
and the 17½ deadline otherwise.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import current_app

from housing import money, placement_start
from housing.models import Proposal, YoungPerson
from housing.reads.names import NamedOption
from web.words import IMPORTANCE, ROUTE_WORDS, distance, from_today, long_date, ordinal

KIND_WORDS = {
    "family": "family",
    "friends": "friends",
    "work": "work",
    "health": "their health services",
    "faith": "their place of worship",
    "community": "their community",
}
PARTS = {
    "links": "Distance from local links",
    "out_of_county": "Out of county",
    "preference": "Preference met",
    "staying_put": "Staying Put with their own carer",
    "total": "Total (lower is better)",
}


@dataclass(frozen=True)
class Plain:
    keeps: list[str]  # "College in Crawley (matters most): 2 km"
    preference: str
    due: str
    alternatives: list[tuple[str, str]]  # (option name, why not)
    numbers: list[tuple[str, str]]  # (part, value) for the details element
    bedrooms: str = ""  # a council's home: its size against the district's rule (BEDROOMS)
    rent: str = ""  # a private tenancy: its rent against their Local Housing Allowance rate


def rent_sentence(option: NamedOption | None, person: YoungPerson, day: date, exemption_until: int) -> str:
    """A private tenancy's rent against the young person's own LHA rate on the day (housing/money.py)."""
    if option is None or option.monthly_rent is None:
        return ""
    if option.rental_market_area is None:
        return (
            f"Rent {money.pounds(option.monthly_rent)} a month: no broad rental market area recorded, "
            "so it is not checked against the Local Housing Allowance."
        )
    return money.check_for(
        option.monthly_rent, option.rental_market_area, date_of_birth=person.date_of_birth,
        children=person.children, on=day, exemption_until=exemption_until,
    ).words  # fmt: skip


def said_of(
    proposal: Proposal,
    person: YoungPerson,
    options: dict[str, NamedOption],
    names: dict[str, str],
    today: date,
) -> Plain:
    """A proposal in words, a private tenancy's rent checked against the young person's own LHA rate
    on the day they would move in (the rate is set by their age then, not today)."""
    until = current_app.config["SAR_EXEMPTION_UNTIL"]
    moving_in = placement_start.starts_on(person, proposal.run.as_of, today)
    rent = rent_sentence(options.get(proposal.option_id), person, moving_in, until)
    return plain(proposal.explanation, person, names, today, rent)


def plain(
    explanation: dict[str, Any], person: YoungPerson, names: dict[str, str], today: date, rent: str = ""
) -> Plain:
    links = explanation.get("links", [])
    ordered = sorted(links, key=lambda link: -link["importance"])
    keeps = [
        f"{link['kind'].capitalize()} in {link['place']} ({IMPORTANCE.get(link['importance'], 'matters')}): "
        f"{distance(link['distance_km'])}"
        for link in ordered
    ]
    return Plain(
        keeps=keeps,
        preference=_preference(explanation.get("preference_rank"), person),
        due=due_sentence(explanation, today),
        alternatives=[
            (names.get(alt["option"], "Another option"), why_not(alt, explanation))
            for alt in explanation.get("alternatives", [])
        ],
        numbers=[
            (PARTS.get(part, part.replace("_", " ").capitalize()), str(value))
            for part, value in explanation.get("cost_breakdown", {}).items()
        ],
        bedrooms=bedrooms_sentence(explanation.get("bedrooms")),
        rent=rent,
    )


NUMBER_WORDS = {0: "no", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def household(children: int) -> str:
    if children == 0:
        return "a single person"
    return f"a parent with {NUMBER_WORDS.get(children, str(children))} child{'ren' if children != 1 else ''}"


def bedrooms_sentence(line: dict[str, Any] | None) -> str:
    """In words: "One bedroom: this district's rule, as configured, houses a single person in one"."""
    if not line:
        return ""
    offered, needed = line["offered"], line["needed"]
    size = f"{NUMBER_WORDS.get(offered, str(offered)).capitalize()} bedroom{'s' if offered != 1 else ''}"
    rule = (
        "this district's rule, as configured," if line["by"] == "district_standard" else "the service's rule"
    )
    said = f"{size}: {rule} houses {household(line['children'])} in {NUMBER_WORDS.get(needed, str(needed))}"
    if offered > needed:
        said += ", and this district lets larger homes"
    return said + "."


def _preference(rank: int | None, person: YoungPerson) -> str:
    if not person.preferences:
        return "They have not said where they would like to live."
    if rank is None:
        return "It meets none of their preferences."
    wish = next((p for p in person.preferences if p.rank == rank), None)
    return f"It meets their {ordinal(rank)} preference{f' ({describe(wish)})' if wish else ''}."


def describe(preference: Any) -> str:
    parts = [ROUTE_WORDS.get(preference.route, "") if preference.route else "", preference.place or "",
             preference.district.replace("_", " ").title() if preference.district else ""]  # fmt: skip
    return ", ".join(part for part in parts if part)


def due_sentence(explanation: dict[str, Any], today: date) -> str:
    """What is due and when: the due fields when the explanation has them, else the 17½ deadline."""
    if "due" in explanation:
        if not explanation.get("due") or not explanation.get("due_date"):
            return "Nothing is due yet."
        when = date.fromisoformat(explanation["due_date"])
        what = "Pathway due by 17½" if explanation["due"] == "pathway" else "Move due"
        return f"{what}: {long_date(when)} ({from_today(when, today)})."
    deadline = date.fromisoformat(explanation["pathway_deadline"])
    return f"Pathway due by 17½: {long_date(deadline)} ({from_today(deadline, today)})."


def why_not(alternative: dict[str, Any], explanation: dict[str, Any]) -> str:
    code = alternative.get("why_not_code")
    closer = _nearer(alternative, explanation)
    if code == "taken_by_more_urgent":
        return "taken by someone due sooner" + (f" (it is {closer})" if closer else "")
    if code == "taken_by_others":
        return "its places went to other young people, keeping more of them near their links" + (
            f" (it is {closer})" if closer else ""
        )
    if code == "commitment_reached":
        return "it had room, but its council's yearly commitment of homes for care leavers is used up"
    if code == "costs_the_same":
        return "just as good a match; the place proposed leaves this one for someone else"
    if code == "costs_less_not_proven_optimal":
        return "a closer match, but the matcher ran out of time before proving the best answer"
    return _worse(alternative, explanation) if code else alternative.get("why_not", "")


def _deltas(alternative: dict[str, Any], explanation: dict[str, Any]) -> list[tuple[int, float, str]]:
    """(importance, km further than the place proposed, link kind) for each link."""
    there = alternative.get("link_distances_km") or []
    return [
        (link["importance"], km - link["distance_km"], link["kind"])
        for link, km in zip(explanation.get("links", []), there, strict=False)
    ]


def _nearer(alternative: dict[str, Any], explanation: dict[str, Any]) -> str:
    nearer = [
        (importance * -gap, -gap, kind)
        for importance, gap, kind in _deltas(alternative, explanation)
        if gap <= -1
    ]
    if not nearer:
        return ""
    _, km, kind = max(nearer)
    return f"{round(km)} km nearer {_kind(kind)}"


def _worse(alternative: dict[str, Any], explanation: dict[str, Any]) -> str:
    further = [
        (importance * gap, gap, kind)
        for importance, gap, kind in _deltas(alternative, explanation)
        if gap >= 1
    ]
    rank, chosen = alternative.get("preference_rank"), explanation.get("preference_rank")
    if further:
        _, km, kind = max(further)
        return f"a place {round(km)} km further from {_kind(kind)}"
    if chosen and (rank is None or rank > chosen):
        return "it meets a lower preference" if rank else "it meets none of their preferences"
    return "it keeps their links a little less well"


def _kind(kind: str) -> str:
    return KIND_WORDS.get(kind, f"their {kind}")
