"""`flask import young-people` and `flask import applications`: all or nothing, with progress."""

from pathlib import Path

from sqlalchemy import func, select

from housing.models import Application, YoungPerson

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def run_import(app, kind: str, name: str):
    return app.test_cli_runner().invoke(args=["import", kind, str(FIXTURES / name)])


def count(db, model) -> int:
    db.rollback()
    return db.scalar(select(func.count()).select_from(model))


def test_a_report_and_a_councils_export_are_imported_and_a_second_run_adds_nothing(app, db):
    first = run_import(app, "young-people", "young_people_lcs.csv")
    applications = run_import(app, "applications", "applications_cbl.csv")
    again = run_import(app, "young-people", "young_people_lcs.csv")

    assert first.exit_code == 0, first.output
    assert "Imported young_people_lcs.csv: 5 added, 0 updated, 0 already as in the file." in first.stdout
    assert "Writing" in first.output  # the progress bars
    assert applications.exit_code == 0, applications.output
    assert "3 added" in applications.stdout
    assert "0 added, 0 updated, 5 already as in the file." in again.stdout
    assert (count(db, YoungPerson), count(db, Application)) == (5, 3)


def test_a_file_with_bad_rows_prints_each_problem_and_imports_nothing(app, db):
    result = run_import(app, "young-people", "young_people_bad.csv")

    assert result.exit_code == 1
    assert "line 2, column Home District: not one of the seven West Sussex districts" in result.stderr
    assert "line 15, column Number of Children: must be a whole number, like 3" in result.stderr
    assert "nothing imported: 14 problem(s) in young_people_bad.csv" in result.stderr
    assert count(db, YoungPerson) == 0
