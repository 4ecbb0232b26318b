"""The applicants to one council's register, as that council may see them: a use case of the councils' side.

Rows are built here field by field from the minimised list, so a full record never reaches the
district's side: no date of birth, immigration or UASC status, custody date, avoid lists, wishes,
notes, or links outside the district.
"""

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import lifedates, rules
from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import Application, District, LocalLink, Nomination, YoungPerson
from housing.reads.names import named_person
from housing.reads.reference import places_in
from housing.services import audit
from housing.vocabulary import ApplicationStatus, Role, SupportLevel


def district_or_404(session: Session, slug: str) -> District:
    district = session.get(District, slug)
    if district is None:
        raise NotFound(f"no district {slug!r}; the seven are listed at /api/v1/districts")
    return district


def applicants(
    session: Session,
    actor: Actor,
    slug: str,
    *,
    today: date,
    band: str | None = None,
    need_month_before: str | None = None,
    status: str | None = None,
    named: str | None = None,
    page: int = 1,
    page_size: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Everyone with an active application to the register or a nomination to it, soonest need month first.

    A district officer gets the month a home is needed from (`YYYY-MM`), never the day, and no
    filter or order finer than a month: an exact need date let a council work out a date of
    birth (the 18th birthday) or a release date. Housing officers and admins see `need_date` too.

    Returns the page asked for (all rows when `page_size` is None, as for an export) and the total;
    only the rows returned are audited as seen. `named`: words to find in their name or reference.
    """
    with transaction(session):
        district_or_404(session, slug)
        applications = {
            row.young_person_id: row
            for row in session.execute(
                select(
                    Application.young_person_id, Application.band, Application.applied_on, Application.status
                ).where(Application.district == slug, Application.status == ApplicationStatus.ACTIVE)
            )
        }
        nominations: dict[str, Any] = {}
        for row in session.execute(
            select(Nomination.young_person_id, Nomination.status)
            .where(Nomination.district == slug)
            .order_by(Nomination.created_at)
        ):
            nominations[row.young_person_id] = row  # the latest wins
        ids = set(applications) | set(nominations)
        in_district = places_in(session, slug)
        people = _applicants_read(session, ids)
        exact = actor.role is not Role.DISTRICT_OFFICER
        rows = [
            minimised(p, applications.get(p.id), nominations.get(p.id), in_district, today, exact=exact)
            for p in people
        ]
        rows = [
            row
            for row in rows
            if (band is None or (row["application"] or {}).get("band") == band)
            and (need_month_before is None or row["need_month"] < need_month_before)
            and (status is None or (row["nomination"] or "none") == status)
            and _named(row, named)
        ]
        rows.sort(key=lambda row: (row["need_month"], row["reference"]))
        shown = rows if page_size is None else rows[(page - 1) * page_size : page * page_size]
        council = audit.council(session, slug)
        audit.record_views(session, actor, [row["id"] for row in shown], f"{council}'s applicants")
    return shown, len(rows)


@dataclass(frozen=True, slots=True)
class Applicant:
    """The columns a council's row is made of, read as plain values: a page of a register's
    applicants read every applicant's whole record and links as objects, most of its time
    (issue 34)."""

    id: str
    reference: str
    given_name: str
    family_name: str
    date_of_birth: date
    support_level: SupportLevel
    step_free: bool
    wheelchair: bool
    children: int
    move_date: date | None
    custody_release_date: date | None
    local_links: list[Any]  # (kind, place) rows, in the record's order

    @property
    def bedrooms_needed(self) -> int:
        return rules.bedrooms_needed(self.children)


def _applicants_read(session: Session, ids: set[str]) -> list[Applicant]:
    """Everyone named, each with their links: two narrow queries."""
    links: dict[str, list[Any]] = {person_id: [] for person_id in ids}
    for row in session.execute(
        select(LocalLink.young_person_id, LocalLink.kind, LocalLink.place)
        .where(LocalLink.young_person_id.in_(ids))
        .order_by(LocalLink.young_person_id, LocalLink.position)
    ):
        links[row.young_person_id].append(row)
    columns = [getattr(YoungPerson, field.name) for field in fields(Applicant) if field.name != "local_links"]
    return [
        Applicant(*row, local_links=links[row.id])
        for row in session.execute(select(*columns).where(YoungPerson.id.in_(ids)))
    ]


def _named(row: dict[str, Any], named: str | None) -> bool:
    """Every word searched for is in their name or reference (any case); nothing searched, everyone."""
    said = f"{row['given_name']} {row['family_name']} {row['reference']}".casefold()
    return all(word in said for word in (named or "").casefold().split())


def minimised(
    p: YoungPerson | Applicant,
    application: Any,
    nomination: Any,
    in_district: set[str],
    today: date,
    *,
    exact: bool = False,
) -> dict[str, Any]:
    """The only fields of a care leaver a council may see; `exact` adds the need date (county staff).
    `application` and `nomination` are records or rows holding the fields shown."""
    need = lifedates.need_date(p.date_of_birth, today, p.move_date, p.custody_release_date)
    return {
        "id": p.id,
        **named_person(p, today),
        "step_free": p.step_free,
        "wheelchair": p.wheelchair,
        "children": p.children,
        "bedrooms_needed": p.bedrooms_needed,
        "need_month": need.strftime("%Y-%m"),
        **({"need_date": need} if exact else {}),
        "links_in_district": [
            {"kind": link.kind, "place": link.place} for link in p.local_links if link.place in in_district
        ],
        "application": (
            {"band": application.band, "applied_on": application.applied_on, "status": application.status}
            if application
            else None
        ),
        "nomination": nomination.status if nomination else None,
    }
