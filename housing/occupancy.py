"""How many places of one option are held on each day: the CAPACITY rule judged day by day.

A placement holds its place from `starts_on` until `held_until` (the day the place is free again;
never, while none is set). An option's places are enough for a new placement only if, on every day
from its start, the holds then running, the new one included, do not exceed its capacity.
"""

from collections.abc import Iterable
from datetime import date

Hold = tuple[date, date | None]  # (starts_on, held_until)


def holds_on(holds: Iterable[Hold], day: date) -> int:
    return sum(1 for start, until in holds if start <= day and (until is None or until > day))


def peak_from(holds: Iterable[Hold], day: date) -> int:
    """The most places held on any one day from `day` on (the count changes only when a hold starts)."""
    running = [(start, until) for start, until in holds if until is None or until > day]
    days = {day} | {start for start, _ in running if start > day}
    return max(holds_on(running, d) for d in days)
