"""Where the young people of the scenario live now: a placement on an option of their route.

Every agreed pathway has its placement (api-contract v1.1, *Placements and their end*), and the
figures follow the sources (scrutiny report 2.13, 2022/23): 83 in Staying Put, 97 in social
housing, 50 in private rented homes; 24 in supported lodgings (2020 accommodation survey). The
rest of those agreed, UASC awaiting leave (ILACS 2023, 42: they live in block-contract housing),
and most of those 16 to 20 whose pathway is still being planned live in the county's supported
accommodation, so most of its 268 places are taken (the sources count 268 placements in use in May
2020, under "significant pressure on placement numbers"). UASC live in the schemes for them first,
and more often out of county; others go out of county only when the county is full, and while UASC
stay most of those there (the sufficiency strategy: "most young people placed out of county are
UASC"). A Staying Put offer, a council let or a private tenancy is made for the one young person
living there; House Project members who moved in hold their cohort's place.
"""

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from housing import money
from housing.lifedates import add_months, age_on, birthday
from seeds.places import Places
from seeds.scenario_rows import Row

SETTLED = ("not_applicable", "leave_granted")
# Agreed pathways by route at scale 1 (the sources), filled in this order; the rest are supported.
AGREED = (("staying_put", 83), ("register_vacancy", 97), ("private_rented", 50), ("supported_lodgings", 24))
WAITING_IN_SUPPORTED = 0.85  # of those 16 to 20 still being planned for, living in supported accommodation
# SSDA903 accommodation letters by route: supported accommodation is semi-independent (D),
# lodgings E, Staying Put R, a tenancy (council, private or House Project) independent living (U).
ACCOMMODATION_LETTER = {"supported_accommodation": "D", "supported_lodgings": "E", "staying_put": "Z",
                        "register_vacancy": "U", "private_rented": "U", "house_project": "U"}  # fmt: skip
# Activity of care leavers in touch: about four in ten aged 19 to 21 not in education, training or
# employment (DfE, children looked after in England, 2023), the rest mostly in education or work.
ACTIVITY_WEIGHTS = {"F1": 6, "F2": 25, "P2": 3, "F4": 18, "P4": 7, "F5": 4, "G4": 7, "G5": 25, "G6": 5}
SUITABLE = 0.93  # of 18-21-year-olds in suitable accommodation, 2022/23 (scrutiny report 2.13)
UASC_AWAY = 0.8  # of UASC in supported accommodation, placed out of county where a place is free


class Placements(Places):
    def placements(self) -> None:
        agreed = [p for p in self.out.young_people
                  if p["pathway_status"] == "agreed" and p["pathway_route"] != "house_project"]  # fmt: skip
        self.rng.shuffle(agreed)
        for route, at_scale_one in AGREED:
            wanted = self.count(at_scale_one)
            for person in [p for p in agreed if self.fits(p, route)][:wanted]:
                person["pathway_route"] = route
                agreed.remove(person)
                self.live_in(person, *self.home_of(person, route))
        for person in agreed:
            person["pathway_route"] = "supported_accommodation"
            option, starts_on = self.home_of(person, "supported_accommodation")
            if option is None:  # every scheme is full: the pathway is still being planned
                person.update(pathway_status="in_progress", pathway_route=None, pathway_agreed_on=None)
                continue
            self.live_in(person, option, starts_on)
        cohort_places = {o["id"]: o for o in self.out.options if o["route"] == "house_project"}
        for person in self.out.young_people:
            age = age_on(person["date_of_birth"], self.as_of)
            if person["pathway_status"] == "agreed" and person["pathway_route"] == "house_project":
                self.live_in(person, cohort_places[person["pathway_option_id"]], person["pathway_agreed_on"])
            elif self.waiting(person, age) and self.chance(WAITING_IN_SUPPORTED):
                option, starts_on = self.home_of(person, "supported_accommodation", under_18=age < 18)
                if option is not None:
                    self.live_in(person, option, starts_on, agreed=False)
        self.consistent_avoid_lists()
        self.accommodation_judged()

    @staticmethod
    def waiting(person: Row, age: int) -> bool:
        """Still being planned for, at 16 to 20, and not waiting for a House Project home."""
        if person["pathway_status"] == "agreed" or not 16 <= age <= 20:
            return False
        return age < 18 or person["pathway_route"] is None

    def fits(self, person: Row, route: str) -> bool:
        age = age_on(person["date_of_birth"], self.as_of)
        if route == "staying_put":
            return age <= 20 and not person["uasc"]  # Staying Put runs to 21, with a former foster carer
        if route == "supported_lodgings":  # UASC awaiting leave live in block-contract housing (ILACS 42)
            return age <= 20 and (not person["uasc"] or person["immigration"] in SETTLED)
        return person["immigration"] in SETTLED  # a tenancy needs the right to rent

    def live_in(self, person: Row, option: Row, starts_on: date, *, agreed: bool = True) -> None:
        if option["route"] != "house_project":  # a cohort's place is counted by its members
            option["placed"] += 1
        if agreed:
            person["pathway_option_id"] = option["id"]
        else:
            person["current_place"] = option["place"]
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

    def home_of(self, person: Row, route: str, *, under_18: bool = False) -> tuple[Row | None, date]:
        """The option they live in on `route`, and the day they moved in."""
        adult = birthday(person["date_of_birth"], 18)
        if route in ("supported_accommodation", "supported_lodgings"):
            moved_in = (
                self.as_of - timedelta(days=self.rng.randrange(1, 200))
                if under_18
                else min(self.as_of, adult + timedelta(days=self.rng.randrange(90)))
            )
            return self.supported_place(person, route, under_18), moved_in
        if route == "staying_put":  # with the former foster carer, in their home district
            town = self.rng.choice(self.towns[person["home_district"]])
            self.option(
                route="staying_put", name=f"Staying Put with former foster carer ({town})", place=town,
                capacity=1, available_from=adult - timedelta(days=30),
                available_until=birthday(person["date_of_birth"], 21), min_age=17, max_age=21,
                support_levels=["low", "medium"], young_person_id=person["id"], carer_willing=True,
            )  # fmt: skip
            return self.out.options[-1], adult
        starts_on = min(self.as_of, add_months(adult, self.rng.randrange(0, 12)))
        town = self.rng.choice(self.towns[person["home_district"]])
        kind = "Council let" if route == "register_vacancy" else "Private tenancy (rent in advance paid)"
        money = tenancy_money(person["id"], person["home_district"]) if route == "private_rented" else {}
        self.option(
            route=route, name=f"{kind} ({town})", place=town, capacity=1,
            available_from=starts_on, min_age=18, max_age=25, support_levels=["low", "medium"], **money,
        )  # fmt: skip
        return self.out.options[-1], starts_on

    def supported_place(self, person: Row, route: str, under_18: bool) -> Row | None:
        age = age_on(person["date_of_birth"], self.as_of)
        free = [
            o for o in self.out.options
            if o["route"] == route and o["placed"] < o["capacity"] and o["min_age"] <= age <= o["max_age"]
            and (o["uasc_specialist"] is not True or person["uasc"])
            and (o["registered_16_17"] or not under_18)
        ]  # fmt: skip
        if not free:
            return None
        if person["uasc"]:  # "most young people placed out of county are UASC"
            free = [o for o in free if o["uasc_specialist"]] or free
            away = [o for o in free if o["district"] is None]
            if away and self.chance(UASC_AWAY):
                return self.rng.choice(away)
            return self.rng.choice([o for o in free if o["district"]] or free)
        if not under_18:  # adults leave the registered places to the 16- and 17-year-olds who need them
            free = [o for o in free if not o["registered_16_17"]] or free
        in_county = [o for o in free if o["district"]]  # others stay in the county while it has room
        near = [o for o in in_county if o["district"] == person["home_district"]]
        if not in_county:  # out of county when the county is full, while UASC stay most of those there
            return self.rng.choice(free) if self.room_away_for_others() else None
        return self.rng.choice(near or in_county)

    def room_away_for_others(self) -> bool:
        """Whether one more young person who is not UASC may be placed out of county and UASC stay the
        majority there ("most young people placed out of county are UASC")."""
        supported = (o for o in self.out.options if o["route"] == "supported_accommodation")
        away = {o["id"] for o in supported if o["district"] is None}
        uasc = {p["id"] for p in self.out.young_people if p["uasc"]}
        there = [p["young_person_id"] in uasc for p in self.out.placements if p["option_id"] in away]
        return sum(there) > len(there) - sum(there) + 1

    def accommodation_judged(self) -> None:
        """Each care leaver living in a placement has their accommodation judged, most of it suitable
        (93 % of 18-21-year-olds, 2022/23): its SSDA903 letter follows the route."""
        route_of = {o["id"]: o["route"] for o in self.out.options}
        living = {p["young_person_id"]: p for p in self.out.placements}
        for person in self.out.young_people:
            placement = living.get(person["id"])
            if placement is None or age_on(person["date_of_birth"], self.as_of) < 16:
                continue
            person["accommodation_code"] = ACCOMMODATION_LETTER[route_of[placement["option_id"]]]
            person["accommodation_suitable"] = self.chance(SUITABLE)
            person["accommodation_judged_on"] = max(placement["starts_on"], self.as_of - timedelta(days=90))
            if age_on(person["date_of_birth"], self.as_of) >= 17:  # the 903 return's other items
                person["in_touch"] = "YES"
                person["activity"] = self.rng.choices(
                    list(ACTIVITY_WEIGHTS), list(ACTIVITY_WEIGHTS.values())
                )[0]

    def consistent_avoid_lists(self) -> None:
        """No record avoids a place or district it is linked to, or names as its first preference."""
        links: dict[str, set[str]] = {}
        for link in self.out.local_links:
            links.setdefault(link["young_person_id"], set()).add(link["place"])
        first = {p["young_person_id"]: p for p in self.out.preferences if p["rank"] == 1}
        for person in self.out.young_people:
            kept = links.get(person["id"], set()) | {first.get(person["id"], {}).get("place")}
            kept_districts = {self.district_of.get(place) for place in kept} | {
                first.get(person["id"], {}).get("district")
            }
            person["avoid_places"] = [p for p in person["avoid_places"] if p not in kept]
            person["avoid_districts"] = [d for d in person["avoid_districts"] if d not in kept_districts]


# The broad rental market area a district's homes fall in, for the synthetic tenancies (BRMAs do not
# follow district lines; these are the nearest of the areas housing/money.py holds rates for).
RENTAL_AREA = {"adur": "Worthing", "arun": "Worthing", "chichester": "Chichester",
               "crawley": "Crawley & Reigate", "horsham": "Crawley & Reigate",
               "mid-sussex": "Brighton and Hove",
               "worthing": "Worthing"}  # fmt: skip


def tenancy_money(person_id: str, district: str) -> dict[str, Any]:
    """A synthetic private tenancy's money: a one-bedroom rent around its area's one-bedroom rate
    (about a third above it), a deposit of five weeks' rent, a month in advance, a guarantor asked
    by half. Drawn from a stream of its own, so the rest of the scenario draws what it drew before."""
    draw = random.Random(f"rent:{person_id}")
    area = RENTAL_AREA[district]
    rent = round(money.RATES[area][1] * draw.uniform(0.8, 1.15) / 5) * 5
    return {"monthly_rent": rent, "deposit": round(rent * 12 / 52 * 5), "rent_in_advance": rent,
            "guarantor_needed": draw.random() < 0.5, "rental_market_area": area}  # fmt: skip
