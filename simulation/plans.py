"""The service's plan of the coming months, as the simulated year knows them on a given month.

Each run solves `matching.horizon`'s place-month flow over the next `HORIZON_MONTHS` months and
keeps its first month. The plan knows only what the service would know on that day: the young
people already on the books (in scope now, or coming into scope by turning 16: children in care the
county already knows) at their future dates; the places free now; the places known to come
(options with a later `available_from` are already in the county; House Project cohorts on the
usual schedule, a stated assumption, `HOUSE_PROJECT_SCHEDULE_KNOWN`). It does not know arrivals,
placement ends, new hosts, or refusals not yet made.

The months' tables are built as the service builds them (`housing.services.coming_months`): all
months at once (`matching.months_once`), over the young people on the books and the options with a
place in the plan, then the pairs turned down taken out (`horizon.without`). A month's later runs
(after a refusal) reuse its first run's tables: the young people agreed since and the options filled
since are taken out the same way, which leaves each table as one made afresh over fewer young people
and options would be (every arc is its pair's alone; only the penalty floor moves, and `without`
moves it), so the plan is the service's to the arc.
"""

from collections.abc import Callable, Collection, Iterable

import numpy as np

from matching import horizon, months_once
from matching.vocabulary import HOUSE_PROJECT
from simulation import assumptions as rates
from simulation.events import Year
from simulation.month import Month

HORIZON_MONTHS = 9  # chosen on seeds 1-20 (README, "A simulated year")


def tables(
    year: Year,
    months: Iterable[int],
    people: Callable[[int], list[str]],
    options: Collection[str],
    registers: str = "applied",
) -> list[horizon.MonthArcs]:
    """The months' tables over each month's `people` and these options (each given a place), no
    pair turned down: as the service's `coming_months` makes them, all months at once."""
    one_place = {o: 1 for o in year.county.options if o in options}  # the county's order: reproducible
    return months_once.month_tables([
        year.county.problem(year.month(m), people(m), one_place, frozenset(), registers=registers)
        for m in months
    ])  # fmt: skip


def without_people_or_options(
    table: horizon.MonthArcs, people: Collection[str], options: Collection[str]
) -> horizon.MonthArcs:
    """The table as one made over all its young people and options but these would be."""
    gone_people = np.array([p in people for p in table.people], dtype=bool)
    gone_options = np.array([o in options for o in table.options], dtype=bool)
    gone = gone_people[table.person] | gone_options[table.option]
    return horizon.without(
        table, {(table.people[i], table.options[k]) for i, k in zip(table.person[gone].tolist(),
                                                                   table.option[gone].tolist(), strict=True)}
    )  # fmt: skip


def scheduled_cohort(year: Year, option_id: str) -> bool:
    """A House Project cohort the plan counts on before it opens (a stated assumption)."""
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
    supply = {(o, 0): n for o, n in month.remaining.items() if n > 0}
    for o in year.county.options:
        if o not in month.remaining and scheduled_cohort(year, o) and 0 < (k := year.places_from[o] - t) < months:
            supply[(o, k)] = year.county.options[o].remaining
    options = {o for o, _k in supply}
    key = (registers, t, months)
    made = year.plan_tables.get(key)
    if made is None or not (people <= made[0] and options <= made[1]):
        on_books = [p for p in year.county.people if p in people]  # the county's order: reproducible
        made = (
            frozenset(people),
            frozenset(options),
            tables(year, range(t, t + months),
                   lambda m: [p for p in on_books if year.county.in_scope(p, year.month(m))], options, registers),
        )  # fmt: skip
        year.plan_tables[key] = made
    turned_down = [
        horizon.without(without_people_or_options(table, made[0] - people, made[1] - options), month.rejected)
        for table in made[2]
    ]
    dates = tuple(year.month(t + i) for i in range(months))
    return horizon.plan(horizon.place_months(dates, year.month(t + months), turned_down, supply))
