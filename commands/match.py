"""`flask match`: a matching run from the command line, summarised."""

from datetime import datetime

import click
from flask import current_app
from flask.cli import with_appcontext

from commands.common import or_fail, session
from housing.actors import Actor
from housing.clock import today
from housing.services import runs
from housing.vocabulary import Role

# The command line acts as an administrator; its audit entries say so.
COMMAND_LINE = Actor(user_id="command-line", email="command line (flask match)", role=Role.ADMIN)


@click.command("match")
@with_appcontext
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Default: today.")
@click.option("--young-person", "young_people", multiple=True, help="Only these (repeatable).")
def match(as_of: datetime | None, young_people: tuple[str, ...]) -> None:
    """Run the matcher over the store, as POST /api/v1/matching/runs does, and summarise it."""
    anchor = as_of.date() if as_of else today()
    click.echo(f"Matching as of {anchor}: reading the store, building the arcs, solving…", err=True)
    with session() as db:
        record = or_fail(
            lambda: runs.run(
                db,
                COMMAND_LINE,
                as_of=anchor,
                young_people=list(young_people) or None,
                reach_km=current_app.config["REACH_KM"],
            )
        )
    s = record.summary
    rows = [
        ("run", record.id),
        ("status", f"{record.status} in {record.wall_ms:.0f} ms"),
        ("in scope", s["in_scope"]),
        ("matched", s["matched"]),
        ("urgent matched", f"{s['urgent_matched']} of {s['urgent']}"),
        ("unmatched", s["unmatched"]),
        *((f"  unmatched: {code}", n) for code, n in s["unmatched_by_reason"].items()),
        ("mean distance to links", f"{s['mean_link_km']} km" if s["mean_link_km"] is not None else "-"),
    ]
    for label, value in rows:
        click.echo(f"{label:<28} {value}")
