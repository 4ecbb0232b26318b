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
    _matcher_options: dict[tuple[str, int | None], matching.Option] = field(default_factory=dict)
    _matcher_people: dict[tuple[str, date, str], matching.YoungPerson] = field(default_factory=dict)
    _in_scope: dict[tuple[str, date], bool] = field(default_factory=dict)

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
        young_people = tuple(self.matcher_young_person(i, as_of, registers) for i in people)
        options = tuple(self.matcher_option(o, n) for o, n in remaining.items())
        return matching.Problem(
            as_of=as_of, young_people=young_people + unknown, options=options, rejected=rejected
        )

    def matcher_young_person(self, person_id: str, as_of: date, registers: str) -> matching.YoungPerson:
        """The young person as a run on `as_of` sees them, made once per day: a month's date is in
        up to nine plans and its runs. A record changes only when the year is drawn, before any run."""
        key = (person_id, as_of, registers)
        if key not in self._matcher_people:
            self._matcher_people[key] = matching_input.young_person(
                self.people[person_id], as_of, self.places, self.registers(person_id, registers)
            )
        return self._matcher_people[key]

    def registers(self, person_id: str, which: str) -> set[str]:
        applied = self.applied[person_id]
        return applied & {self.people[person_id].home_district} if which == "home" else applied

    def matcher_option(self, option_id: str, remaining: int) -> matching.Option:
        """The option as the matcher sees it with these places left, made once per (option, places):
        a year's runs and plans ask for the same ones thousands of times."""
        key = (option_id, remaining)
        if key not in self._matcher_options:
            if (option_id, None) not in self._matcher_options:
                self._matcher_options[(option_id, None)] = matching_input.option(
                    self.options[option_id], self.places
                )
            self._matcher_options[key] = replace(
                self._matcher_options[(option_id, None)], remaining=remaining
            )
        return self._matcher_options[key]

    def in_scope(self, person_id: str, as_of: date) -> bool:
        """The run's own scope rule: 16-25 on `as_of`, pathway not agreed, not in an active cohort
        (asked once per day, as `matcher_young_person` is made)."""
        key = (person_id, as_of)
        if key not in self._in_scope:
            self._in_scope[key] = (
                matching_input.scope_problem(self.people[person_id], as_of, self.in_cohort) is None
            )
        return self._in_scope[key]


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
