"""`flask vacancies import FILE --district SLUG`: a council's vacancies in bulk, with progress."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from districts import vacancy_files
from housing.actors import Actor
from housing.reads.names import district_names
from housing.services import vacancies as use_case
from housing.services.import_problems import ImportRefused
from housing.vocabulary import Role
from httpkit import tabular

vacancies = AppGroup("vacancies", help="Register vacancies in bulk.")
COMMAND_LINE = Actor(user_id="command-line", email="command line (flask vacancies import)", role=Role.ADMIN)


@vacancies.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--district", required=True, help="the council whose register the vacancies are on")
def import_(file: Path, district: str) -> None:
    """Check every row of a CSV or XLSX file, then add all its vacancies, or none if any row is wrong."""
    with current_app.extensions["pathways"].writer_factory() as session:
        if district not in district_names(session):
            raise click.ClickException(f"no district {district!r}")
        try:
            rows = tabular.read(file.name, file.read_bytes(), tabular.COMMAND_LINE, noun="vacancies")
            with _bar(len(rows) - 1, "Reading") as bar:
                parsed, problems = tabular.parse(rows, vacancy_files.VACANCIES, bar.update)
            with _bar(len(parsed), "Checking") as bar:
                ready = use_case.checked(session, district, parsed, problems, bar.update)
        except ImportRefused as refused:
            for problem in refused.problems:
                click.echo(str(problem), err=True)
            raise click.ClickException(
                f"nothing imported: {len(refused.problems)} problem(s) in {file.name}"
            ) from refused
        with _bar(len(ready), "Writing") as bar:
            use_case.add(session, COMMAND_LINE, district, ready, bar.update)
    click.echo(f"Imported {len(ready)} vacancies into the {district} register.")


def _bar(length: int, label: str) -> click.progressbar:
    return click.progressbar(length=max(length, 0), label=label, show_pos=True)
