"""The service's plan of the coming months, as the simulated year knows them on a given month.

Each run solves `matching.horizon`'s place-month flow over the next `HORIZON_MONTHS` months and
keeps its first month. The plan knows only what the service would know on that day: the young
people already on the books (in scope now, or coming into scope by turning 16: children in care the
county already knows) at their future dates; the places free now; the places known to come
(options with a later `available_from` are already in the county; House Project cohorts on the
usual schedule, a stated assumption, `HOUSE_PROJECT_SCHEDULE_KNOWN`). It does not know arrivals,
placement ends, new hosts, or refusals not yet made.

Which pairs the matcher allows in a month, and at what cost, depends on that month alone (ages and
dates on it), so each month's arcs are built once per seed with the production matcher
(`matching.published`) over everyone in scope that month, and each plan (and hindsight) filters
them to what it may know.
"""

from matching import horizon
from matching.vocabulary import HOUSE_PROJECT
from simulation import assumptions as rates
from simulation.events import Year
from simulation.month import Month, in_scope

HORIZON_MONTHS = 9  # chosen on seeds 1-20 (README, "A simulated year")
EVERYONE: set[str] = set()


def month_arcs(year: Year, m: int, registers: str = "applied") -> horizon.MonthArcs:
    """Month m's table, with every option that exists by then or is a cohort on the schedule."""
    key = (registers, m)
    if key not in year.arcs_by_month:
        options = {
            o: 1 for o in year.county.options if year.places_from.get(o, 0) <= m or _scheduled_cohort(year, o)
        }
        problem = year.county.problem(year.month(m), in_scope(year, m, EVERYONE), options, frozenset(),
                                      registers=registers)  # fmt: skip
        year.arcs_by_month[key] = horizon.month_arcs(problem)
    return year.arcs_by_month[key]


def _scheduled_cohort(year: Year, option_id: str) -> bool:
    return (
        bool(rates.HOUSE_PROJECT_SCHEDULE_KNOWN.value)
        and year.county.options[option_id].route == HOUSE_PROJECT
    )


def plan(month: Month, registers: str = "applied", months: int = HORIZON_MONTHS) -> horizon.Planned:
    """The plan of the coming `months` as the service knows them in `month`."""
    year, t = month.year, month.index
    people = {
        p for p in year.county.people
        if year.arrives.get(p, 0) <= t and year.returns.get(p, 0) <= t and p not in month.agreed
    }  # fmt: skip
    options = set(month.remaining) | {o for o in year.county.options if _scheduled_cohort(year, o)}
    supply = {(o, 0): n for o, n in month.remaining.items() if n > 0}
    for o in options - set(month.remaining):
        if 0 < (k := year.places_from.get(o, 0) - t) < months:
            supply[(o, k)] = year.county.options[o].remaining
    problem = horizon.place_months(
        tuple(year.month(t + i) for i in range(months)),
        year.month(t + months),
        [month_arcs(year, t + i, registers) for i in range(months)],
        supply,
        people=people,
        options=options,
        excluded=month.rejected,
    )
    return horizon.plan(problem)
