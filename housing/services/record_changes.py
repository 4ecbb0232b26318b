"""What really changed on a young person's record, in words, for the audit trail (issue 30).

A page sends every field of its form, so the fields *sent* are not the fields *changed*: the record
is read before and after the change and only the differences are written. Ordinary fields carry
their before and after values in words; sensitive ones (date of birth, immigration, custody) are
named without their values, so the trail does not become a second copy of what it protects; so are
the young person's wishes, in their own words.
"""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing import ssda903
from housing.models import District, YoungPerson

# Named, never shown: the trail is read more widely than these fields are.
SENSITIVE = {
    "date_of_birth": "date of birth",
    "uasc": "unaccompanied asylum-seeking child",
    "immigration": "immigration status",
    "leave_granted_on": "date leave to remain was granted",
    "leave_type": "type of leave to remain",
    "leave_expires_on": "date leave to remain expires",
    "custody_release_date": "custody release date",
    "wishes": "their wishes",  # their own words: free text that may say anything about them
}

ORDINARY = {
    "reference": "reference",
    "given_name": "given name",
    "family_name": "family name",
    "home_district": "home district",
    "current_place": "where they live now",
    "support_level": "support level",
    "step_free": "needs step-free access",
    "wheelchair": "uses a wheelchair",
    "children": "children",
    "avoid_places": "places to avoid",
    "avoid_districts": "districts to avoid",
    "accommodation": "current accommodation",
    "in_touch": "whether the county is in touch (SSDA903)",
    "activity": "their activity (SSDA903)",
    "move_date": "move date",
    "local_links": "local links",
    "preferences": "preferences",
}


def snapshot(session: Session, person: YoungPerson) -> dict[str, Any]:
    """The record's fields as the trail compares them: districts by name, lists as text."""
    district_names: dict[str, str] = dict(session.execute(select(District.slug, District.name)).all())

    def district(slug: str | None) -> str | None:
        return district_names.get(slug, slug) if slug else None

    fields = {name: getattr(person, name) for name in (*SENSITIVE, *ORDINARY) if hasattr(person, name)}
    fields["home_district"] = district(person.home_district)
    fields["avoid_districts"] = [district(slug) for slug in person.avoid_districts or []]
    fields["avoid_places"] = list(person.avoid_places or [])
    fields["accommodation"] = (
        f"{ssda903.ACCOMMODATION.get(person.accommodation_code, person.accommodation_code).lower()}, "
        f"{'suitable' if person.accommodation_suitable else 'not suitable'}"
        f" (judged on {words.value(person.accommodation_judged_on)})"
        if person.accommodation_code
        else None
    )
    fields["local_links"] = [f"{link.place} ({words.value(link.kind)})" for link in person.local_links]
    fields["preferences"] = [
        f"{i}. {' '.join(words.value(p) for p in (pref.route, pref.place, district(pref.district)) if p)}"
        for i, pref in enumerate(sorted(person.preferences, key=lambda pref: pref.rank), start=1)
    ]
    return fields


def described(before: dict[str, Any], after: dict[str, Any]) -> str | None:
    """The changed fields in words, or None when nothing changed."""
    said = []
    for name, label in SENSITIVE.items():
        if name in before and before[name] != after.get(name):
            said.append(f"{label} (not shown)")
    for name, label in ORDINARY.items():
        if before.get(name) != after.get(name):
            said.append(f"{label} from {words.value(before.get(name))} to {words.value(after.get(name))}")
    return "changed " + "; ".join(said) if said else None
