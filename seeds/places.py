"""Places of the scenario: supported accommodation and lodgings, Staying Put, register vacancies."""

from datetime import date, timedelta
from typing import Any

from housing.lifedates import birthday
from seeds.draw import Draw
from seeds.reference import (
    COASTAL_STRIP,
    DISTRICT_WEIGHT,
    OUT_OF_COUNTY_SUPPORTED,
    PLACES,
)

SUPPORTED_PLACES = 268  # May 2020
UASC_SUPPORTED_PLACES = 116
REGISTER_PLACES = 1_500  # vacancies and quotas across the seven registers over the year
LODGINGS_HOSTS = 40
# A quarter of supported places are out of county, and "most young people placed out of county are
# UASC, where the authority has placed them within areas which meet their cultural or educational
# needs" (sufficiency strategy 2020): UASC schemes are away more often than others, a quarter in all
# (116/268 x 0.45 + 152/268 x 0.11 = 0.26).
UASC_SCHEMES_AWAY, OTHER_SCHEMES_AWAY = 0.45, 0.11


class Places(Draw):
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
            "monthly_rent": None,
            "deposit": None,
            "rent_in_advance": None,
            "guarantor_needed": None,
            "rental_market_area": None,
            "provider_id": None,
            "weekly_cost": None,
            "district": self.district_of[row["place"]],
            "placed": 0,
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
            away = self.chance(UASC_SCHEMES_AWAY if uasc else OTHER_SCHEMES_AWAY)
            town = rng.choice(OUT_OF_COUNTY_SUPPORTED) if away else rng.choice(COASTAL_STRIP)
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
