"""The scenario's providers of supported places, and what a place costs a week: synthetic.

The sources name no provider and no price, so both are invented: providers named for no real
organisation, Ofsted numbers from a range no real registration uses here (2790001 on), ratings
weighted towards Good, and weekly costs per place in plausible bands by the support given (on-site
schemes above outreach, UASC schemes between, a lodgings host's allowance lowest). Drawn from a
stream of its own, so the rest of the scenario draws what it drew before.
"""

import random
import uuid
from datetime import date, timedelta

from seeds.scenario_rows import Scenario

SCHEME_PROVIDERS = (
    "Coastal Pathways Housing", "Downsview Young People's Homes", "Harbour Light Supported Living",
    "Weald Youth Housing Trust", "Arun Valley Foyer", "Northgate Supported Housing",
    "Meridian Care Homes", "Seaford Lane Housing Association", "Chanctonbury Youth Support",
    "Ouse Bridge Supported Accommodation",
)  # fmt: skip
LODGINGS_PROVIDERS = ("West Sussex Supported Lodgings Service", "Sussex Host Families Network")
RATINGS = (("outstanding", 2), ("good", 10), ("requires_improvement", 3), ("inadequate", 1),
           ("not_yet_inspected", 2))  # fmt: skip
# Whole pounds a week a place, low and high, by kind of place.
WEEKLY_COST = {"on-site": (1300, 2200), "outreach": (700, 1150), "UASC": (1000, 1600), "lodgings": (200, 350)}


def add_providers(out: Scenario, seed: int, as_of: date) -> None:
    rng = random.Random(f"providers:{seed}")
    schemes = [_provider(rng, n, name, as_of) for n, name in enumerate(SCHEME_PROVIDERS, start=1)]
    hosts = [
        _provider(rng, n, name, as_of) for n, name in enumerate(LODGINGS_PROVIDERS, start=len(schemes) + 1)
    ]
    out.providers = schemes + hosts
    for option in out.options:
        if option["route"] == "supported_accommodation":
            kind = (
                "UASC"
                if option["uasc_specialist"]
                else "on-site"
                if "on-site" in option["name"]
                else "outreach"
            )
            option["provider_id"] = rng.choice(schemes)["id"]
        elif option["route"] == "supported_lodgings":
            kind = "lodgings"
            option["provider_id"] = rng.choice(hosts)["id"]
        else:
            continue
        low, high = WEEKLY_COST[kind]
        option["weekly_cost"] = round(rng.uniform(low, high) / 5) * 5


def _provider(rng: random.Random, n: int, name: str, as_of: date) -> dict:
    rating = rng.choices([r for r, _ in RATINGS], [w for _, w in RATINGS])[0]
    inspected = None if rating == "not_yet_inspected" else as_of - timedelta(days=rng.randrange(60, 1100))
    return {"id": uuid.UUID(int=rng.getrandbits(128), version=4).hex, "name": name,
            "ofsted_number": str(2790000 + n), "rating": rating, "inspected_on": inspected}  # fmt: skip
