"""Providers brought in from a file (Ofsted's data download headings): all or nothing, by Ofsted number,
on the API, the command line and the page; each kind of bad row named with its line and column."""

from sqlalchemy import func, select

from housing.models import AuditEntry, Provider
from housing.vocabulary import Role
from tests.builders import send_import


def held(db) -> dict[str, Provider]:
    db.rollback()
    return {p.ofsted_number: p for p in db.scalars(select(Provider))}


def test_ofsteds_download_adds_each_provider_with_its_headings_and_words_read(client, officer, db):
    answer = send_import(client, officer, "providers", "providers_ofsted.csv")

    assert answer.status_code == 201, answer.json
    assert (len(answer.json["created"]), answer.json["kind"]) == (4, "providers")
    found = held(db)
    assert set(found) == {"2712345", "SC123456", "2799001", "2799002"}
    assert (found["SC123456"].rating, found["SC123456"].inspected_on.isoformat()) == (
        "requires_improvement", "2025-11-20")  # fmt: skip
    assert (found["2799001"].rating, found["2799001"].inspected_on) == ("not_yet_inspected", None)
    assert "providers from a file: 4 rows" in db.scalars(select(AuditEntry.detail)).all()


def test_the_same_file_again_changes_nothing_and_a_changed_row_updates_by_number(client, officer, db):
    send_import(client, officer, "providers", "providers_ofsted.csv")
    again = send_import(client, officer, "providers", "providers_ofsted.csv")
    changed = send_import(client, officer, "providers", "changed.csv",
                          b"URN,Provider Name,Overall Effectiveness,Inspection Date\n2712345,Oak Housing Ltd,Outstanding,01/10/2026\n")  # fmt: skip

    assert (again.json["created"], again.json["updated"], again.json["unchanged"]) == ([], [], 4)
    assert (changed.json["created"], len(changed.json["updated"])) == ([], 1)
    assert held(db)["2712345"].rating == "outstanding"
    assert (
        "provider Oak Housing Ltd: rating from good to outstanding, date inspected from 4 March 2025 to "
        "1 October 2026, from an imported file" in db.scalars(select(AuditEntry.detail)).all()
    )


def test_each_kind_of_bad_row_is_named_with_its_line_and_column_and_nothing_is_written(
    client, officer, row_counts
):
    before = row_counts()

    refused = send_import(client, officer, "providers", "providers_bad.csv")

    assert refused.status_code == 422
    said = refused.json["errors"]["files"]["file"]
    for problem in (
        "line 2, column URN: must be Ofsted's reference number: 6 or 7 digits, or SC and 6 digits",
        "line 3, column Inspection Date: must be given with a rating: the date of the inspection that gave it",
        "line 4, column Inspection Date: must be left empty for a provider not yet inspected",
        "line 5, column Inspection Date: must not be in the future",
        "line 6, column Overall Effectiveness:",
        "line 7, column Provider Name:",
        "line 8, column Inspection Date:",
        "line 10, column URN: the same Ofsted number as line 9",
    ):
        assert any(line.startswith(problem) for line in said), problem
    assert row_counts() == before


def test_a_large_file_is_brought_in_whole(client, officer, db):
    rows = "".join(f"{2000000 + n},Provider {n},Good,01/01/2025\n" for n in range(3000))

    answer = send_import(
        client,
        officer,
        "providers",
        "large.csv",
        ("URN,Provider Name,Overall Effectiveness,Inspection Date\n" + rows).encode(),
    )

    assert answer.status_code == 201, answer.json
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Provider)) == 3000


def test_only_officers_bring_in_providers(client, auth, row_counts):
    headers = auth.headers(Role.COMMISSIONER)
    before = row_counts()

    assert send_import(client, headers, "providers", "providers_ofsted.csv").status_code == 403
    assert row_counts() == before
