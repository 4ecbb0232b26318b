"""The Setting Up Home Allowance on a young person's record: officers only, rules named, every view and
change audited in words."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from housing.clock import today
from housing.models import AuditEntry, SettingUpHome
from housing.vocabulary import Role
from tests.builders import young_person

GRANT = {"granted": 3000, "spent": 1200, "granted_on": "2026-09-01"}


def path(person: str) -> str:
    return f"/api/v1/young-people/{person}/setting-up-home"


def details(db, person: str, action: str) -> list[str]:
    db.rollback()
    query = select(AuditEntry.detail).where(AuditEntry.young_person_id == person, AuditEntry.action == action)
    return list(db.scalars(query.order_by(AuditEntry.at)))


def test_an_allowance_recorded_is_stored_returned_with_what_remains_and_audited(client, officer, db):
    person = young_person(client, officer, "WS-SUHA")

    answer = client.put(path(person), json=GRANT, headers=officer)

    assert answer.status_code == 200, answer.json
    assert answer.json == {"young_person": person, "granted": 3000, "spent": 1200, "remaining": 1800,
                           "granted_on": "2026-09-01"}  # fmt: skip
    stored = db.get(SettingUpHome, person)
    assert (stored.granted, stored.spent) == (3000, 1200)
    assert details(db, person, "create")[-1:] == [
        "Setting Up Home Allowance recorded: £3,000 granted on 1 September 2026, £1,200 spent"
    ]


def test_a_change_is_audited_naming_only_what_changed_and_a_repeat_writes_nothing(client, officer, db):
    person = young_person(client, officer, "WS-SUHA")
    client.put(path(person), json=GRANT, headers=officer)

    client.put(path(person), json=GRANT | {"spent": 2000}, headers=officer)
    client.put(path(person), json=GRANT | {"spent": 2000}, headers=officer)

    assert details(db, person, "update") == ["Setting Up Home Allowance: amount spent from £1,200 to £2,000"]


def test_reading_it_is_an_audited_view_and_nulls_until_recorded(client, officer, db):
    person = young_person(client, officer, "WS-SUHA")

    answer = client.get(path(person), headers=officer)

    assert answer.status_code == 200
    assert answer.json == {"young_person": person, "granted": None, "spent": None, "remaining": None,
                           "granted_on": None}  # fmt: skip
    assert "viewed the Setting Up Home Allowance" in details(db, person, "view")


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        (GRANT | {"spent": 3500}, "spent", "must not be more than the amount granted (£3,000)"),
        (
            GRANT | {"granted_on": (today() + timedelta(days=1)).isoformat()},
            "granted_on",
            "must not be in the future",
        ),
        (GRANT | {"granted": "3000"}, "granted", None),
        (GRANT | {"spent": -1}, "spent", None),
        ({"granted": 3000}, "spent", None),
    ],
)
def test_a_wrong_allowance_is_422_naming_the_field_and_nothing_is_written(
    client, officer, row_counts, body, field, reason
):
    person = young_person(client, officer, "WS-SUHA")
    before = row_counts()

    refused = client.put(path(person), json=body, headers=officer)

    assert refused.status_code == 422
    assert field in refused.json["errors"]["json"]
    if reason:
        assert refused.json["errors"]["json"][field] == [reason]
    assert row_counts() == before


def test_a_grant_dated_before_their_birth_is_refused(client, officer):
    person = young_person(client, officer, "WS-SUHA")

    refused = client.put(path(person), json=GRANT | {"granted_on": "2001-01-01"}, headers=officer)

    assert refused.status_code == 422
    assert refused.json["errors"]["json"]["granted_on"] == ["must not be before their date of birth"]


def test_an_unknown_young_person_is_404(client, officer):
    assert client.get(path("nobody"), headers=officer).status_code == 404
    assert client.put(path("nobody"), json=GRANT, headers=officer).status_code == 404


@pytest.mark.parametrize(
    "role", [Role.TEAM_MANAGER, Role.DISTRICT_OFFICER, Role.COMMISSIONER, Role.HOUSE_PROJECT_COORDINATOR,
             Role.YOUNG_PERSON],
)  # fmt: skip
def test_only_officers_read_or_record_it_and_403_comes_before_a_bad_body(
    client, officer, auth, row_counts, role
):
    person = young_person(client, officer, "WS-SUHA")
    headers = auth.headers(role)
    before = row_counts()

    assert client.get(path(person), headers=headers).status_code == 403
    assert client.put(path(person), json={"granted": "lots"}, headers=headers).status_code == 403
    assert row_counts() == before
