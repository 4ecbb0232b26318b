"""Synthetic pathway reviews: most young people 16 to 25 were last reviewed within six months, some not.

The sources give no figure for reviews held on time; the scenario has about one in eight overdue, so
that "overdue review" is seen on the pages without crowding out the rest. Its own random stream.
"""

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta

from housing.lifedates import age_on, birthday
from seeds.scenario_rows import Scenario


def add_reviews(out: Scenario, seed: int, as_of: date) -> None:
    rng = random.Random(seed * 104729 + 12)
    moved = {}
    for placement in out.placements:  # a review is held when a placement starts
        if placement["starts_on"] <= as_of:
            moved[placement["young_person_id"]] = max(
                placement["starts_on"], moved.get(placement["young_person_id"], date.min)
            )
    for person in out.young_people:
        born = person["date_of_birth"]
        if not 16 <= age_on(born, as_of) <= 25:
            continue
        late = rng.random() < 1 / 8  # not reviewed for over six months
        held = as_of - timedelta(days=rng.randrange(185, 300) if late else rng.randrange(10, 180))
        if not late and person["id"] in moved:
            held = max(held, moved[person["id"]])
        if held < birthday(born, 16):
            continue  # not yet reviewed: the first is due six months after 16
        out.pathway_reviews.append({
            "id": uuid.UUID(int=rng.getrandbits(128), version=4).hex, "young_person_id": person["id"],
            "reviewed_on": held, "recorded_by": "seed", "recorded_at": datetime.combine(held, time(10), UTC),
        })  # fmt: skip
