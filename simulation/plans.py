"""The service's plan of the coming months, as the simulated year knows them on a given month.

Each run solves `matching.horizon`'s place-month flow over the next `HORIZON_MONTHS` months and
keeps its first month. The plan knows only what the service would know on that day: the young
people already on the books (in scope now, or coming into scope by turning 16: children in care the
county already knows) at their future dates; the places free now; the places known to come
(options with a later `available_from` are already in the county; House Project cohorts on the
usual schedule, a stated assumption, `HOUSE_PROJECT_SCHEDULE_KNOWN`). It does not know arrivals,
placement ends, new hosts, or refusals not yet made. `knows_the_year` tells it them too, for the
policy `year_known`: the service's tiers with hindsight's information, which measures what sampled
futures (sample average approximation) could at most add (README, "A simulated year").

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
    return months_once.month_tables(*months_once.of_problems([
        year.county.problem(year.month(m), people(m), one_place, frozenset(), registers=registers)
        for m in months
    ]))  # fmt: skip


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


def plan(
    month: Month, registers: str = "applied", months: int = HORIZON_MONTHS, *, knows_the_year: bool = False
) -> horizon.Planned:
    """The plan of the coming `months` as the service knows them in `month`; `knows_the_year`, told
    also the arrivals, returns, turnover, new places and refusals of those months, as hindsight is."""
    year, t = month.year, month.index
    seen = t + months - 1 if knows_the_year else t  # the last month whose arrivals it knows
    people = {
        p for p in year.county.people
        if year.arrives.get(p, 0) <= seen and year.returns.get(p, 0) <= seen and p not in month.agreed
    }  # fmt: skip
    supply = _supply(month, months, knows_the_year)
    options = {o for o, _k in supply}
    key = (registers, t, months, knows_the_year)
    made = year.plan_tables.get(key)
    if made is None or not (people <= made[0] and options <= made[1]):
        on_books = [p for p in year.county.people if p in people]  # the county's order: reproducible

        def in_month(m: int) -> list[str]:
            on = year.month(m)
            return [
                p for p in on_books
                if year.arrives.get(p, 0) <= m and year.returns.get(p, 0) <= m and year.county.in_scope(p, on)
            ]  # fmt: skip

        made = (people, options, tables(year, range(t, t + months), in_month, options, registers))
        year.plan_tables[key] = made
    rejected = set(month.rejected)
    if knows_the_year:
        rejected |= {
            (table.people[i], table.options[k])
            for table in made[2]
            for i, k in zip(table.person.tolist(), table.option.tolist(), strict=True)
            if year.turned_down(table.people[i], table.options[k])
        }
    turned_down = [
        horizon.without(without_people_or_options(table, made[0] - people, made[1] - options), rejected)
        for table in made[2]
    ]
    dates = tuple(year.month(t + i) for i in range(months))
    return horizon.plan(horizon.place_months(dates, year.month(t + months), turned_down, supply))


def _supply(month: Month, months: int, knows_the_year: bool) -> dict[tuple[str, int], int]:
    """The places free now, and those the plan knows will appear in its later months."""
    year, t = month.year, month.index
    supply = {(o, 0): n for o, n in month.remaining.items() if n > 0}
    for o in year.county.options:
        known = knows_the_year or scheduled_cohort(year, o)
        if o not in month.remaining and known and 0 < (k := year.places_from.get(o, 0) - t) < months:
            supply[(o, k)] = year.county.options[o].remaining
    if knows_the_year:
        for (o, k), n in year.added.items():  # turnover: placements ending
            if 0 < k - t < months:
                supply[(o, k - t)] = supply.get((o, k - t), 0) + n
    return supply
