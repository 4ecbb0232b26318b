"""Why a young person was left unmatched, led by the one thing an officer can change, counts after."""

from typing import Any

from housing.unmatched_advice import MEANING
from web.words import counted

# What an officer can do about each reason, when it is the one that stands in the way.
ACTION = {
    "REACH": "no place is within reach of their links: add a preference for a town or district further away",
    "COMPETITION": "every place that suits them went to someone due sooner or nearer their links: "
    "add options near their links, or run again when places are added",
    "HELD": "the places that suit them are held for young people due sooner: "
    "add options near their links, or run again when places are added",
    "COMMITMENT": "council homes that suit them had room, but the council asked that no more of its "
    "homes go to care leavers this year than it committed: ask the council, or look at other routes",
    "SUPPORT": "no place within reach offers their level of support: look for a scheme that does",
    "ACCESS": "no place within reach is accessible enough for them: record an accessible option",
    "CHILDREN": "no place within reach takes children or has the bedrooms they need",
    "BEDROOMS": "the councils' homes within reach are not the size their allocation schemes would give them",
    "IMMIGRATION": "council homes and the House Project need a settled status: look at supported routes",
    "APPLIED": "no application to a register with a vacancy within reach: apply to a council's register",
    "SPECIALIST": "the places within reach are for unaccompanied asylum-seeking children only",
    "AVOID": "the places within reach are in places they must avoid: review what they avoid",
    "AVAILABLE": "no place within reach is free within 28 days of when they need it",
    "REGISTERED": "under 18: no place within reach is registered for under-18s",
    "STAYING_PUT": "their Staying Put carer is not willing: talk to the carer",
    "AGE": "no place within reach takes someone of their age",
    "REJECTED": "every place within reach was rejected for them before",
    "CAPACITY": "the places within reach were full before this run",
    "NO_OPTIONS": "no options are recorded: add options",
}


def lead(reasons: list[dict[str, Any]], apply_to: list[str], district_names: dict[str, str]) -> str:
    """The first thing to do: apply to a named council if that opens a place, else the main obstacle."""
    if apply_to and len(apply_to) == len(district_names):
        return "No application to a register with a vacancy within reach: apply to any council's register."
    if apply_to:
        councils = [district_names.get(slug, slug) for slug in apply_to]
        listed = " or ".join([", ".join(councils[:-1]), councils[-1]] if len(councils) > 1 else councils)
        return f"No application to a register with a vacancy within reach: apply to {listed}."
    actionable = [r for r in reasons if r["code"] not in ("REACH", "COMPETITION", "HELD", "COMMITMENT")]
    limited = [r for r in reasons if r["code"] == "COMMITMENT"]
    if limited and not actionable:  # the limit, not a rule, held them back: say whose
        council = district_names.get(limited[0]["district"], limited[0]["district"])
        return (
            f"{council} has given all the homes it committed to care leavers this year, and asked the "
            "matcher to keep to that: homes of its register that suit them had room. Ask the council, "
            "or look at other routes."
        )
    first = (actionable or reasons or [{"code": "NO_OPTIONS"}])[0]["code"]
    sentence = ACTION.get(first, MEANING.get(first, "no option suits them"))
    return sentence[0].upper() + sentence[1:] + "."


def counts(reasons: list[dict[str, Any]], district_names: dict[str, str]) -> list[str]:
    """The figures behind it, largest first: "14 options beyond reach of every local link …"."""
    out = []
    for reason in reasons:
        n = reason.get("count", 0)
        if reason["code"] == "COMMITMENT":
            council = district_names.get(reason["district"], reason["district"])
            out.append(
                f"{counted(n, 'council home')} with room held back: {council}'s yearly commitment to "
                "care leavers is used up"
            )
        elif reason["code"] == "COMPETITION":
            out.append(f"{counted(n, 'option')} that suit them went to others")
        elif reason["code"] == "HELD":
            out.append(f"{counted(n, 'option')} {reason['detail']}")
        elif reason["code"] in MEANING:
            out.append(f"{counted(n, 'option')}: {MEANING[reason['code']]}")
    return out
