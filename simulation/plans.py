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

from dataclasses import dataclass
from datetime import date

import matching
from matching import horizon
from matching.vocabulary import HOUSE_PROJECT
from simulation import assumptions as rates
from simulation.events import Year
from simulation.month import Month, in_scope

HORIZON_MONTHS = 6  # chosen on seeds 1-20 (README, "A simulated year")
EVERYONE: set[str] = set()


@dataclass(frozen=True)
class MonthArcs:
    """One month's allowed pairs and costs, each young person's penalty and due date on it."""

    arcs: list[tuple[str, str, int]]  # (young person, option, cost)
    penalty: dict[str, int]  # without the urgent premium: the plan weighs time by itself
    due: dict[str, date | None]


def month_arcs(year: Year, m: int, registers: str = "applied") -> MonthArcs:
    """Month m's arcs with every option that exists by then or is a cohort on the schedule."""
    key = (registers, m)
    if key not in year.arcs_by_month:
        options = {
            o: 1 for o in year.county.options if year.places_from.get(o, 0) <= m or _scheduled_cohort(year, o)
        }
        problem = year.county.problem(year.month(m), in_scope(year, m, EVERYONE), options, frozenset(),
                                      registers=registers)  # fmt: skip
        published = matching.published(problem)
        people, option_ids = problem.young_people, problem.options
        base = published.penalty - published.premium * published.urgent
        year.arcs_by_month[key] = MonthArcs(
            arcs=[
                (people[i].id, option_ids[k].id, cost)
                for i, k, cost in zip(
                    published.person.tolist(), published.option.tolist(), published.cost.tolist(), strict=True
                )
            ],
            penalty={p.id: int(base[i]) for i, p in enumerate(people)},
            due={p.id: p.due_date for p in people},
        )
    return year.arcs_by_month[key]


def _scheduled_cohort(year: Year, option_id: str) -> bool:
    return (
        bool(rates.HOUSE_PROJECT_SCHEDULE_KNOWN.value)
        and year.county.options[option_id].route == HOUSE_PROJECT
    )


def plan(month: Month, registers: str = "applied", months: int = HORIZON_MONTHS) -> horizon.Planned:
    """The plan of the coming `months` as the service knows them in `month`."""
    year, t = month.year, month.index
    known_people = {
        p for p in year.county.people
        if year.arrives.get(p, 0) <= t and year.returns.get(p, 0) <= t and p not in month.agreed
    }  # fmt: skip
    known_options = set(month.remaining) | {o for o in year.county.options if _scheduled_cohort(year, o)}
    dates = tuple(year.month(t + i) for i in range(months))
    arcs, penalty, due = [], {}, {}
    for i in range(months):
        table = month_arcs(year, t + i, registers)
        arcs += [
            (p, o, i, cost)
            for p, o, cost in table.arcs
            if p in known_people and o in known_options and (p, o) not in month.rejected
        ]
        for p in table.penalty.keys() & known_people:
            penalty.setdefault(p, table.penalty[p])
            due.setdefault(p, table.due[p])
    supply = {(o, 0): n for o, n in month.remaining.items() if n > 0}
    for o in known_options - set(month.remaining):
        k = year.places_from.get(o, 0) - t
        if 0 < k < months:
            supply[(o, k)] = year.county.options[o].remaining
    end = year.month(t + months)
    in_time = {p: _last_month_in_time(dates, on) for p, on in due.items() if on is not None and on < end}
    return horizon.plan(horizon.PlaceMonths(dates, arcs, penalty, supply, in_time))


def _last_month_in_time(dates: tuple[date, ...], due: date) -> int:
    """The last month (index) whose first day is on or before `due`; -1 if already past. A due date
    after the plan's last month has none: being agreed after the plan is not late."""
    return max((i for i, on in enumerate(dates) if on <= due), default=-1)
