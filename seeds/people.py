"""Young people of the scenario: ages, homes, links, preferences, register applications."""

from datetime import date, timedelta

from housing.lifedates import add_months, birthday
from seeds.draw import Draw
from seeds.reference import (
    COLLEGE_TOWNS,
    DISTRICT_WEIGHT,
    HOSPITAL_TOWNS,
    MAJOR_EMPLOYER,
    OUT_OF_COUNTY_SUPPORTED,
    UNIVERSITY_TOWNS,
)

# Young people at scale 1, by age on the as-of date: 207 aged 16-18 known to the Virtual School
# (scrutiny report), about 600 care leavers with a personal adviser of whom 140 (scrutiny report) to
# 163 (Ofsted 2024) are 21 or over (domain.md, *Figures*).
AGE_COUNTS = {15: 50, 16: 65, 17: 70, 18: 72, 19: 120, 20: 120, 21: 55, 22: 40, 23: 25, 24: 15, 25: 10}
# Of 402 care leavers' accommodation (2020): supported 143, Staying Put 83, lodgings 24; 97 in
# social housing and 50 in private rented homes (2022/23). Used for the routes of pathways already agreed.
AGREED_ROUTES = {
    "supported_accommodation": 143,
    "staying_put": 83,
    "register_vacancy": 97,
    "supported_lodgings": 24,
    "private_rented": 50,
}

AGREED_FROM_18 = 0.93  # most care leavers over 18 live somewhere agreed (93 % suitably, 2022/23)
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


class People(Draw):
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
                "accommodation_code": None,
                "accommodation_suitable": None,
                "accommodation_judged_on": None,
                "in_touch": None,
                "activity": None,
                "leave_granted_on": None,
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
        if age >= 18 and self.chance(AGREED_FROM_18):
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
