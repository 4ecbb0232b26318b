"""The care leavers' items of the 903 return: recorded on the record, downloaded in the DfE's layout."""

import csv
import io

from sqlalchemy import select

from housing.models import AuditEntry, AuditShown
from housing.vocabulary import Role
from jsonapi.ssda903 import collection_year_now
from tests.builders import aged, judged

EXPORT = "/api/v1/exports/ssda903-care-leavers.csv"


def items(client, officer, person, **body):
    return client.patch(f"/api/v1/young-people/{person}", json=body, headers=officer)


def rows_of(answer) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))


def test_each_care_leaver_of_the_year_with_in_touch_recorded_is_a_row_in_the_dfes_layout(client, officer, db):
    working, gone, unknown, too_young = (aged(client, officer, ref, age) for ref, age in
                                         (("W", 19), ("G", 20), ("U", 18), ("Y", 15)))  # fmt: skip
    judged(client, officer, working, "U", True)
    assert items(client, officer, working, in_touch="YES", activity="F4").status_code == 200
    assert items(client, officer, gone, in_touch="RHOM").status_code == 200
    assert items(client, officer, too_young, in_touch="NO").status_code == 200

    answer = client.get(EXPORT, headers=officer)

    assert answer.status_code == 200
    assert answer.get_data(as_text=True).splitlines()[0] == "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"
    rows = rows_of(answer)
    assert [(r["CHILD"], r["IN_TOUCH"], r["ACTIV"], r["ACCOM"]) for r in rows] == [
        ("G", "RHOM", "0", "0"),
        ("W", "YES", "F4", "U1"),
    ]
    assert rows[0]["DOB"].count("/") == 2  # day/month/year, as the 903 files write dates
    # One entry for the download, naming everyone in it (issue 30's one entry per view).
    exported = set(
        db.scalars(
            select(AuditShown.young_person_id)
            .join(AuditEntry, AuditEntry.id == AuditShown.audit_id)
            .where(AuditEntry.detail.like("exported to the SSDA903 care%"))
        )
    )
    assert exported == {working, gone}
    assert unknown not in exported


def test_in_touch_needs_activity_and_accommodation_to_be_returned(client, officer):
    person = aged(client, officer, "A", 19)

    refused = items(client, officer, person, in_touch="YES", activity="F2")
    unknown_code = items(client, officer, person, activity="Z9")

    assert refused.status_code == 422
    assert refused.json["errors"]["json"]["in_touch"] == [
        "in touch needs their activity and accommodation recorded"
    ]
    assert unknown_code.status_code == 422


def test_a_year_is_chosen_by_the_31_march_it_ends_on(client, officer):
    person = aged(client, officer, "W", 19)
    judged(client, officer, person, "E", False)
    items(client, officer, person, in_touch="YES", activity="G5")

    later = client.get(f"{EXPORT}?year={collection_year_now() + 3}", headers=officer)

    assert later.status_code == 200
    assert rows_of(later) == []  # 22 by then: out of the return
    assert 'filename="ssda903-oc3-' in later.headers["Content-Disposition"]
    assert client.get(f"{EXPORT}?year=1999", headers=officer).status_code == 422


def test_the_care_leavers_export_is_for_the_countys_officers(client, auth):
    assert client.get(EXPORT).status_code == 401
    assert client.get(EXPORT, headers=auth.headers(Role.DISTRICT_OFFICER, "crawley")).status_code == 403
    assert client.get(EXPORT, headers=auth.headers(Role.COMMISSIONER)).status_code == 403
