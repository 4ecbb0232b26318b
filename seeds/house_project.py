"""The House Project's cohorts in the scenario, as the sources report them and every six months since."""

from datetime import UTC, date, datetime, time, timedelta

from housing.lifedates import add_months, age_on
from housing.vocabulary import HOUSE_PROJECT_HUB
from seeds.draw import Draw
from seeds.reference import DISTRICT_WEIGHT
from seeds.scenario_rows import Row

# The House Project (Ofsted 2024): cohort 1 from January 2023, 11 graduated of whom 8 live in
# their own homes; cohort 2 of 12, "nine are on track to be housed, with two already allocated
# properties"; 15 joined in May 2024, and 15 every six months from then on.
HOUSE_PROJECT_COHORTS = (
    # name, starts on, members, graduated, of whom in their own homes, withdrawn
    ("Cohort 1", date(2023, 1, 9), 12, 11, 8, 1),
    ("Cohort 2", date(2023, 10, 2), 12, None, None, None),
    ("Cohort 3", date(2024, 5, 1), 15, None, None, None),
)
# Cohort 2 as the sources report it: two allocated properties, seven more on track, three not yet.
COHORT_2 = [("property_offered", None)] * 2 + [("tenancy_ready", None)] * 7 + [("preparing", None)] * 3
LATER_COHORTS_EVERY_MONTHS = 6
ENROLMENT_WINDOW_MONTHS = 3  # a cohort takes new members in its first three months


class HouseProject(Draw):
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
            stages = (
                COHORT_2[: len(people)]
                if name == "Cohort 2"
                else self.stages(starts_on, len(people), graduated, at_home, withdrawn)
            )
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
        # Their own home is in the cohort's districts, where they come from, not at the Crawley hub.
        home = self.rng.choice(self.towns[person["home_district"]]) if moved_in_on else None
        if home:
            person["current_place"] = home
        self.out.cohort_members.append(
            {
                "id": self.id(),
                "cohort_id": cohort_id,
                "young_person_id": person["id"],
                "stage": stage,
                "stage_since": since,
                "enrolled_on": starts_on,
                "moved_in_on": moved_in_on,
                "property_place": home,
                "property_option_id": None,
            }
        )
        if moved_in_on:
            person.update(pathway_status="agreed", pathway_route="house_project", pathway_option_id=option_id,
                          pathway_agreed_on=moved_in_on)  # fmt: skip
        elif stage not in ("withdrawn", "graduated"):
            person.update(pathway_status="in_progress", pathway_route="house_project",
                          pathway_option_id=option_id, pathway_agreed_on=None)  # fmt: skip
