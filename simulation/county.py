"""The county as the store would hold it, in memory: the store's own models, never added to a session.

A matching run turns store records into the matcher's problem with `housing.reads.matching_input`;
the simulation calls the very same functions on these records, so no rule is written twice.
"""

from dataclasses import dataclass, field, replace
from datetime import date

import matching
from housing.models import Application, LocalLink, Option, Place, Preference, YoungPerson
from housing.reads import matching_input
from housing.vocabulary import ACTIVE_STAGES, ApplicationStatus
from seeds.reference import PLACES
from seeds.scenario import Scenario


@dataclass
class County:
    """Every young person and option the year will see; events say from which month each counts."""

    people: dict[str, YoungPerson] = field(default_factory=dict)
    options: dict[str, Option] = field(default_factory=dict)
    applied: dict[str, set[str]] = field(default_factory=dict)
    in_cohort: set[str] = field(default_factory=set)
    places: dict[str, Place] = field(
        default_factory=lambda: {
            name: Place(name=name, district=d, lat=lat, lon=lon) for name, d, lat, lon in PLACES
        }
    )
    _matcher_options: dict[str, matching.Option] = field(default_factory=dict)

    def add(self, scenario: Scenario) -> None:
        """Take in a scenario's rows (the seeded county, or the people and places a month brings)."""
        people, applied = records(scenario)
        self.people |= people
        self.applied |= applied
        for row in scenario.options:
            self.options[row["id"]] = Option(**({"placed": 0} | row))  # the column default, unflushed
        self.in_cohort |= {
            m["young_person_id"] for m in scenario.cohort_members if m["stage"] in ACTIVE_STAGES
        }

    def problem(
        self,
        as_of: date,
        people: list[str],
        remaining: dict[str, int],
        rejected: frozenset[tuple[str, str]],
        *,
        registers: str = "applied",
        unknown: tuple[matching.YoungPerson, ...] = (),
    ) -> matching.Problem:
        """The matcher's problem on `as_of`, built as a run builds it; capacities as the year stands.

        `registers`: "applied", the registers each applied to (the Joint Housing Protocol); "home",
        of those, their home council's alone (before the protocol a care leaver could be on no other).
        `unknown`: young people who are not in the county's records (imagined arrivals, for planning).
        """
        young_people = tuple(
            matching_input.young_person(self.people[i], as_of, self.places, self.registers(i, registers))
            for i in people
        )
        options = tuple(replace(self.matcher_option(o), remaining=n) for o, n in remaining.items())
        return matching.Problem(
            as_of=as_of, young_people=young_people + unknown, options=options, rejected=rejected
        )

    def registers(self, person_id: str, which: str) -> set[str]:
        applied = self.applied[person_id]
        return applied & {self.people[person_id].home_district} if which == "home" else applied

    def matcher_option(self, option_id: str) -> matching.Option:
        if option_id not in self._matcher_options:
            self._matcher_options[option_id] = matching_input.option(self.options[option_id], self.places)
        return self._matcher_options[option_id]

    def in_scope(self, person_id: str, as_of: date) -> bool:
        """The run's own scope rule: 16-25 on `as_of`, pathway not agreed, not in an active cohort."""
        return matching_input.scope_problem(self.people[person_id], as_of, self.in_cohort) is None


def records(scenario: Scenario) -> tuple[dict[str, YoungPerson], dict[str, set[str]]]:
    """A scenario's young people as the store's models, with their links and preferences, and the
    registers each has an active application to."""
    people, applied = {}, {}
    for row in scenario.young_people:
        person = YoungPerson(**{k: v for k, v in row.items() if k != "pathway_option_id"})
        people[person.id], applied[person.id] = person, set()
    for row in scenario.local_links:
        people[row["young_person_id"]].local_links.append(LocalLink(**row))
    for row in scenario.preferences:
        people[row["young_person_id"]].preferences.append(Preference(**row))
    for row in scenario.applications:
        application = Application(**row)
        if application.status == ApplicationStatus.ACTIVE:
            applied[application.young_person_id].add(application.district)
    return people, applied
