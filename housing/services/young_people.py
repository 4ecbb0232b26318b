"""Use cases for young people's records: create and update (`housing.reads.records` reads them)."""

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from housing import leave_rules, rules, ssda903, text_rules
from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Conflict, FieldErrors, Invalid, PossibleDuplicate
from housing.models import LocalLink, Preference, YoungPerson
from housing.reads import duplicates, nominations
from housing.reads.reference import Names
from housing.reads.young_people import due_of
from housing.services import audit, leave_to_remain, record_changes, triple_plans

SCALARS = ("reference", "given_name", "family_name", "date_of_birth", "home_district",
           "current_place", "support_level", "wishes", "move_date", "in_touch", "activity")  # fmt: skip

# What an update loads with the record it changes and shows.
WITH_RECORD = (
    selectinload(YoungPerson.local_links),
    selectinload(YoungPerson.preferences),
    selectinload(YoungPerson.applications),
    selectinload(YoungPerson.placements),
)
RECORD, REFUSE = "record", "refuse"  # what a create does with a POSSIBLE DUPLICATE


def create(
    session: Session, actor: Actor, data: dict[str, Any], today: date, *, if_possible_duplicate: str = RECORD
) -> YoungPerson:
    """A new record, checked against POSSIBLE DUPLICATE (`housing.reads.duplicates`).

    `refuse` (the page until the officer confirms; an API client that asks): PossibleDuplicate,
    nothing written but the audit of the records it names (the page shows their names). `record`
    (the API's default, so a client written to the contract is never refused; the page once
    confirmed): recorded, the records it may duplicate named in the answer (`possible_duplicates`)
    and in its audit entry.
    """
    if if_possible_duplicate == REFUSE:
        _refuse_possible_duplicate(session, actor, data, today)
    with transaction(session):
        _normalise_reference(data)
        _check(session, data, today)
        _refuse_taken_reference(session, data["reference"], None)
        person = YoungPerson()
        _apply(person, data)
        _check_leave(person, today)
        session.add(person)
        _flush_unique_reference(session)
        session.flush()
        leave_to_remain.on_grant(session, actor, person, today)
        matches = duplicates.possible_duplicates(
            session, person.given_name, person.family_name, person.date_of_birth, besides=person.id
        )
        # Named by reference on the create's own entry; no view of theirs is written, since only their
        # references are told (and a client written to the contract finds the trail it always found).
        said = (
            f"; the same name and date of birth as {duplicates.references(matches)}, named to the "
            "officer as a possible duplicate"
            if matches
            else ""
        )
        audit.record(session, actor, "create", person.id, f"created record{said}")
        due_of(session, [person], today)
        nominations.attach(session, [person])
    if matches:  # told with this answer only: the record itself does not carry them
        person.possible_duplicates = matches
        person.duplicate_warning = f"{duplicates.in_words(matches)}. Check they are not the same person."
    return person


def update(
    session: Session, actor: Actor, young_person_id: str, changes: dict[str, Any], today: date
) -> YoungPerson:
    with transaction(session):
        person = found(session, YoungPerson, young_person_id, "young person", options=WITH_RECORD)
        _normalise_reference(changes)
        _check(session, changes, today)
        if "reference" in changes:
            _refuse_taken_reference(session, changes["reference"], person.id)
        before = record_changes.snapshot(session, person)
        # Old rows go first, so new ranks do not collide with the ones they replace.
        if "preferences" in changes:
            person.preferences = []
        if "local_links" in changes:
            person.local_links = []
        session.flush()
        granted_before = person.leave_granted_on
        _apply(person, changes)
        _check_leave(person, today)
        _flush_unique_reference(session)
        if person.leave_granted_on != granted_before:
            leave_to_remain.on_grant(session, actor, person, today)
        triple_plans.on_decision(session, actor, person, today)
        session.flush()
        session.refresh(person)
        if changed := record_changes.described(before, record_changes.snapshot(session, person)):
            audit.record(session, actor, "update", person.id, changed)
        due_of(session, [person], today)
        nominations.attach(session, [person])
    return person


def _check(session: Session, data: dict[str, Any], today: date) -> None:
    errors = FieldErrors()
    names = Names(session)
    if "date_of_birth" in data and (problem := rules.date_of_birth_problem(data["date_of_birth"], today)):
        errors.add(("date_of_birth",), problem)
    names.check_district(errors, ("home_district",), data.get("home_district"))
    names.check_place(errors, ("current_place",), data.get("current_place"))
    if found := data.get("current_accommodation"):
        if problem := ssda903.problem(found["code"], found["suitable"]):
            errors.add(("current_accommodation", "suitable"), problem)
        if found["judged_on"] > today:
            errors.add(("current_accommodation", "judged_on"), "must not be in the future")
    needs = data.get("needs", {})
    names.check_places(errors, ("needs", "avoid_places"), needs.get("avoid_places", []))
    names.check_districts(errors, ("needs", "avoid_districts"), needs.get("avoid_districts", []))
    for i, link in enumerate(data.get("local_links", [])):
        names.check_place(errors, ("local_links", i, "place"), link["place"])
    for i, preference in enumerate(data.get("preferences", [])):
        names.check_place(errors, ("preferences", i, "place"), preference.get("place"))
        names.check_district(errors, ("preferences", i, "district"), preference.get("district"))
    errors.raise_any()


def _check_leave(person: YoungPerson, today: date) -> None:
    """Leave to remain is recorded with its status, type and expiry, and the 903 items so that they can
    be returned; both judged on the record as it will stand."""
    if problems := leave_rules.problems(person, today):
        raise Invalid({"needs": {field: [reason] for field, reason in problems.items()}})
    if problem := ssda903.items_problem(person.in_touch, person.activity, person.accommodation_code):
        raise Invalid.field("in_touch", problem)


def _apply(person: YoungPerson, data: dict[str, Any]) -> None:
    for field in SCALARS:
        if field in data:
            setattr(person, field, data[field])
    for field, value in data.get("needs", {}).items():
        setattr(person, field, value)
    if "current_accommodation" in data:
        found = data["current_accommodation"] or {}
        person.accommodation_code = found.get("code")
        person.accommodation_suitable = found.get("suitable")
        person.accommodation_judged_on = found.get("judged_on")
    if "local_links" in data:
        person.local_links = [LocalLink(position=i, **link) for i, link in enumerate(data["local_links"])]
    if "preferences" in data:
        person.preferences = [Preference(**preference) for preference in data["preferences"]]


# The reference is not repeated back: an error answer carries no personal data, and the sender knows it.
TAKEN_REFERENCE = "another young person already has this reference"


def _normalise_reference(data: dict[str, Any]) -> None:
    """Kept as NFKC and trimmed; compared by its key (case, spaces and full-width forms aside)."""
    if "reference" in data:
        data["reference"] = text_rules.normal_reference(data["reference"])
        if not data["reference"]:
            raise Invalid.field("reference", "enter the young person's reference")


def _refuse_possible_duplicate(session: Session, actor: Actor, data: dict[str, Any], today: date) -> None:
    """After the record's own checks (their problems come first), POSSIBLE DUPLICATE; those named are
    audited as seen. The same reference again is no new record but a taken reference, refused as such."""
    with transaction(session):
        _normalise_reference(data)
        _check(session, data, today)
        _refuse_taken_reference(session, data["reference"], None)
        matches = duplicates.possible_duplicates(
            session, data["given_name"], data["family_name"], data["date_of_birth"]
        )
        audit.record_views(session, actor, [m.id for m in matches], "possible duplicate of a new record")
    if matches:
        raise PossibleDuplicate(matches, duplicates.in_words(matches))


def _refuse_taken_reference(session: Session, reference: str, own_id: str | None) -> None:
    key = text_rules.reference_key(reference)
    holder = session.scalar(select(YoungPerson.id).where(YoungPerson.reference_key == key))
    if holder is not None and holder != own_id:
        raise Conflict(TAKEN_REFERENCE)


def _flush_unique_reference(session: Session) -> None:
    """The database's unique index is the backstop when two requests race for one reference."""
    try:
        session.flush()
    except IntegrityError as error:
        raise Conflict(TAKEN_REFERENCE) from error
