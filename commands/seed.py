"""`flask seed`: reference data and the synthetic West Sussex scenario."""

from datetime import datetime

import click
from flask import current_app
from flask.cli import with_appcontext

from housing.clock import today
from seeds.load import load_reference, row_count, write_scenario
from seeds.scenario import generate


@click.command("seed")
@click.option("--reference-only", is_flag=True, help="Load districts and places alone.")
@click.option("--scale", type=click.FloatRange(min=0.01, max=200), default=1.0, show_default=True,
              help="1 is West Sussex (about 650 young people); 100 is national size.")  # fmt: skip
@click.option("--seed", "seed_", type=int, default=2026, show_default=True, help="Fixes the scenario.")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Anchors ages and dates (default: today).")  # fmt: skip
@with_appcontext
def seed(reference_only: bool, scale: float, seed_: int, as_of: datetime | None) -> None:
    """Upsert reference data; replace all case data with a synthetic scenario. Staff users are kept; a
    young person's own account goes with their record (invite them again from the new one)."""
    factory = current_app.extensions["pathways"].writer_factory
    with factory() as session:
        load_reference(session)
    click.echo("Reference data: the 7 districts and boroughs and their places.")
    if reference_only:
        return
    anchor = as_of.date() if as_of else today()
    click.echo(f"Generating the scenario (seed {seed_}, scale {scale:g}, as of {anchor})…")
    scenario = generate(seed_, scale, anchor)
    with (
        factory() as session,
        click.progressbar(length=row_count(scenario), label="Writing", show_pos=True) as bar,
    ):
        write_scenario(session, scenario, progress=bar.update)
    click.echo(
        f"Scenario: {len(scenario.young_people)} young people, {len(scenario.options)} options, "
        f"{len(scenario.applications)} register applications. Every name is synthetic."
    )
