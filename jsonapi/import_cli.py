"""`flask import young-people FILE`, `flask import applications FILE` and `flask import placements FILE`:
bulk loads, with progress."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from flask.cli import AppGroup

from housing.actors import Actor
from housing.clock import today
from housing.services.import_problems import ImportRefused
from housing.vocabulary import Role
from httpkit import tabular
from jsonapi import import_files

imports = AppGroup(
    "import",
    help="Young people, register applications, current placements and providers from the county's systems.",
)
COMMAND_LINE = Actor(user_id="command-line", email="command line (flask import)", role=Role.ADMIN)
FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))


@contextmanager
def _bar(label: str, length: int) -> Iterator[import_files.Update]:
    with click.progressbar(length=max(length, 0), label=label, show_pos=True) as bar:
        yield bar.update


def _run(kind: str, file: Path) -> None:
    try:
        done = import_files.run(
            COMMAND_LINE,
            kind,
            file.name,
            file.read_bytes(),
            today=today(),
            limits=tabular.COMMAND_LINE,
            stage=_bar,
        )
    except ImportRefused as refused:
        for problem in refused.problems:
            click.echo(str(problem), err=True)
        found = len(refused.problems)
        raise click.ClickException(f"nothing imported: {found} problem(s) in {file.name}") from refused
    click.echo(
        f"Imported {file.name}: {len(done.created)} added, {len(done.updated)} updated, "
        f"{len(done.unchanged)} already as in the file."
    )


@imports.command("young-people")
@FILE
def young_people(file: Path) -> None:
    """Young people from a case system's report (CSV or XLSX): every row checked, all or nothing;
    a reference already held is updated. Columns: docs/imports.md."""
    _run("young-people", file)


@imports.command("applications")
@FILE
def applications(file: Path) -> None:
    """Register applications from a council's choice-based lettings export (CSV or XLSX): every row
    checked, all or nothing; an active application to that council is updated. Columns: docs/imports.md."""
    _run("applications", file)


@imports.command("placements")
@FILE
def placements(file: Path) -> None:
    """Current placements (CSV or XLSX): every row checked, places on every day included, all or
    nothing; each recorded as an accept records it. Columns: docs/imports.md."""
    _run("placements", file)


@imports.command("providers")
@FILE
def providers(file: Path) -> None:
    """Providers of supported places (CSV or XLSX): name, Ofsted number, rating, date inspected;
    every row checked, all or nothing; a number already held is updated. Columns: docs/imports.md."""
    _run("providers", file)
