"""Applications to the district registers: apply, re-band and close (housing officers);
`housing.reads.applications` lists and shows them."""

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Conflict, Invalid, NotFound
from housing.models import Application, District, YoungPerson
from housing.services import audit
from housing.vocabulary import ApplicationStatus


def apply(
    session: Session, actor: Actor, young_person_id: str, data: dict[str, Any], today: date
) -> Application:
    """Under the Joint Housing Protocol a care leaver may apply to any of the seven registers."""
    with transaction(session):
        _young_person(session, young_person_id)
        district = session.get(District, data["district"])
        if district is None:
            raise Invalid.field("district", f"unknown district {data['district']!r}")
        _check_band(district, data["band"])
        if data["applied_on"] > today:
            raise Invalid.field("applied_on", "must not be in the future")
        _refuse_second_active(session, young_person_id, district, None)
        application = Application(young_person_id=young_person_id, status=ApplicationStatus.ACTIVE, **data)
        session.add(application)
        _flush(session, district)
        audit.record(session, actor, "create", young_person_id, f"application to {district.name} register")
    return application


def change(session: Session, actor: Actor, application_id: str, changes: dict[str, Any]) -> Application:
    """Re-band, close, or reopen an application; still one active application per district."""
    with transaction(session):
        application = found(session, Application, application_id, "application")
        district = session.get(District, application.district)
        if "band" in changes:
            _check_band(district, changes["band"])
        if (
            changes.get("status") == ApplicationStatus.ACTIVE
            and application.status != ApplicationStatus.ACTIVE
        ):
            _refuse_second_active(session, application.young_person_id, district, application.id)
        said = [
            f"{name} from {words.value(before)} to {words.value(value)}"
            for name, value in sorted(changes.items())
            if (before := getattr(application, name)) != value
        ]
        for field, value in changes.items():
            setattr(application, field, value)
        _flush(session, district)
        audit.record(
            session, actor, "update", application.young_person_id,
            f"application to {district.name}: "
            + ("changed " + "; ".join(said) if said else "nothing changed"),
        )  # fmt: skip
    return application


def _young_person(session: Session, young_person_id: str) -> None:
    if session.get(YoungPerson, young_person_id) is None:
        raise NotFound(f"no young person with id {young_person_id}")


def _check_band(district: District, band: str) -> None:
    if band not in district.bands:
        raise Invalid.field("band", f"{district.name} bands are {', '.join(district.bands)}")


def _refuse_second_active(
    session: Session, young_person_id: str, district: District, own_id: str | None
) -> None:
    holder = session.scalar(
        select(Application.id).where(
            Application.young_person_id == young_person_id,
            Application.district == district.slug,
            Application.status == ApplicationStatus.ACTIVE,
        )
    )
    if holder is not None and holder != own_id:
        raise Conflict(f"there is already an active application to {district.name}")


def _flush(session: Session, district: District) -> None:
    try:
        session.flush()
    except IntegrityError as error:  # a simultaneous application won the race
        raise Conflict(f"there is already an active application to {district.name}") from error
