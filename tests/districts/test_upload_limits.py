"""A council's upload cannot stall the service: rows, columns, a workbook's unzipped size and the
time taken are bounded, and a refusal is a small answer naming the limit (issue 27)."""

import dataclasses
import io
import time
import zipfile

import pytest
from openpyxl import Workbook

from housing.vocabulary import Role
from httpkit import tabular
from tests.builders import HEADER, upload, xlsx


@pytest.fixture
def crawley(auth):
    return auth.headers(Role.DISTRICT_OFFICER, "crawley")


def refused_quickly(client, crawley, content: bytes, filename: str, row_counts):
    before = row_counts()
    started = time.monotonic()
    response = upload(client, crawley, content, filename)
    took = time.monotonic() - started
    assert response.status_code == 422, response.json
    assert took < 3, f"took {took:.1f} s"
    assert row_counts() == before
    return response.json["errors"]["files"]["file"]


def test_a_tiny_workbook_with_a_cell_on_its_last_row_is_refused_at_once_naming_the_row_limit(
    client, crawley, row_counts
):
    book = Workbook()
    book.active.append(["name", "place", "capacity", "available_from"])
    book.active.cell(row=1_048_576, column=1, value="x")
    out = io.BytesIO()
    book.save(out)
    assert len(out.getvalue()) < 10_000

    problems = refused_quickly(client, crawley, out.getvalue(), "v.xlsx", row_counts)

    assert problems == [
        "line 10002, column -: the file has more than 10,000 rows of vacancies (the limit): split it into smaller files"
    ]


def test_a_workbook_with_cells_out_to_its_last_column_is_refused_at_once(client, crawley, row_counts):
    """Each row would have been read as 16,384 cells; now cells past the 31st are never made."""
    book = Workbook()
    book.active.append(["name", "place", "capacity", "available_from"])
    for row in range(2, 2_000):
        book.active.cell(row=row, column=31, value="x")
        book.active.cell(row=row, column=16_384, value="x")
    out = io.BytesIO()
    book.save(out)

    problems = refused_quickly(client, crawley, out.getvalue(), "v.xlsx", row_counts)

    assert problems == [
        "line 2, column -: the row has more than 30 columns (the limit): remove the extra columns"
    ]


def test_a_workbook_that_unzips_to_more_than_25_mb_is_refused_before_it_is_unzipped(
    client, crawley, row_counts
):
    good = xlsx(("name", "place", "capacity", "available_from"), ("Flat 1", "Crawley", 1, "2026-12-01"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for part in source.infolist():
            bomb.writestr(part, source.read(part))
        bomb.writestr("xl/padding.xml", b"<a/>" + b" " * (30 * 1024 * 1024))
    assert len(out.getvalue()) < 100_000

    problems = refused_quickly(client, crawley, out.getvalue(), "v.xlsx", row_counts)

    assert "unpacks to more than 25 MB" in problems[0]


def test_a_csv_of_more_than_10000_rows_is_refused_naming_the_limit(client, crawley, row_counts):
    content = (HEADER + "\n" + "Flat,Crawley,1,2026-12-01,,,,\n" * 10_001).encode()

    problems = refused_quickly(client, crawley, content, "v.csv", row_counts)

    assert problems == [
        "line 10002, column -: the file has more than 10,000 rows of vacancies (the limit): split it into smaller files"
    ]


def test_a_csv_with_more_than_30_columns_is_refused_naming_the_limit(client, crawley, row_counts):
    content = (HEADER + "\n" + "Flat,Crawley,1,2026-12-01" + ",x" * 40 + "\n").encode()

    problems = refused_quickly(client, crawley, content, "v.csv", row_counts)

    assert "more than 30 columns (the limit)" in problems[0]


def test_a_file_wrong_on_every_line_gets_a_small_answer_listing_50_problems_and_how_many_more(
    client, crawley, row_counts
):
    long_header = ",".join(["name", "place", "capacity", "available_from"])
    content = (long_header + "\n" + "Flat,Nowhere,many,someday\n" * 5_000).encode()
    before = row_counts()

    response = upload(client, crawley, content, "v.csv")

    assert response.status_code == 422
    problems = response.json["errors"]["files"]["file"]
    assert len(problems) == 51
    # Three problems a line (the place, the capacity, the date): 15,000, of which 50 are listed.
    assert problems[-1].startswith("and 14,950 more problem(s) after these")
    assert len(response.get_data()) < 20_000
    assert row_counts() == before


def test_a_header_of_long_unknown_columns_names_each_only_in_part(client, crawley, row_counts):
    content = (
        "name,place,capacity,available_from," + "z" * 5_000 + "\nFlat,Crawley,1,2026-12-01,\n"
    ).encode()

    response = upload(client, crawley, content, "v.csv")

    assert response.status_code == 422
    assert len(response.get_data()) < 2_000


def test_reading_that_runs_past_the_time_limit_is_refused_naming_it(client, crawley, row_counts, monkeypatch):
    monkeypatch.setattr(tabular, "UPLOAD", dataclasses.replace(tabular.UPLOAD, seconds=0.0))
    content = (HEADER + "\n" + "Flat,Crawley,1,2026-12-01,,,,\n" * 600).encode()

    problems = refused_quickly(client, crawley, content, "v.csv", row_counts)

    assert problems == [
        "line 256, column -: reading the file took more than 0 s (the limit), at this line: split it into smaller files"
    ]
