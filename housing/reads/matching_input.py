"""The store's records as the matcher's plain data: who is in scope, and every option with room."""

from collections import defaultdict
from dataclasses import replace
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from sqlalchemy import ColumnElement, Row, select
from sqlalchemy.orm import Session

import matching
from housing import due, lifedates, rules
from housing.errors import Invalid, NotFound
from housing.models import (
    Application,
    Cohort,
    CohortMember,
    District,
    LocalLink,
    Option,
    Place,
    Preference,
    Rejection,
    YoungPerson,
)
from housing.reads import commitments, reference
from housing.services import placements
from housing.vocabulary import (
    ACTIVE_STAGES,
    ApplicationStatus,
    Immigration,
    PathwayStatus,
    Route,
    SupportLevel,
)


class InScope(NamedTuple):
    """A young person as a run reads them from the store: the columns it uses, their local links
    (`kind`, `place`, `importance`, in their order) and their preferences (`rank`, `route`, `place`,
    `district`, by rank). Rows, not ORM objects: at ten times the county, loading 1,668 young people
    with their links and preferences through the ORM was half of reading the store (issue 34)."""

    id: str
    reference: str
    date_of_birth: date
    home_district: str
    pathway_status: PathwayStatus
    move_date: date | None
    custody_release_date: date | None
    support_level: SupportLevel
    step_free: bool
    wheelchair: bool
    children: int
    uasc: bool
    immigration: Immigration
    avoid_places: list[str]
    avoid_districts: list[str]
    leave_granted_on: date | None
    local_links: tuple[Row, ...]
    preferences: tuple[Row, ...]

    @property
    def pathway_deadline(self) -> date:
        return lifedates.pathway_deadline(self.date_of_birth)


_COLUMNS = tuple(getattr(YoungPerson, name) for name in InScope._fields[:-2])


def scope_problem(person: YoungPerson | InScope, as_of: date, in_cohort: set[str]) -> str | None:
    """Why a young person is out of a run's scope, or None: 16-25, pathway not agreed, no active cohort."""
    if not rules.in_matching_scope(person.date_of_birth, as_of):
        return f"aged {lifedates.age_on(person.date_of_birth, as_of)} on {as_of}; runs are for 16-25"
    if person.pathway_status == PathwayStatus.AGREED:
        return "their pathway is already agreed"
    if person.id in in_cohort:
        return "an active member of a House Project cohort"
    return None


def district_slugs(session: Session) -> list[str]:
    return list(session.scalars(select(District.slug)))


def in_scope(
    session: Session, as_of: date, ids: list[str] | None, *, born_after: date | None = None
) -> list[InScope]:
    """Everyone in scope on `as_of` (only those born after `born_after`, where given), or exactly the
    young people named (404 unknown, 422 out of scope), by reference."""
    in_cohort = set(
        session.scalars(select(CohortMember.young_person_id).where(CohortMember.stage.in_(ACTIVE_STAGES)))
    )
    if ids is None:
        oldest = lifedates.add_months(as_of, -12 * (rules.OLDEST_CARE_LEAVER + 1))
        which = (
            YoungPerson.pathway_status != PathwayStatus.AGREED,
            YoungPerson.date_of_birth > max(oldest, born_after or oldest),
        )
    else:
        which = (YoungPerson.id.in_(ids),)
    people = _with_links(session, which)
    if ids is None:
        return [p for p in people if not scope_problem(p, as_of, in_cohort)]
    missing = sorted(set(ids) - {p.id for p in people})
    if missing:
        raise NotFound(f"no young person with id {', '.join(missing)}")
    out_of_scope = {p.id: [problem] for p in people if (problem := scope_problem(p, as_of, in_cohort))}
    if out_of_scope:
        raise Invalid({"young_people": out_of_scope}, "Some young people are out of the run's scope.")
    return people


def _with_links(session: Session, which: tuple[ColumnElement[bool], ...]) -> list[InScope]:
    """The young people `which` selects, by reference, each with their links and preferences: three
    reads of narrow rows (the links and preferences of those `which` selects, joined to them)."""
    links: dict[str, list[Row]] = defaultdict(list)
    for row in session.execute(
        select(LocalLink.young_person_id, LocalLink.kind, LocalLink.place, LocalLink.importance)
        .join(YoungPerson, YoungPerson.id == LocalLink.young_person_id)
        .where(*which)
        .order_by(LocalLink.young_person_id, LocalLink.position)
    ):
        links[row.young_person_id].append(row)
    preferences: dict[str, list[Row]] = defaultdict(list)
    for row in session.execute(
        select(
            Preference.young_person_id,
            Preference.rank,
            Preference.route,
            Preference.place,
            Preference.district,
        )
        .join(YoungPerson, YoungPerson.id == Preference.young_person_id)
        .where(*which)
        .order_by(Preference.young_person_id, Preference.rank)
    ):
        preferences[row.young_person_id].append(row)
    return [
        InScope(*row, tuple(links.get(row.id, ())), tuple(preferences.get(row.id, ())))
        for row in session.execute(select(*_COLUMNS).where(*which).order_by(YoungPerson.reference))
    ]


def build(session: Session, as_of: date, people: list[InScope], reach_km: float) -> matching.Problem:
    places = reference.places_by_name(session)
    ids = {p.id for p in people}
    rejected = frozenset(
        (young_person_id, option_id)
        for young_person_id, option_id in session.execute(
            select(Rejection.young_person_id, Rejection.option_id)
        )
        if young_person_id in ids
    )
    # The options as rows of columns, not ORM objects: at ten times the county, making 14,650
    # objects was most of reading the store (issue 34).
    stored = session.execute(select(Option.__table__).order_by(Option.id)).all()
    schemes = bedroom_schemes(session)
    held = placements.held_meanwhile(session, as_of)  # places held on the run's date or later (issue 17)
    living = placements.living_in(session, ids, as_of)  # continuity (issue 17)
    cohorts = session.execute(select(Cohort.option_id, Cohort.districts))
    cohort_districts = {row.option_id: row.districts for row in cohorts}
    by_name = sorted(places.values(), key=lambda p: p.name)
    return matching.Problem(
        as_of=as_of,
        young_people=tuple(
            replace(p, lives_in=living.get(p.id)) for p in young_people(session, as_of, people, places)
        ),
        options=tuple(
            option(
                o,
                places,
                schemes.get(o.district),
                cohort_sites(cohort_districts.get(o.id, ()), by_name),
                remaining=o.capacity - o.placed - held.get(o.id, 0),
            )
            for o in stored
        ),
        rejected=rejected,
        reach_km=reach_km,
        district_caps=MappingProxyType(commitments.matching_limits(session, as_of)),
    )


def young_people(
    session: Session, as_of: date, people: list[InScope], places: dict[str, Place]
) -> tuple[matching.YoungPerson, ...]:
    """The young people as the matcher takes them on `as_of` (without `lives_in`, a run's own read).

    Reads the whole table of active applications rather than IN (…) over thousands of ids, which
    SQLite caps."""
    applied: dict[str, set[str]] = defaultdict(set)
    for young_person_id, district in session.execute(
        select(Application.young_person_id, Application.district).where(
            Application.status == ApplicationStatus.ACTIVE
        )
    ):
        applied[young_person_id].add(district)
    return tuple(young_person(p, as_of, places, applied[p.id]) for p in people)


def young_person(
    p: YoungPerson | InScope, as_of: date, places: dict[str, Place], applied: set[str]
) -> matching.YoungPerson:
    need = lifedates.need_date(p.date_of_birth, as_of, p.move_date, p.custody_release_date)
    # In scope means not settled (pathway not agreed, no active cohort): what is due follows.
    what_is_due = due.due_on(as_of, p.date_of_birth, p.move_date, p.custody_release_date)
    return matching.YoungPerson(
        id=p.id,
        age=lifedates.age_on(p.date_of_birth, need),
        need_date=need,
        pathway_deadline=p.pathway_deadline,
        support_level=p.support_level,
        step_free=p.step_free,
        wheelchair=p.wheelchair,
        children=p.children,
        bedrooms_needed=rules.bedrooms_needed(p.children),
        uasc=p.uasc,
        immigration=p.immigration,
        avoid_places=frozenset(p.avoid_places),
        avoid_districts=frozenset(p.avoid_districts),
        links=tuple(
            matching.Link(
                link.kind, link.place, places[link.place].lat, places[link.place].lon, link.importance
            )
            for link in p.local_links
        ),
        preferences=tuple(
            matching.Preference(pref.rank, pref.route, pref.place, pref.district) for pref in p.preferences
        ),
        applied_districts=frozenset(applied),
        due_date=what_is_due.on if what_is_due else None,
        due=what_is_due.kind.value if what_is_due else None,
        # A run serves tiers in order (contract v1.2): the service says which, the matcher never guesses.
        due_tier=due.tier_of(
            what_is_due, due.their_date(as_of, p.move_date, p.custody_release_date), as_of
        ).value,
    )


def cohort_sites(districts: list[str] | tuple[()], by_name: list[Place]) -> tuple[matching.Site, ...]:
    """Where a House Project cohort's homes will be: every town of its districts (issue 25), in the
    order of `by_name` (the places sorted by name, once per run: most options are no cohort's).

    Members move into their own tenancies in the cohort's districts, not at the Crawley hub, so a
    young person's links are measured from the town of those districts that keeps them best.
    """
    if not districts:
        return ()
    return tuple(matching.Site(p.name, p.lat, p.lon) for p in by_name if p.district in districts)


def bedroom_schemes(session: Session) -> dict[str, tuple[tuple[int, ...], bool]]:
    """Each district's allocation scheme as BEDROOMS reads it: its standard (() for the service's own
    need) and whether it lets larger homes."""
    return {
        slug: (tuple(standard or ()), bool(larger))
        for slug, standard, larger in session.execute(
            select(District.slug, District.bedroom_standard, District.larger_homes_allowed)
        )
    }


def option(
    o: Option | Row,
    places: dict[str, Place],
    scheme: tuple[tuple[int, ...], bool] | None = None,
    sites: tuple[matching.Site, ...] = (),
    *,
    remaining: int | None = None,
) -> matching.Option:
    """A stored option (or its row of columns, with `remaining` on the run's date) as the matcher
    takes it; a register vacancy carries its district's bedroom scheme; `sites`, where its homes
    will be if not at its place (a House Project cohort's towns)."""
    place = places[o.place]
    council = o.route == Route.REGISTER_VACANCY and scheme is not None
    standard, larger = scheme if council else ((), True)
    return matching.Option(
        id=o.id,
        route=o.route,
        place=o.place,
        lat=place.lat,
        lon=place.lon,
        district=o.district,
        remaining=o.remaining if remaining is None else remaining,
        available_from=o.available_from,
        available_until=o.available_until,
        min_age=o.min_age,
        max_age=o.max_age,
        support_levels=frozenset(o.support_levels),
        step_free=o.step_free,
        wheelchair=o.wheelchair,
        bedrooms=o.bedrooms,
        accepts_children=o.accepts_children,
        young_person=o.young_person_id,
        carer_willing=o.carer_willing,
        registered_16_17=o.registered_16_17,
        uasc_specialist=o.uasc_specialist,
        sites=sites,
        scheme_bedrooms=standard,
        larger_homes_allowed=larger,
    )
