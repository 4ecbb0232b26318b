"""Leave to remain granted to a UASC young person (ILACS 2023, 42): three months' notice to leave
block-contract housing, and the matcher serves them again, saying why."""

from datetime import timedelta

from sqlalchemy import select

from housing.lifedates import add_months
from housing.models import AuditEntry, Placement, Rejection
from tests import payloads
from tests.builders import TODAY, UASC, option, placed, record, run, young_person

GRANTED = TODAY - timedelta(days=10)
NOTICE_ENDS = add_months(GRANTED, 3)


def grant(client, officer, person, granted_on=GRANTED, immigration="leave_granted"):
    needs = {"immigration": immigration, "leave_granted_on": granted_on.isoformat()}
    return client.patch(f"/api/v1/young-people/{person}", json={"needs": needs}, headers=officer)


def test_leave_granted_in_block_contract_housing_ends_it_at_the_notice_and_explains_the_move(
    client, officer, db
):
    person = young_person(client, officer, "U", needs=UASC)
    block = option(client, officer, uasc_specialist=True, name="UASC scheme")
    placement = placed(client, officer, person, block)
    lodgings = option(client, officer, "supported_lodgings", name="Host", place="Lancing")

    answer = grant(client, officer, person)

    assert answer.status_code == 200, answer.json
    assert answer.json["needs"]["leave_granted_on"] == GRANTED.isoformat()
    assert answer.json["move_date"] == NOTICE_ENDS.isoformat()
    assert answer.json["pathway"]["status"] == "in_progress"
    ended = db.get(Placement, placement["id"])
    assert (ended.ends_on, ended.end_reason) == (NOTICE_ENDS, "notice_to_leave")
    assert db.get(Rejection, (person, block)) is not None
    assert db.scalar(select(AuditEntry.action).where(AuditEntry.action == "end")) == "end"

    [proposal] = run(client, officer, as_of=NOTICE_ENDS, young_people=[person])["proposals"]
    assert proposal["option"] == lodgings  # near their links in Worthing, as for anyone
    assert proposal["explanation"]["leave_to_remain"] == {
        "granted_on": GRANTED.isoformat(), "notice_ends_on": NOTICE_ENDS.isoformat(),
        "why": "leave to remain granted: three months' notice to leave block-contract housing",
    }  # fmt: skip


def test_a_placement_that_is_not_block_contract_housing_continues(client, officer, db):
    person = young_person(client, officer, "U", needs=UASC)
    placement = placed(client, officer, person, option(client, officer, "supported_lodgings"))

    answer = grant(client, officer, person)

    assert answer.status_code == 200
    assert db.get(Placement, placement["id"]).status == "active"
    assert record(client, officer, person)["pathway"]["status"] == "agreed"


def test_with_no_placement_recorded_the_move_falls_due_when_the_notice_ends_and_the_trail_says_so(
    client, officer, db
):
    person = young_person(client, officer, "U", needs=UASC, move_date=None)

    assert grant(client, officer, person).json["move_date"] == NOTICE_ENDS.isoformat()
    said = db.scalar(select(AuditEntry.detail).where(AuditEntry.action == "leave to remain"))
    assert said == (
        f"leave to remain granted: no placement recorded; move date set to {NOTICE_ENDS.day} "
        f"{NOTICE_ENDS:%B %Y}, when the notice ends"
    )


def test_a_move_date_sooner_than_the_notice_is_kept_not_silently_reset(client, officer, db):
    sooner = TODAY + timedelta(days=20)
    person = young_person(client, officer, "U", needs=UASC, move_date=sooner.isoformat())

    assert grant(client, officer, person).json["move_date"] == sooner.isoformat()
    said = db.scalar(select(AuditEntry.detail).where(AuditEntry.action == "leave to remain"))
    assert f"their move date, {sooner.day} {sooner:%B %Y}, comes first and is kept" in said


def test_a_seventeen_year_old_still_in_care_is_given_no_notice_before_their_18th_birthday(
    client, officer, db
):
    born = add_months(TODAY, -12 * 17 - 6)  # 17½ today: 18 in six months, after three months' notice
    body = payloads.young_person(reference="C", date_of_birth=born.isoformat(), needs=UASC, move_date=None)
    person = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    block = option(client, officer, uasc_specialist=True, name="UASC scheme")
    placement = placed(client, officer, person, block)

    answer = grant(client, officer, person)

    eighteen = add_months(born, 12 * 18)
    assert answer.status_code == 200, answer.json
    assert answer.json["move_date"] == eighteen.isoformat()
    assert db.get(Placement, placement["id"]).ends_on == eighteen
    said = db.scalar(select(AuditEntry.detail).where(AuditEntry.action == "leave to remain"))
    assert said.startswith(
        "leave to remain granted: still in care, so the notice runs to their 18th birthday"
    )


def test_the_type_and_expiry_of_leave_are_kept_and_shown(client, officer):
    person = young_person(client, officer, "U", needs=UASC)
    needs = {"immigration": "leave_granted", "leave_granted_on": GRANTED.isoformat(),
             "leave_type": "refugee_status", "leave_expires_on": "2031-11-01"}  # fmt: skip

    answer = client.patch(f"/api/v1/young-people/{person}", json={"needs": needs}, headers=officer)

    assert answer.status_code == 200, answer.json
    assert answer.json["needs"]["leave_type"] == "refugee_status"
    assert record(client, officer, person)["needs"]["leave_expires_on"] == "2031-11-01"


def test_leave_that_cannot_be_is_refused_with_every_reason_at_once(client, officer, row_counts):
    person = young_person(client, officer, "U", needs=UASC)
    before = row_counts()
    needs = {"immigration": "leave_granted", "leave_granted_on": GRANTED.isoformat(),
             "leave_type": "indefinite_leave", "leave_expires_on": "2031-11-01"}  # fmt: skip
    indefinite = client.patch(f"/api/v1/young-people/{person}", json={"needs": needs}, headers=officer)
    expired_first = client.patch(
        f"/api/v1/young-people/{person}",
        json={"needs": needs | {"leave_type": "limited_leave", "leave_expires_on": GRANTED.isoformat()}},
        headers=officer,
    )

    assert indefinite.status_code == 422
    assert indefinite.json["errors"]["json"]["needs"] == {
        "leave_expires_on": ["must be left empty: indefinite leave does not expire"]
    }
    assert expired_first.json["errors"]["json"]["needs"] == {
        "leave_expires_on": ["must be after the date leave was granted"]
    }
    assert row_counts() == before


def test_a_grant_needs_its_status_and_a_date_not_in_the_future(client, officer, row_counts):
    person = young_person(client, officer, "U", needs=UASC)
    before = row_counts()

    wrong_status = grant(client, officer, person, immigration="awaiting_decision")
    future = grant(client, officer, person, granted_on=TODAY + timedelta(days=1))

    assert wrong_status.status_code == 422
    assert wrong_status.json["errors"]["json"]["needs"]["immigration"] == [
        "must be leave_granted when leave to remain is recorded"
    ]
    assert future.status_code == 422
    assert future.json["errors"]["json"]["needs"]["leave_granted_on"] == ["must not be in the future"]
    assert row_counts() == before
