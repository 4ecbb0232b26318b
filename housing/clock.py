"""Today's date where the service works: a care leaver's birthday turns at midnight in England."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/London")


def today() -> date:
    return datetime.now(LOCAL).date()
