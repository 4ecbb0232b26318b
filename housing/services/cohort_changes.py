"""Changing a cohort after it started (its name, places, districts) and closing it to new members.

A cohort's places are its option's (the matcher offers them), so a change of places changes the
option too; closing ends the option's offer the day before, as a withdrawn option's, and no one
may then join, by hand or by an accepted proposal. Members already in it carry on to their homes.
"""

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import Conflict, Invalid
from housing.models import Cohort, District
from housing.reads import cohorts, matching_input
from housing.services import audit
from housing.vocabulary import Stage

WORDS = {"name": "name", "capacity": "places", "districts": "districts"}
# What the store's state refuses (409, as a taken name is on create and places below those taken are
# on an option); what else `would_break` finds, the request got wrong (422).
STATE_CONFLICTS = ("name", "capacity")


def change(session: Session, actor: Actor, cohort_id: str, changes: dict[str, Any]) -> Cohort:
    """Change what `changes` names; the audit says which, with the old and new values (none personal)."""
    with transaction(session):
        cohort = cohorts.get(session, cohort_id)
        problems = would_break(session, cohort, changes)
        if wrong := {key: reasons for key, reasons in problems.items() if key not in STATE_CONFLICTS}:
            raise Invalid(wrong)
        if problems:
            said = "; ".join(reason for reasons in problems.values() for reason in reasons)
            raise Conflict(f"{said[:1].upper()}{said[1:]}.")
        names = dict(session.execute(select(District.slug, District.name)).all())
        said = [
            f"{WORDS[key]} from {_said(getattr(cohort, key), names)} to {_said(value, names)}"
            for key, value in changes.items()
            if getattr(cohort, key) != value
        ]
        for key, value in changes.items():
            setattr(cohort, key, value)
        if "capacity" in changes:
            cohort.option.capacity = changes["capacity"]
        if "name" in changes:
            cohort.option.name = f"House Project: {changes['name']}"
        if said:
            audit.record(session, actor, "update", None, f"cohort {cohort.name}: " + "; ".join(said))
    return cohort


def close(session: Session, actor: Actor, cohort_id: str, today: date) -> Cohort:
    """Closed from today: its places are offered no more (the option ends yesterday)."""
    with transaction(session):
        cohort = cohorts.get(session, cohort_id)
        if cohort.closed_on is not None:
            raise Conflict(f"{cohort.name} was closed on {cohort.closed_on.strftime('%-d %B %Y')}")
        cohort.closed_on = today
        yesterday = today - timedelta(days=1)
        if cohort.option.available_until is None or cohort.option.available_until > yesterday:
            cohort.option.available_until = max(yesterday, cohort.option.available_from)
        audit.record(session, actor, "update", None, f"cohort {cohort.name}: closed to new members")
    return cohort


def would_break(session: Session, cohort: Cohort, changes: dict[str, Any]) -> dict[str, list[str]]:
    """What `changes` would break, every problem at once (a form shows them beside its own)."""
    problems: dict[str, list[str]] = {}
    name = changes.get("name", cohort.name)
    taken = session.scalar(select(Cohort.id).where(Cohort.name == name, Cohort.id != cohort.id))
    if taken:
        problems["name"] = [f"there is already a cohort called {name}"]
    in_it = sum(1 for m in cohort.members if m.stage != Stage.WITHDRAWN)
    if changes.get("capacity", cohort.capacity) < in_it:
        problems["capacity"] = [f"{in_it} young people are in it: it needs at least {in_it} places"]
    unknown = sorted(set(changes.get("districts", [])) - set(matching_input.district_slugs(session)))
    if unknown:
        problems["districts"] = [f"unknown districts {', '.join(unknown)}"]
    return problems


def _said(value: Any, district_names: dict[str, str]) -> str:
    """Districts by name ("Crawley, Horsham"), never their slugs."""
    if isinstance(value, list):
        return ", ".join(district_names.get(slug, slug) for slug in value)
    return str(value)
