"""Where the agreed young people of the scenario live now: a placement on an option of their route.

Every agreed pathway has its placement (api-contract v1.1, *Placements and their end*), so the
places they hold are taken: supported accommodation and lodgings fill from the scenario's own
schemes and hosts; a Staying Put offer, a council let or a private tenancy is made for the one
young person living there; House Project members who moved in hold their cohort's place.
"""

from datetime import UTC, datetime, time, timedelta

from housing.lifedates import add_months, age_on, birthday
from seeds.places import Places
from seeds.scenario_rows import Row

SUPPORTED = ("supported_accommodation", "supported_lodgings")
TENANCIES = ("register_vacancy", "private_rented")
SETTLED = ("not_applicable", "leave_granted")


class Placements(Places):
    def placements(self) -> None:
        rooms = {o["id"]: o for o in self.out.options}
        for person in self.out.young_people:
            if person["pathway_status"] != "agreed":
                continue
            if person["pathway_route"] in TENANCIES and person["immigration"] not in SETTLED:
                person["pathway_route"] = "supported_accommodation"  # no tenancy without the right to rent
            option, starts_on = self.home_of(person, rooms)
            if option is None:  # every scheme and host is full: the pathway is still being planned
                person.update(pathway_status="in_progress", pathway_route=None, pathway_agreed_on=None)
                continue
            if option["route"] != "house_project":  # a cohort's place is counted by its members
                option["placed"] += 1
            person["pathway_option_id"] = option["id"]
            self.out.placements.append(
                {
                    "id": self.id(),
                    "young_person_id": person["id"],
                    "option_id": option["id"],
                    "proposal_id": None,
                    "status": "active",
                    "created_at": datetime.combine(starts_on, time(9), UTC),
                    "created_by": "seed",
                    "starts_on": starts_on,
                }
            )

    def home_of(self, person: Row, rooms: dict[str, Row]) -> tuple[Row | None, object]:
        route, town = person["pathway_route"], person["current_place"]
        adult = birthday(person["date_of_birth"], 18)
        if route == "house_project":
            return rooms[person["pathway_option_id"]], person["pathway_agreed_on"]
        if route in SUPPORTED:
            age = age_on(person["date_of_birth"], self.as_of)
            free = [
                o for o in self.out.options
                if o["route"] == route and o["placed"] < o["capacity"] and o["min_age"] <= age <= o["max_age"]
                and (o["uasc_specialist"] is not True or person["uasc"])
            ]  # fmt: skip
            if not free:
                return None, None
            near = [o for o in free if o["district"] == person["home_district"]]
            moved = adult + timedelta(days=self.rng.randrange(90))
            return self.rng.choice(near or free), min(self.as_of, moved)
        if route == "staying_put":
            self.option(
                route="staying_put", name=f"Staying Put with former foster carer ({town})", place=town,
                capacity=1, available_from=adult - timedelta(days=30),
                available_until=birthday(person["date_of_birth"], 21), min_age=17, max_age=21,
                support_levels=["low", "medium"], young_person_id=person["id"], carer_willing=True,
            )  # fmt: skip
            return self.out.options[-1], adult
        starts_on = min(self.as_of, add_months(adult, self.rng.randrange(0, 12)))
        district_town = self.rng.choice(self.towns[person["home_district"]])
        kind = "Council let" if route == "register_vacancy" else "Private tenancy (rent in advance paid)"
        self.option(
            route=route, name=f"{kind} ({district_town})", place=district_town, capacity=1,
            available_from=starts_on, min_age=18, max_age=25, support_levels=["low", "medium"],
        )  # fmt: skip
        return self.out.options[-1], starts_on
