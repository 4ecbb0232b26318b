"""`flask simulate` (and `make outcomes`): a simulated year under each policy, against hindsight."""

import json
import os
from datetime import datetime
from pathlib import Path

import click
from flask.cli import with_appcontext

from figures import machine
from housing.clock import today
from simulation import assumptions
from simulation.runner import EVERY_POLICY, Plan, run

RESULTS = Path("bench/results/outcomes.json")
CHARTS = Path("docs/outcomes")
FIRST_REPORTED_SEED = 21  # seeds 1-20 chose the plan's parameters: the figures come from others


@click.command("simulate")
@with_appcontext
@click.option("--months", type=click.IntRange(1, 36), default=12, show_default=True)
@click.option(
    "--seeds",
    type=click.IntRange(1, 1000),
    default=20,
    show_default=True,
    help="How many seeds, from --first-seed.",
)
@click.option(
    "--first-seed",
    type=click.IntRange(1, 100_000),
    default=FIRST_REPORTED_SEED,
    show_default=True,
    help="Seeds 1-20 are where the service's parameters were chosen; reports start after them.",
)
@click.option(
    "--scale", type=click.FloatRange(0.05, 20), default=1.0, show_default=True, help="1 is West Sussex."
)
@click.option(
    "--accept-rate",
    type=click.FloatRange(0.05, 1.0),
    default=assumptions.ACCEPT_RATE.value,
    show_default=True,
    help="The share of proposals officers agree with the young person.",
)
@click.option("--policies", default=",".join(EVERY_POLICY), show_default=True, help="Comma-separated.")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The year's first day (default: today).",
)
@click.option(
    "--scheduler", default=None, help="A Dask scheduler's address; by default, this machine's cores."
)
@click.option(
    "--workers", type=click.IntRange(1, 256), default=None, help="Local processes (default: one per core)."
)
@click.option("--out", type=click.Path(path_type=Path), default=RESULTS, show_default=True)
@click.option("--charts", type=click.Path(path_type=Path), default=CHARTS, show_default=True)
def simulate(  # noqa: PLR0917 -- click passes each option by position
    months: int, seeds: int, first_seed: int, scale: float, accept_rate: float, policies: str,
    as_of: datetime | None, scheduler: str | None, workers: int | None, out: Path, charts: Path,
) -> None:  # fmt: skip
    """Play the seeded county forward a year under each policy; write the figures and charts."""
    chosen = tuple(p.strip() for p in policies.split(",") if p.strip())
    unknown = sorted(set(chosen) - set(EVERY_POLICY))
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(EVERY_POLICY)}", param_hint="--policies")
    start = as_of.date() if as_of else today()
    plan = Plan(tuple(range(first_seed, first_seed + seeds)), scale, start, months, chosen, accept_rate)
    click.echo(
        f"Simulating {months} months from {start:%d %B %Y}: seeds {first_seed}-{first_seed + seeds - 1} x "
        f"{len(chosen)} policies…",
        err=True,
    )
    with click.progressbar(length=seeds, label="Seeds", show_pos=True) as bar:
        results = run(plan, scheduler=scheduler, workers=workers, progress=lambda _done: bar.update(1))
    document = _document(plan, results)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, indent=1, default=str) + "\n")
    from simulation.charts import draw  # noqa: PLC0415 -- matplotlib loads for this command only, not the service

    written = draw(results, charts)
    click.echo(f"Written {out} and {len(written)} charts in {charts} ({results['seconds']} s).")
    for policy, figures in document["summary"].items():
        share = figures["headline_share"]["mean"]
        click.echo(f"  {policy:<26} {100 * share:5.1f} % of pathways agreed by 17½")


def _document(plan: Plan, results: dict) -> dict:
    return {
        "what": "A simulated year: the share of young people turning 17½ whose pathway was agreed by 17½",
        "machine": machine.describe(),
        "plan": {
            "seeds": len(plan.seeds),
            "seed_numbers": [plan.seeds[0], plan.seeds[-1]],  # first and last: none tuned on (README)
            "scale": plan.scale,
            "start": plan.start.isoformat(),
            "months": plan.months,
            "policies": list(plan.policies),
            "accept_rate": plan.accept_rate,
        },
        "assumptions": {
            name: {"label": a.label, "value": a.value, "source": a.source}
            for name, a in assumptions.ALL.items()
        },
        "seconds": results["seconds"],
        "load_average": [round(x, 1) for x in os.getloadavg()],  # a shared machine: how busy it was
        "summary": results["summary"],
        "per_seed": results["per_seed"],
    }
