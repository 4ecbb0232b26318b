"""Writing reference data and a scenario to the store: upsert the one, replace the other."""

from collections.abc import Callable

from sqlalchemy import bindparam, delete, insert, update
from sqlalchemy.orm import Session

from housing.db import transaction
from housing.models import (
    Adviser,
    Allocation,
    Application,
    AuditEntry,
    AuditShown,
    Cohort,
    CohortMember,
    District,
    Event,
    HousingNote,
    HousingTask,
    IdempotentRequest,
    LocalLink,
    MatchingRun,
    Nomination,
    Notification,
    Option,
    PathwayReview,
    Place,
    Placement,
    Preference,
    Proposal,
    Provider,
    Rejection,
    SentEmail,
    SettingUpHome,
    Sibling,
    SignOff,
    TriplePlan,
    YoungPerson,
)
from seeds.reference import DISTRICTS, PLACES
from seeds.scenario import Scenario

MODELS = {
    "young_people": YoungPerson,
    "local_links": LocalLink,
    "preferences": Preference,
    "applications": Application,
    "providers": Provider,
    "options": Option,
    "cohorts": Cohort,
    "cohort_members": CohortMember,
    "placements": Placement,
    "advisers": Adviser,
    "allocations": Allocation,
    "siblings": Sibling,
    "pathway_reviews": PathwayReview,
}
CHUNK = 5_000


def load_reference(session: Session) -> None:
    """Upsert the districts and places, so users and records that name them stay valid."""
    with transaction(session):
        for slug, gss_code, name, bands in DISTRICTS:
            session.merge(District(slug=slug, gss_code=gss_code, name=name, bands=list(bands)))
        session.flush()
        for name, district, lat, lon in PLACES:
            session.merge(Place(name=name, district=district, lat=lat, lon=lon))


# The case data, in an order it can be deleted in (children first): everything but users and reference data.
CASE_DATA = (SentEmail, Notification, SignOff, HousingNote, HousingTask, TriplePlan, PathwayReview,
             Allocation, Sibling, Adviser, IdempotentRequest, SettingUpHome,
             Nomination, Placement, Rejection, Proposal, MatchingRun, CohortMember, Cohort, Event,
             Option, Provider, LocalLink, Preference, Application, YoungPerson,
             AuditShown, AuditEntry)  # fmt: skip


def clear_case_data(session: Session) -> None:
    """Remove all case data: young people, options, runs, decisions, audit, and the idempotency keys
    naming them. Staff users and reference data stay; young people's own accounts go with their records."""
    session.execute(update(YoungPerson).values(pathway_option_id=None))
    for model in CASE_DATA:
        session.execute(delete(model))


def write_scenario(
    session: Session, scenario: Scenario, progress: Callable[[int], None] = lambda _rows: None
) -> None:
    """Replace the case data with the scenario in one transaction: all of it or none."""
    with transaction(session):
        clear_case_data(session)
        for table, table_rows in scenario.tables():
            rows = table_rows
            if table == "young_people":  # their pathway's option does not exist yet
                rows = [row | {"pathway_option_id": None} for row in table_rows]
            for start in range(0, len(rows), CHUNK):
                chunk = rows[start : start + CHUNK]
                session.execute(insert(MODELS[table]), chunk)
                progress(len(chunk))
        pathways = [
            {"person": p["id"], "option": p["pathway_option_id"]}
            for p in scenario.young_people
            if p["pathway_option_id"]
        ]
        if pathways:
            people = YoungPerson.__table__  # a plain executemany: no ORM objects to keep in step
            session.execute(
                update(people)
                .where(people.c.id == bindparam("person"))
                .values(pathway_option_id=bindparam("option")),
                pathways,
            )


def row_count(scenario: Scenario) -> int:
    return sum(len(rows) for _, rows in scenario.tables())
