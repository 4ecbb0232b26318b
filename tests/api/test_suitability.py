"""Current accommodation and its suitability: recorded on the record, exported for the SSDA903
return, and summed by age band on the officers' home page."""

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from housing.models import AuditEntry, YoungPerson
from housing.ssda903 import ACCOMMODATION
from housing.vocabulary import Role
from tests.builders import TODAY, aged, judged, option, placed, young_person

# The OC3 ACCOM codes the DfE accepts, as the Data to Insight 903 validator lists them
# (csc-validator-be-903 0.1.17, lac_validator/rules/lac2022_23/rule_133.py).
PUBLISHED_ACCOM = {"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2",
                   "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"}  # fmt: skip
EXPORT = "/api/v1/exports/ssda903-accommodation.csv"


def test_every_code_the_service_can_export_is_on_the_published_list():
    letters_and_digits = {letter + digit for letter in ACCOMMODATION for digit in "12"}
    never = {"S1", "X1"}  # no fixed abode and custody are never suitable: the service refuses them
    assert letters_and_digits - never <= PUBLISHED_ACCOM


def test_an_officer_records_the_accommodation_and_its_suitability(client, officer, db):
    person = young_person(client, officer, "A")

    answer = judged(client, officer, person, "E", True)

    assert answer.status_code == 200, answer.json
    assert answer.json["current_accommodation"] == {
        "code": "E",
        "suitable": True,
        "judged_on": TODAY.isoformat(),
    }
    row = db.get(YoungPerson, person)
    assert (row.accommodation_code, row.accommodation_suitable, row.accommodation_judged_on) == (
        "E",
        True,
        TODAY,
    )
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert entry.detail.startswith("changed current accommodation from none to")


@pytest.mark.parametrize(
    ("code", "suitable", "judged_on", "field", "reason"),
    [
        ("Q", True, TODAY, "code", "must be one of"),
        ("S", True, TODAY, "suitable", "no fixed abode or homeless is never recorded as suitable"),
        ("X", True, TODAY, "suitable", "in custody is never recorded as suitable"),
        ("E", True, TODAY + timedelta(days=1), "judged_on", "must not be in the future"),
    ],
)
def test_a_judgement_off_the_code_list_is_a_422(
    client, officer, row_counts, code, suitable, judged_on, field, reason
):
    person = young_person(client, officer, "A")
    before = row_counts()

    refused = judged(client, officer, person, code, suitable, judged_on)

    assert refused.status_code == 422
    assert reason in refused.json["errors"]["json"]["current_accommodation"][field][0]
    assert row_counts() == before


def test_the_ssda903_export_gives_each_care_leaver_17_to_21_their_code_staying_put_as_z(client, officer, db):
    lodgings, homeless, too_young = (
        aged(client, officer, "L", 19),
        aged(client, officer, "S", 20),
        aged(client, officer, "Y", 16),
    )
    judged(client, officer, lodgings, "E", True)
    judged(client, officer, homeless, "S", False)
    judged(client, officer, too_young, "C", True)
    staying = young_person(client, officer, "SP")  # 19
    placed(client, officer, staying, option(client, officer, "staying_put", young_person=staying))

    answer = client.get(EXPORT, headers=officer)

    assert answer.status_code == 200
    assert answer.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert [(r["reference"], r["accom"]) for r in rows] == [("L", "E1"), ("S", "S2"), ("SP", "Z1")]
    assert rows[0]["date"] == TODAY.isoformat()
    assert {r["accom"] for r in rows} <= PUBLISHED_ACCOM
    [export] = db.scalars(
        select(AuditEntry).where(AuditEntry.detail.startswith("exported to the SSDA903 return"))
    )
    assert set(export.shown_ids) == {lodgings, homeless, staying}  # one entry, naming everyone exported


def test_the_export_is_for_officers(client, auth):
    assert client.get(EXPORT).status_code == 401
    assert client.get(EXPORT, headers=auth.headers(Role.DISTRICT_OFFICER)).status_code == 403
    assert client.get(EXPORT + "?as_of=31-12-2026", headers=auth.headers(Role.ADMIN)).status_code == 422
