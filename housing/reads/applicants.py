"""The applicants to one council's register, as that council may see them: a use case of the councils' side.

Rows are built here field by field from the minimised list, so a full record never reaches the
district's side: no date of birth, immigration or UASC status, custody date, avoid lists, wishes,
notes, or links outside the district.
"""

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from housing import lifedates
from housing.actors import Actor
from housing.db import transaction
from housing.errors import NotFound
from housing.models import Application, District, Nomination, YoungPerson
from housing.reads.names import named_person
from housing.reads.reference import places_in
from housing.services import audit
from housing.vocabulary import ApplicationStatus, Role


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
            a.young_person_id: a
            for a in session.scalars(
                select(Application).where(
                    Application.district == slug, Application.status == ApplicationStatus.ACTIVE
                )
            )
        }
        nominations: dict[str, Nomination] = {}
        for n in session.scalars(
            select(Nomination).where(Nomination.district == slug).order_by(Nomination.created_at)
        ):
            nominations[n.young_person_id] = n  # the latest wins
        ids = set(applications) | set(nominations)
        in_district = places_in(session, slug)
        people = session.scalars(
            select(YoungPerson).where(YoungPerson.id.in_(ids)).options(selectinload(YoungPerson.local_links))
        )
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


def _named(row: dict[str, Any], named: str | None) -> bool:
    """Every word searched for is in their name or reference (any case); nothing searched, everyone."""
    said = f"{row['given_name']} {row['family_name']} {row['reference']}".casefold()
    return all(word in said for word in (named or "").casefold().split())


def minimised(
    p: YoungPerson,
    application: Application | None,
    nomination: Nomination | None,
    in_district: set[str],
    today: date,
    *,
    exact: bool = False,
) -> dict[str, Any]:
    """The only fields of a care leaver a council may see; `exact` adds the need date (county staff)."""
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
