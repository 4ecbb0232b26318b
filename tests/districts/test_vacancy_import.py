"""`flask vacancies import`: every row checked first, all or nothing, each problem located."""

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from housing.models import Option
from housing.services import vacancies
from tests import payloads

HEADER = "name,place,capacity,available_from,available_until,support_levels,bedrooms,accepts_children"


def options(db) -> int:
    db.rollback()
    return db.scalar(select(func.count()).select_from(Option))


def run_import(app, path: Path, district: str = "crawley"):
    return app.test_cli_runner().invoke(args=["vacancies", "import", str(path), "--district", district])


def test_a_good_csv_is_imported_in_full(app, db, tmp_path):
    path = tmp_path / "crawley.csv"
    path.write_text(
        f"{HEADER}\nFlat 1,Crawley,1,2026-12-01,,low;medium,1,false\nFlat 2,Gatwick Airport,3,2027-01-05,2027-04-01,low,2,yes\n"
    )

    result = run_import(app, path)

    assert result.exit_code == 0, result.output
    assert "Imported 2 vacancies" in result.stdout
    db.rollback()
    rows = {o.name: o for o in db.scalars(select(Option))}
    assert rows["Flat 2"].capacity == 3
    assert rows["Flat 2"].accepts_children is True
    assert rows["Flat 1"].support_levels == ["low", "medium"]
    assert {o.route for o in rows.values()} == {"register_vacancy"}
    assert {o.district for o in rows.values()} == {"crawley"}


def test_a_good_xlsx_is_imported(app, db, tmp_path):
    book = Workbook()
    book.active.append(["name", "place", "capacity", "available_from"])
    book.active.append(["Flat 9", "Crawley", 2, "2026-12-01"])
    path = tmp_path / "crawley.xlsx"
    book.save(path)

    result = run_import(app, path)

    assert result.exit_code == 0, result.output
    assert options(db) == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "line 1, column -: the file is empty"),
        ("name,place,available_from\nFlat,Crawley,2026-12-01\n", "line 1, column capacity: missing"),
        (f"{HEADER}\n", "line 2, column -: no vacancies"),
        (
            f"{HEADER}\nFlat,Crawley,1,2026-02-30,,,,\n",
            "line 2, column available_from: must be a real date, like 27/03/2026",
        ),
        (f"{HEADER}\nFlat,Worthing,1,2026-12-01,,,,\n", "line 2, column place: Worthing is not in crawley"),
        (f"{HEADER}\nFlat,Atlantis,1,2026-12-01,,,,\n", "line 2, column place: unknown place 'Atlantis'"),
        (
            f"{HEADER}\nFlat,Crawley,1,2026-12-01,,,,\nFlat,Crawley,1,2026-12-01,,,,\n",
            "line 3, column -: duplicates line 2",
        ),
        (
            f'{HEADER}\n"=HYPERLINK(""http://x"")",Crawley,1,2026-12-01,,,,\n',
            "line 2, column name: looks like a spreadsheet formula",
        ),
        (f"{HEADER}\nFlat,Crawley,0,2026-12-01,,,,\n", "line 2, column capacity"),
        (
            f"{HEADER},colour\nFlat,Crawley,1,2026-12-01,,,,,red\n",
            "line 1, column colour: not a known column",
        ),
    ],
)
def test_a_bad_file_imports_nothing_and_says_where(app, db, tmp_path, content, expected):
    path = tmp_path / "bad.csv"
    path.write_text(content)

    result = run_import(app, path)

    assert result.exit_code != 0
    assert expected in result.output
    assert "nothing imported" in result.output
    assert options(db) == 0


def test_one_bad_row_among_good_ones_imports_none_of_them(app, db, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(
        f"{HEADER}\nA,Crawley,1,2026-12-01,,,,\nB,Crawley,x,2026-12-01,,,,\nC,Crawley,1,2026-12-01,,,,\n"
    )

    result = run_import(app, path)

    assert result.exit_code != 0
    assert "line 3, column capacity: must be a whole number, like 3" in result.output
    assert options(db) == 0


def test_an_unknown_district_or_file_type_is_refused(app, tmp_path):
    path = tmp_path / "v.csv"
    path.write_text(f"{HEADER}\n")
    assert "no district 'kent'" in run_import(app, path, "kent").output
    other = tmp_path / "v.txt"
    other.write_text("hello")
    assert ".csv or .xlsx" in run_import(app, other).output


def test_a_file_of_several_statements_is_imported_whole_with_progress(app, db, tmp_path, monkeypatch):
    """Two full statements and one row more (statements of 100 rows here, of `vacancies.CHUNK` in
    service; 50,000 rows took 48 s of the suite on two backends): every row written, none twice."""
    monkeypatch.setattr(vacancies, "CHUNK", 100)
    rows = 2 * vacancies.CHUNK + 1
    path = tmp_path / "large.csv"
    lines = [f"Flat {n},Crawley,1,2026-12-01,,low,1,false" for n in range(rows)]
    path.write_text(HEADER + "\n" + "\n".join(lines) + "\n")

    result = run_import(app, path)

    assert result.exit_code == 0, result.output
    assert "Checking" in result.output
    assert "Writing" in result.output
    assert options(db) == rows
    db.rollback()
    assert db.scalar(select(func.count(func.distinct(Option.name)))) == rows


@pytest.mark.parametrize(
    ("api_fields", "cells", "column"),
    [
        ({"min_age": 22, "max_age": 18}, "Flat,Crawley,1,2026-12-01,,22,18", "min_age"),
        (
            {"available_from": "2026-12-01", "available_until": "2026-11-01"},
            "Flat,Crawley,1,2026-12-01,2026-11-01,,",
            "available_until",
        ),
        ({"place": "Atlantis"}, "Flat,Atlantis,1,2026-12-01,,,", "place"),
    ],
)
def test_the_api_and_a_file_are_refused_by_the_same_option_rule_in_the_same_words(
    app, client, officer, tmp_path, api_fields, cells, column
):
    api = client.post(
        "/api/v1/options", json=payloads.option("register_vacancy", **api_fields), headers=officer
    )
    path = tmp_path / "rule.csv"
    path.write_text(f"name,place,capacity,available_from,available_until,min_age,max_age\n{cells}\n")

    result = run_import(app, path)

    [reason] = api.json["errors"]["json"][column]
    assert f"line 2, column {column}: {reason}" in result.output


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (f"{HEADER}\nCaf\xe9,Crawley,1,2026-12-01,,,,\n".encode("latin-1"), "v.csv", "line 2, column -: is not UTF-8 text"),
        (b"not a workbook", "v.xlsx", "line 1, column -: the file is not an Excel workbook"),
        (f"{HEADER}\n\uff1dcmd,Crawley,1,2026-12-01,,,,\n".encode(), "v.csv", "line 2, column name: looks like a spreadsheet formula"),
        (f"{HEADER}\nFl\x00at,Crawley,1,2026-12-01,,,,\n".encode(), "v.csv", "line 2, column name: holds the NUL character"),
    ],
)  # fmt: skip
def test_the_command_line_gives_the_same_clear_refusals_as_the_upload(
    app, db, tmp_path, content, name, expected
):
    path = tmp_path / name
    path.write_bytes(content)

    result = run_import(app, path)

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert expected in result.output
    assert options(db) == 0
