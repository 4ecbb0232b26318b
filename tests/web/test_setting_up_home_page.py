"""The Setting Up Home Allowance page: officers record it from the record, wrong amounts are named
beside their fields with what was typed kept, and a team manager or council never sees it."""

from sqlalchemy import select

from housing.models import AuditEntry, SettingUpHome
from housing.vocabulary import Role
from tests.builders import young_person
from tests.web.conftest import csrf


def form(**overrides):
    return {"granted": "£3,000", "spent": "1,200", "granted_on-day": "1", "granted_on-month": "9",
            "granted_on-year": "2026"} | overrides  # fmt: skip


def test_an_officer_records_it_from_the_record_and_sees_what_is_left(client, officer, person_signing_in, db):
    person = young_person(client, officer, "WS-SUHA")
    person_signing_in(client)
    record = client.get(f"/young-people/{person}").get_data(as_text=True)
    assert f'href="/young-people/{person}/setting-up-home">Setting Up Home Allowance<' in record
    asked = client.get(f"/young-people/{person}/setting-up-home").get_data(as_text=True)
    assert "No allowance recorded yet." in asked
    assert 'value="3000"' in asked  # the county's allowance suggested

    saved = client.post(
        f"/young-people/{person}/setting-up-home", data={**form(), "csrf_token": csrf(client, "/")}
    )

    assert saved.status_code == 302
    assert (db.get(SettingUpHome, person).granted, db.get(SettingUpHome, person).spent) == (3000, 1200)
    shown = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Setting Up Home Allowance saved" in shown
    assert "£1,800 of it is left to spend." in shown
    assert "£3,000 on 1 September 2026" in shown
    assert (
        "Setting Up Home Allowance recorded: £3,000 granted on 1 September 2026, £1,200 spent"
        in db.scalars(select(AuditEntry.detail).where(AuditEntry.young_person_id == person)).all()
    )


def test_wrong_amounts_are_named_beside_their_fields_and_nothing_is_written(
    client, officer, person_signing_in, row_counts
):
    person = young_person(client, officer, "WS-SUHA")
    person_signing_in(client)
    before = row_counts()["setting_up_home"]

    refused = client.post(f"/young-people/{person}/setting-up-home",
                          data={**form(spent="4000", **{"granted_on-year": "2099"}),
                                "csrf_token": csrf(client, "/")})  # fmt: skip
    lots = client.post(f"/young-people/{person}/setting-up-home",
                       data={**form(granted="lots"), "csrf_token": csrf(client, "/")})  # fmt: skip

    text = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert 'href="#spent">The amount spent must not be more than the amount granted (£3,000)<' in text
    assert 'href="#granted_on">The date granted must not be in the future<' in text
    assert 'value="4000"' in text
    assert 'href="#granted">The amount granted must be a whole number' in lots.get_data(as_text=True)
    assert row_counts()["setting_up_home"] == before


def test_a_team_manager_or_a_council_may_not_see_it(client, officer, person_signing_in):
    person = young_person(client, officer, "WS-SUHA")
    person_signing_in(client, Role.TEAM_MANAGER)

    assert client.get(f"/young-people/{person}/setting-up-home").status_code == 403
    assert "Setting Up Home Allowance" not in client.get(f"/young-people/{person}").get_data(as_text=True)
