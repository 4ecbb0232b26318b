"""The personal-data scan: no personal value in a log line or an error answer.

Two kinds of value are looked for: the markers the journeys sent in every personal field of the
records they made, and the full name of every young person in the store.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.models import YoungPerson


def scan(session: Session, logs: str, error_bodies: list[str], markers: list[str]) -> dict:
    names = [
        f"{given} {family}"
        for given, family in session.execute(select(YoungPerson.given_name, YoungPerson.family_name))
    ]
    looked_for = markers + names
    text = logs + "\n".join(error_bodies)
    found = sorted({value for value in looked_for if value in text})
    return {
        "markers_sent": len(markers),
        "names_looked_for": len(names),
        "log_bytes": len(logs.encode()),
        "error_bodies": len(error_bodies),
        "found": len(found),
    }
