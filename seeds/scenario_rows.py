"""The scenario's rows, table by table, in the order they are written."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]


@dataclass
class Scenario:
    young_people: list[Row] = field(default_factory=list)
    local_links: list[Row] = field(default_factory=list)
    preferences: list[Row] = field(default_factory=list)
    applications: list[Row] = field(default_factory=list)
    providers: list[Row] = field(default_factory=list)
    options: list[Row] = field(default_factory=list)
    cohorts: list[Row] = field(default_factory=list)
    cohort_members: list[Row] = field(default_factory=list)
    placements: list[Row] = field(default_factory=list)
    advisers: list[Row] = field(default_factory=list)
    allocations: list[Row] = field(default_factory=list)
    siblings: list[Row] = field(default_factory=list)
    pathway_reviews: list[Row] = field(default_factory=list)

    def tables(self) -> Iterator[tuple[str, list[Row]]]:
        # Options name young people (Staying Put), so people are written first; their pathway's
        # option is set once the options exist (see seeds.load).
        yield "young_people", self.young_people
        yield "local_links", self.local_links
        yield "preferences", self.preferences
        yield "applications", self.applications
        yield "providers", self.providers  # options name their provider
        yield "options", self.options
        yield "cohorts", self.cohorts
        yield "cohort_members", self.cohort_members
        yield "placements", self.placements
        yield "advisers", self.advisers
        yield "allocations", self.allocations
        yield "siblings", self.siblings
        yield "pathway_reviews", self.pathway_reviews
