"""The synthetic West Sussex scenario: rows for every table, from a seed, a scale and a date.

Numbers follow domain.md at scale 1 (about 650 young people aged 15-25, about 2,000 places);
everything is drawn from one `random.Random(seed)`, so a seed and an as-of date fix the
scenario exactly. Names are invented and numbered so that no row can be a real person.
"""

import math
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from housing.lifedates import add_months, age_on, birthday
from housing.vocabulary import HOUSE_PROJECT_HUB
from seeds.reference import (
    COASTAL_STRIP,
    COLLEGE_TOWNS,
    DISTRICTS,
    HOSPITAL_TOWNS,
    MAJOR_EMPLOYER,
    OUT_OF_COUNTY_SUPPORTED,
    PLACES,
    UNIVERSITY_TOWNS,
)

Row = dict[str, Any]

# Young people at scale 1, by age on the as-of date: 207 aged 16-18 known to the Virtual School,
# 600 care leavers with a personal adviser of whom 140 are 21 or over (domain.md, *Figures*).
AGE_COUNTS = {15: 50, 16: 70, 17: 75, 18: 80, 19: 75, 20: 70, 21: 50, 22: 40, 23: 30, 24: 15, 25: 10}
# Mid-2021 populations (thousands): where young people's homes are.
DISTRICT_WEIGHT = {
    "adur": 64,
    "arun": 164,
    "chichester": 124,
    "crawley": 118,
    "horsham": 146,
    "mid-sussex": 153,
    "worthing": 111,
}
# Of 402 care leavers' accommodation (2020): supported 143, Staying Put 83, lodgings 24; 97 in
# social housing (2022/23). Used for the routes of pathways already agreed.
AGREED_ROUTES = {
    "supported_accommodation": 143,
    "staying_put": 83,
    "register_vacancy": 97,
    "supported_lodgings": 24,
}
SUPPORTED_PLACES = 268  # May 2020
UASC_SUPPORTED_PLACES = 116
REGISTER_PLACES = 1_500  # vacancies and quotas across the seven registers over the year
LODGINGS_HOSTS = 40

GIVEN = (
    "Alex",
    "Sam",
    "Jordan",
    "Casey",
    "Riley",
    "Morgan",
    "Taylor",
    "Jamie",
    "Charlie",
    "Robin",
    "Avery",
    "Quinn",
    "Rowan",
    "Skyler",
    "Remy",
    "Eden",
    "Harper",
    "Kai",
    "Ari",
    "Noor",
    "Milan",
    "Sasha",
    "Jules",
    "Devon",
)
FAMILY = (
    "Testerton",
    "Sampleford",
    "Mockridge",
    "Placeholm",
    "Dummerby",
    "Fixtureby",
    "Stubbings",
    "Exampleton",
    "Synthwell",
    "Proxley",
)
WISHES = (
    "Wants to stay near {place} for college.",
    "Would like to live near family in {place}.",
    "Hopes to keep working in {place}.",
    "Wants a quiet place and to keep the same GP.",
    "Would like to live with friends nearby in {place}.",
)


@dataclass
class Scenario:
    young_people: list[Row] = field(default_factory=list)
    local_links: list[Row] = field(default_factory=list)
    preferences: list[Row] = field(default_factory=list)
    applications: list[Row] = field(default_factory=list)
    options: list[Row] = field(default_factory=list)
    cohorts: list[Row] = field(default_factory=list)
    cohort_members: list[Row] = field(default_factory=list)

    def tables(self) -> Iterator[tuple[str, list[Row]]]:
        # Options name young people (Staying Put), so people are written first; their pathway's
        # option is set once the options exist (see seeds.load).
        yield "young_people", self.young_people
        yield "local_links", self.local_links
        yield "preferences", self.preferences
        yield "applications", self.applications
        yield "options", self.options
        yield "cohorts", self.cohorts
        yield "cohort_members", self.cohort_members


class _Generator:
    def __init__(self, seed: int, scale: float, as_of: date) -> None:
        self.rng = random.Random(seed)
        self.scale = scale
        self.as_of = as_of
        self.out = Scenario()
        self.towns = {slug: [p[0] for p in PLACES if p[1] == slug] for slug, *_ in DISTRICTS}
        self.coords = {p[0]: (p[2], p[3]) for p in PLACES}
        self.bands = {slug: bands for slug, _, _, bands in DISTRICTS}
        self.district_of = {p[0]: p[1] for p in PLACES}

    def id(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex

    def count(self, at_scale_one: int) -> int:
        return max(1, round(at_scale_one * self.scale))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def nearest(self, town: str, among: tuple[str, ...]) -> str:
        lat, lon = self.coords[town]
        return min(among, key=lambda t: math.dist((lat, lon), self.coords[t]))

    def neighbour_district(self, slug: str) -> str:
        town = self.towns[slug][0]
        others = [d for d in self.towns if d != slug]
        return min(others, key=lambda d: math.dist(self.coords[town], self.coords[self.towns[d][0]]))

    # --- young people -------------------------------------------------------------------------

    def young_people(self) -> None:
        n = 0
        for age, at_scale_one in AGE_COUNTS.items():
            for _ in range(self.count(at_scale_one)):
                n += 1
                self.young_person(n, age)

    def young_person(self, n: int, age: int) -> None:
        rng = self.rng
        born = self.as_of - timedelta(days=rng.randrange(365))
        date_of_birth = add_months(born, -12 * age)
        home = rng.choices(list(DISTRICT_WEIGHT), weights=list(DISTRICT_WEIGHT.values()))[0]
        home_town = rng.choice(self.towns[home])
        uasc = self.chance(0.18)
        immigration = (
            rng.choices(["awaiting_decision", "leave_granted", "appeal_rights_exhausted"], [35, 55, 10])[0]
            if uasc
            else "not_applicable"
        )
        person_id = self.id()
        children = rng.choices([1, 2, 3], [70, 25, 5])[0] if age >= 17 and self.chance(0.07) else 0
        wheelchair = self.chance(0.03)
        status, route, agreed_on = self.pathway(age, date_of_birth)
        self.out.young_people.append(
            {
                "id": person_id,
                "reference": f"SYN-{n:06d}",
                "given_name": rng.choice(GIVEN),
                "family_name": f"{rng.choice(FAMILY)}-{n}",
                "date_of_birth": date_of_birth,
                "home_district": home,
                "current_place": home_town if self.chance(0.9) else rng.choice(OUT_OF_COUNTY_SUPPORTED),
                "support_level": rng.choices(["low", "medium", "high"], [35, 45, 20])[0],
                "step_free": wheelchair or self.chance(0.05),
                "wheelchair": wheelchair,
                "children": children,
                "uasc": uasc,
                "immigration": immigration,
                "custody_release_date": (
                    self.as_of + timedelta(days=rng.randrange(20, 300)) if self.chance(0.02) else None
                ),
                "avoid_places": [rng.choice(self.towns[home])] if self.chance(0.08) else [],
                "avoid_districts": [self.neighbour_district(home)] if self.chance(0.04) else [],
                "wishes": rng.choice(WISHES).format(place=home_town) if self.chance(0.6) else None,
                "move_date": (
                    birthday(date_of_birth, 18) + timedelta(days=rng.randrange(0, 120))
                    if age < 18 and self.chance(0.1)
                    else None
                ),
                "pathway_status": status,
                "pathway_route": route,
                "pathway_agreed_on": agreed_on,
                "pathway_option_id": None,
            }
        )
        self.links(person_id, age, home, home_town)
        self.preferences(person_id, home, home_town)
        if age >= 17 and immigration in ("not_applicable", "leave_granted"):
            self.applications(person_id, home, date_of_birth)
        if age in (16, 17) and not uasc and self.chance(0.45):
            self.staying_put(person_id, date_of_birth, home_town)

    def pathway(self, age: int, date_of_birth: date) -> tuple[str, str | None, date | None]:
        """Most care leavers over 18 already live somewhere agreed; the 17s are being planned."""
        if age >= 18 and self.chance(0.6):
            route = self.rng.choices(list(AGREED_ROUTES), list(AGREED_ROUTES.values()))[0]
            return "agreed", route, add_months(date_of_birth, 12 * 17 + self.rng.randrange(3, 9))
        if age >= 17 or (age == 16 and self.chance(0.3)):
            return "in_progress", None, None
        return "not_started", None, None

    def links(self, person_id: str, age: int, home: str, home_town: str) -> None:
        rng = self.rng
        links: list[tuple[str, str, int]] = [("family", home_town, rng.choice([1, 2, 3]))]
        if age <= 19 and self.chance(0.75):
            links.append(("college", self.nearest(home_town, COLLEGE_TOWNS), rng.choice([2, 3])))
        elif age >= 18 and self.chance(0.1):
            links.append(("college", rng.choice(UNIVERSITY_TOWNS), 2))
        if age >= 17 and self.chance(0.4):
            work = MAJOR_EMPLOYER if self.chance(0.3) else rng.choice(self.towns[home])
            links.append(("work", work, rng.choice([2, 3])))
        if self.chance(0.6):
            links.append(("friends", rng.choice(self.towns[home]), rng.choice([1, 2])))
        if self.chance(0.15):
            links.append(("health", self.nearest(home_town, HOSPITAL_TOWNS), rng.choice([2, 3])))
        if self.chance(0.05):
            links.append((rng.choice(["faith", "community"]), home_town, 1))
        for position, (kind, place, importance) in enumerate(links):
            self.out.local_links.append(
                {
                    "young_person_id": person_id,
                    "position": position,
                    "kind": kind,
                    "place": place,
                    "importance": importance,
                    "note": None,
                }
            )

    def preferences(self, person_id: str, home: str, home_town: str) -> None:
        rng = self.rng
        if not self.chance(0.7):
            return
        wishes = [
            {"route": None, "place": home_town, "district": None},
            {"route": None, "place": None, "district": home},
            {
                "route": rng.choice(["register_vacancy", "supported_lodgings", "house_project"]),
                "place": None,
                "district": None,
            },
        ]
        rng.shuffle(wishes)
        for rank, wish in enumerate(wishes[: rng.randint(1, 3)], start=1):
            self.out.preferences.append({"young_person_id": person_id, "rank": rank, **wish})

    def applications(self, person_id: str, home: str, date_of_birth: date) -> None:
        rng = self.rng
        districts = [home] if self.chance(0.55) else []
        if districts and self.chance(0.3):
            districts.append(self.neighbour_district(home))
        earliest = birthday(date_of_birth, 16)
        for district in districts:
            applied_on = max(earliest, self.as_of - timedelta(days=rng.randrange(730)))
            self.out.applications.append(
                {
                    "id": self.id(),
                    "young_person_id": person_id,
                    "district": district,
                    "band": rng.choice(self.bands[district]),
                    "applied_on": min(applied_on, self.as_of),
                    "status": "active",
                }
            )

    # --- the House Project ----------------------------------------------------------------

    def house_project(self) -> None:
        cohorts = list(HOUSE_PROJECT_COHORTS)
        starts = cohorts[-1][1]
        while (starts := add_months(starts, LATER_COHORTS_EVERY_MONTHS)) <= self.as_of:
            cohorts.append((f"Cohort {len(cohorts) + 1}", starts, 15, None, None, None))
        taken: set[str] = set()
        for name, starts_on, members, graduated, at_home, withdrawn in cohorts:
            if starts_on > self.as_of:
                continue
            people = self.cohort_members(starts_on, members, taken)
            stages = self.stages(starts_on, len(people), graduated, at_home, withdrawn)
            option_id, cohort_id = self.id(), self.id()
            members_left = sum(stage != "withdrawn" for stage, _ in stages)
            self.option(
                id=option_id, route="house_project", name=f"House Project: {name}", place=HOUSE_PROJECT_HUB,
                capacity=max(members, members_left), placed=members_left, available_from=starts_on,
                available_until=add_months(starts_on, ENROLMENT_WINDOW_MONTHS), min_age=16, max_age=25,
                support_levels=["low", "medium", "high"],
            )  # fmt: skip
            self.out.cohorts.append(
                {
                    "id": cohort_id,
                    "name": name,
                    "starts_on": starts_on,
                    "capacity": members,
                    "option_id": option_id,
                    "districts": sorted(DISTRICT_WEIGHT),
                    "created_at": datetime.combine(starts_on, time(9), UTC),
                    "created_by": "seed",
                }
            )
            for person, (stage, moved_in_on) in zip(people, stages, strict=True):
                self.member(
                    cohort_id, option_id, person, starts_on=starts_on, stage=stage, moved_in_on=moved_in_on
                )

    def cohort_members(self, starts_on: date, wanted: int, taken: set[str]) -> list[Row]:
        """Settled young people aged 17-21 when the cohort began, each in one cohort only."""
        fits = [
            p for p in self.out.young_people
            if p["id"] not in taken and p["immigration"] in ("not_applicable", "leave_granted")
            and 17 <= age_on(p["date_of_birth"], starts_on) <= 21 and p["children"] == 0
        ]  # fmt: skip
        chosen = self.rng.sample(fits, min(wanted, len(fits)))
        taken.update(p["id"] for p in chosen)
        return chosen

    def stages(
        self, starts_on: date, n: int, graduated: int | None, at_home: int | None, withdrawn: int | None
    ) -> list[tuple[str, date | None]]:
        """Each member's stage now and the day they moved in: the reported figures, or by time elapsed."""
        months = (self.as_of.year - starts_on.year) * 12 + self.as_of.month - starts_on.month
        moved = add_months(starts_on, 14)
        if graduated is not None:
            return ([("graduated", moved)] * at_home + [("graduated", None)] * (graduated - at_home)
                    + [("withdrawn", None)] * withdrawn)[:n]  # fmt: skip
        ladder = ["enrolled", "preparing", "tenancy_ready", "property_offered", "moved_in", "graduated"]
        reached = min(months // 4, len(ladder) - 1)
        out = []
        for _ in range(n):
            if months >= 3 and self.chance(0.1):
                out.append(("withdrawn", None))
                continue
            stage = ladder[max(0, reached - self.rng.randint(0, 1))]
            # Graduating and living in one's own home are separate facts: not every graduate has moved.
            has_home = stage == "moved_in" or (stage == "graduated" and self.chance(0.7))
            out.append((stage, moved if has_home and moved <= self.as_of else None))
        return out

    def member(
        self,
        cohort_id: str,
        option_id: str,
        person: Row,
        *,
        starts_on: date,
        stage: str,
        moved_in_on: date | None,
    ) -> None:
        since = moved_in_on or min(self.as_of, starts_on + timedelta(days=self.rng.randrange(0, 120)))
        self.out.cohort_members.append(
            {
                "id": self.id(),
                "cohort_id": cohort_id,
                "young_person_id": person["id"],
                "stage": stage,
                "stage_since": since,
                "enrolled_on": starts_on,
                "moved_in_on": moved_in_on,
                "property_place": HOUSE_PROJECT_HUB if moved_in_on else None,
                "property_option_id": None,
            }
        )
        if moved_in_on:
            person.update(pathway_status="agreed", pathway_route="house_project", pathway_option_id=option_id,
                          pathway_agreed_on=moved_in_on)  # fmt: skip
        elif stage not in ("withdrawn", "graduated"):
            person.update(pathway_status="in_progress", pathway_route="house_project",
                          pathway_option_id=option_id, pathway_agreed_on=None)  # fmt: skip

    # --- options ------------------------------------------------------------------------------

    def option(self, **row: Any) -> None:
        defaults = {
            "id": self.id(),
            "available_until": None,
            "step_free": False,
            "wheelchair": False,
            "bedrooms": 1,
            "accepts_children": False,
            "young_person_id": None,
            "carer_willing": None,
            "registered_16_17": None,
            "uasc_specialist": None,
            "district": self.district_of[row["place"]],
        }
        self.out.options.append(defaults | row)

    def staying_put(self, person_id: str, date_of_birth: date, town: str) -> None:
        self.option(
            route="staying_put",
            name=f"Staying Put with former foster carer ({town})",
            place=town,
            capacity=1,
            available_from=birthday(date_of_birth, 18) - timedelta(days=30),
            available_until=birthday(date_of_birth, 21),
            min_age=17,
            max_age=21,
            support_levels=["low", "medium"],
            young_person_id=person_id,
            carer_willing=self.chance(0.85),
        )

    def supported_accommodation(self) -> None:
        rng = self.rng
        places, uasc_places = self.count(SUPPORTED_PLACES), self.count(UASC_SUPPORTED_PLACES)
        n = 0
        while places > 0:
            n += 1
            capacity = min(places, rng.randint(3, 9))
            uasc = uasc_places > 0 and self.chance(UASC_SUPPORTED_PLACES / SUPPORTED_PLACES)
            uasc_places -= capacity if uasc else 0
            on_site = self.chance(100 / 143)
            town = rng.choice(COASTAL_STRIP) if self.chance(0.75) else rng.choice(OUT_OF_COUNTY_SUPPORTED)
            registered = self.chance(0.6)
            self.option(
                route="supported_accommodation",
                name=f"{'UASC ' if uasc else ''}{'on-site' if on_site else 'outreach'} scheme {n} ({town})",
                place=town,
                capacity=capacity,
                available_from=self.as_of - timedelta(days=rng.randrange(365)),
                min_age=16 if registered else 18,
                max_age=25,
                support_levels=["low", "medium", "high"] if on_site else ["low", "medium"],
                step_free=self.chance(0.2),
                wheelchair=self.chance(0.05),
                registered_16_17=registered,
                uasc_specialist=uasc,
            )
            places -= capacity

    def supported_lodgings(self) -> None:
        rng = self.rng
        in_county = [p[0] for p in PLACES if p[1]]
        for n in range(1, self.count(LODGINGS_HOSTS) + 1):
            town = rng.choice(in_county)
            self.option(
                route="supported_lodgings",
                name=f"Supported lodgings host {n} ({town})",
                place=town,
                capacity=rng.choices([1, 2], [80, 20])[0],
                available_from=self.as_of + timedelta(days=rng.randrange(-180, 180)),
                min_age=16,
                max_age=21,
                support_levels=["low", "medium"],
                registered_16_17=self.chance(0.7),
            )

    def register_vacancies(self) -> None:
        rng = self.rng
        total_weight = sum(DISTRICT_WEIGHT.values())
        for slug, weight in DISTRICT_WEIGHT.items():
            places = self.count(REGISTER_PLACES * weight / total_weight)
            n = 0
            while places > 0:
                n += 1
                capacity = min(places, 1 if self.chance(0.85) else rng.randint(2, 5))
                bedrooms = rng.choices([1, 2, 3], [70, 25, 5])[0]
                town = rng.choice(self.towns[slug])
                start = self.as_of + timedelta(days=rng.randrange(365))
                kind = "Quota" if capacity > 1 else "Vacancy"
                self.option(
                    route="register_vacancy",
                    name=f"{kind} {slug.upper()}-{n:05d}, {bedrooms}-bed ({town})",
                    place=town,
                    capacity=capacity,
                    available_from=start,
                    available_until=start + timedelta(days=90) if self.chance(0.5) else None,
                    min_age=18,
                    max_age=25,
                    support_levels=["low", "medium", "high"] if self.chance(0.1) else ["low", "medium"],
                    step_free=self.chance(0.15),
                    wheelchair=self.chance(0.04),
                    bedrooms=bedrooms,
                    accepts_children=bedrooms >= 2,
                )
                places -= capacity


# The House Project (Ofsted 2024): cohort 1 from January 2023, 11 graduated of whom 8 live in
# their own homes; cohort 2 of 12; 15 joined in May 2024, and 15 every six months from then on.
HOUSE_PROJECT_COHORTS = (
    # name, starts on, members, graduated, of whom in their own homes, withdrawn
    ("Cohort 1", date(2023, 1, 9), 12, 11, 8, 1),
    ("Cohort 2", date(2023, 10, 2), 12, 9, 7, 3),
    ("Cohort 3", date(2024, 5, 1), 15, None, None, None),
)
LATER_COHORTS_EVERY_MONTHS = 6
ENROLMENT_WINDOW_MONTHS = 3  # a cohort takes new members in its first three months


def generate(seed: int, scale: float, as_of: date) -> Scenario:
    generator = _Generator(seed, scale, as_of)
    generator.young_people()
    generator.house_project()
    generator.supported_accommodation()
    generator.supported_lodgings()
    generator.register_vacancies()
    return generator.out


def ages(scenario: Scenario, as_of: date) -> dict[int, int]:
    """Young people by age on `as_of`: how the scenario is checked against the figures."""
    counts: dict[int, int] = {}
    for person in scenario.young_people:
        age = age_on(person["date_of_birth"], as_of)
        counts[age] = counts.get(age, 0) + 1
    return counts
