"""Every rate the simulated year assumes, in one place, each with its source or marked as a guess.

Counts are per month at scale 1 (West Sussex) and scale with `--scale`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Assumption:
    label: str  # what it is, in words for the Outcomes page
    value: float
    source: str


ACCEPT_RATE = Assumption(
    "Share of proposals officers agree",
    0.85,
    "guess: officers agree 85 % of proposals with the young person",
)
COUNCIL_DECLINE_RATE = Assumption(
    "Share of nominations a council declines", 0.10, "guess: a council declines one nomination in ten"
)
UASC_ARRIVALS = Assumption(
    "Unaccompanied asylum-seeking young people arriving each month",
    3.0,
    "guess from the sources: 116 of 268 supported places are for UASC (May 2020), so some 30-40 "
    "arrive a year",
)
PLACEMENT_ENDS = Assumption(
    "Monthly chance that a placement ends",
    0.015,
    "guess: a monthly chance that a supported or Staying Put placement ends (moves on, breaks down, "
    "notice to leave after leave to remain, ILACS 2023 ¶42), about one in six a year",
)
NOTICE_DAYS = Assumption(
    "Days from a placement ending to the move",
    28,
    "guess: a placement that ends gives four weeks before the move",
)
NEW_LODGINGS_HOSTS = Assumption(
    "New supported lodgings hosts each month",
    1.0,
    "guess: 40 hosts in the county (scenario), about one new host a month",
)
HOUSE_PROJECT_EVERY_MONTHS = Assumption(
    "Months between House Project cohorts",
    6,
    "Ofsted 2024: 15 young people join the House Project every six months",
)
HOUSE_PROJECT_PLACES = Assumption("Places in each House Project cohort", 15, "Ofsted 2024: cohorts of 15")
HOUSE_PROJECT_SCHEDULE_KNOWN = Assumption(
    "House Project cohorts known ahead (1 yes, 0 no)",
    1,
    "assumption: the coordinator creates each cohort months before it opens, on the usual "
    "six-monthly schedule, so a plan of the coming months can count its places",
)
HOUSE_PROJECT_CREATED_AHEAD = Assumption(
    "Months before it opens that a House Project cohort is in Pathways",
    6,
    "assumption: the coordinator creates the next cohort when the last one opens, on the usual "
    "six-monthly schedule; from then a run may agree its places to a young person whose need date "
    "falls within four weeks before it opens or while it takes members (the AVAILABLE rule)",
)
RUNS_A_MONTH = Assumption(
    "Proposals a month in a row for one young person, each after the last was turned down",
    3,
    "guess: a proposal is answered in about ten days, and the service proposes again at once",
)

ALL = {name: value for name, value in globals().items() if isinstance(value, Assumption)}
