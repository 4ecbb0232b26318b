"""The day a placement agreed from a run starts: the rule the accept applies and its check page shows."""

from datetime import date
from typing import Protocol

from housing import lifedates


class Needing(Protocol):
    date_of_birth: date
    move_date: date | None
    custody_release_date: date | None


def starts_on(person: Needing, as_of: date, today: date) -> date:
    """The young person's need date on the run's date, and never before today: the day they move in,
    so a place free from a later day can serve them."""
    need = lifedates.need_date(person.date_of_birth, as_of, person.move_date, person.custody_release_date)
    return max(need, today)
