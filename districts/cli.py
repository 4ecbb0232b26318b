"""`flask vacancies import FILE --district SLUG`: a council's vacancies in bulk."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from districts.vacancies import ImportRefused, read_rows, validate, write
from housing.models import District

vacancies = AppGroup("vacancies", help="Register vacancies in bulk.")


@vacancies.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--district", required=True, help="the council whose register the vacancies are on")
def import_(file: Path, district: str) -> None:
    """Check every row of a CSV or XLSX file, then add all its vacancies, or none if any row is wrong."""
    if file.suffix.lower() not in (".csv", ".xlsx"):
        raise click.ClickException("the file must be .csv or .xlsx")
    with current_app.extensions["pathways"].writer_factory() as session:
        if session.get(District, district) is None:
            raise click.ClickException(f"no district {district!r}")
        rows = read_rows(file)
        with click.progressbar(
            length=max(len(rows) - 1, 0), label="Checking", show_pos=True, file=None
        ) as bar:
            try:
                options = validate(session, district, rows, bar.update)
            except ImportRefused as refused:
                for problem in refused.problems:
                    click.echo(str(problem), err=True)
                raise click.ClickException(
                    f"nothing imported: {len(refused.problems)} problem(s) in {file.name}"
                ) from refused
        session.rollback()
        with click.progressbar(length=len(options), label="Writing", show_pos=True) as bar:
            write(session, options, bar.update)
    click.echo(f"Imported {len(options)} vacancies into the {district} register.")
