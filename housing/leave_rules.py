"""Leave to remain's rules: what makes recorded leave valid, and the notice a grant gives a UASC young
person (`housing.services.leave_to_remain` acts on a grant; the record's page says what it did).

The notice is three months from the grant, but a young person still in care (under 18) is not told to
leave: their notice runs to their 18th birthday when that is later (issue 30). It ends a placement in
the county's block-contract housing, its commissioned supported accommodation.
"""

from datetime import date
from typing import Protocol

from housing import lifedates
from housing.vocabulary import Immigration, LeaveType, Route

NOTICE_MONTHS = 3
BLOCK_CONTRACT_ROUTES = (Route.SUPPORTED_ACCOMMODATION,)


def notice_ends_on(granted_on: date, date_of_birth: date) -> date:
    """Three months from the grant, but never before their 18th birthday: a child in care stays."""
    return max(lifedates.add_months(granted_on, NOTICE_MONTHS), lifedates.birthday(date_of_birth, 18))


class LeaveRecorded(Protocol):
    immigration: Immigration
    leave_granted_on: date | None
    leave_type: LeaveType | None
    leave_expires_on: date | None


def problems(person: LeaveRecorded, today: date) -> dict[str, str]:
    """Why the leave recorded on a record is not valid, by field; empty when it is."""
    return leave_problems(
        person.immigration, person.leave_granted_on, person.leave_type, person.leave_expires_on, today
    )


def leave_problems(
    immigration: str | None,
    granted_on: date | None,
    leave_type: str | None,
    expires_on: date | None,
    today: date,
) -> dict[str, str]:
    """Why leave as given is not valid, by field (a record's, or a file's row); empty when it is."""
    found = {}
    recorded = granted_on is not None or leave_type is not None or expires_on is not None
    if recorded and immigration != Immigration.LEAVE_GRANTED:
        found["immigration"] = "must be leave_granted when leave to remain is recorded"
    if granted_on is not None and granted_on > today:
        found["leave_granted_on"] = "must not be in the future"
    if (leave_type is not None or expires_on is not None) and granted_on is None:
        found["leave_granted_on"] = "is needed with the type or expiry of leave"
    if leave_type == LeaveType.INDEFINITE_LEAVE and expires_on is not None:
        found["leave_expires_on"] = "must be left empty: indefinite leave does not expire"
    elif expires_on is not None and granted_on is not None and expires_on <= granted_on:
        found["leave_expires_on"] = "must be after the date leave was granted"
    return found
