"""`flask import young-people`, `applications` and `placements`: all or nothing, with progress."""

from pathlib import Path

from sqlalchemy import func, select

from housing.models import Application, Placement, YoungPerson
from tests import payloads

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


def test_placements_are_imported_from_the_command_line_after_their_young_people(app, db, client, officer):
    run_import(app, "young-people", "young_people_lcs.csv")
    for name, route, place in (("Worthing Foyer", "supported_accommodation", "Worthing"),
                               ("Haywards Heath lodgings", "supported_lodgings", "Haywards Heath"),
                               ("Bognor council flat", "register_vacancy", "Bognor Regis")):  # fmt: skip
        body = payloads.option(route, name=name, place=place, available_from="2026-01-01", min_age=16)
        assert client.post("/api/v1/options", json=body, headers=officer).status_code == 201

    result = run_import(app, "placements", "placements_lcs.csv")
    again = run_import(app, "placements", "placements_lcs.csv")

    assert result.exit_code == 0, result.output
    assert "Imported placements_lcs.csv: 3 added, 0 updated, 0 already as in the file." in result.stdout
    assert "0 added, 0 updated, 3 already as in the file." in again.stdout
    assert count(db, Placement) == 3
