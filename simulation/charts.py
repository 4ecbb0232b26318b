"""The outcomes as charts (matplotlib, SVG and PNG), each paired with a table on the page."""

from pathlib import Path
from typing import Any

import matplotlib as mpl

mpl.use("Agg")  # no screen: files only
import matplotlib.pyplot as plt

LABELS = {
    "pathways": "Pathways",
    "monthly_run": "One run a month (before)",
    "most_due_first": "Most due first",
    "home_register_only": "Home register only",
    "tiers_off": "Pathways, tiers off",
    "year_known": "Pathways knowing the year",
    "hindsight": "Hindsight (the bound)",
}
COLOURS = {  # GOV.UK palette; hindsight, the bound, in grey
    "pathways": "#1d70b8",
    "monthly_run": "#00703c",
    "most_due_first": "#d4351c",
    "home_register_only": "#f47738",
    "tiers_off": "#4c2c92",
    "year_known": "#28a197",
    "hindsight": "#505a5f",
}
mpl.rcParams.update({"font.size": 11, "svg.fonttype": "none", "svg.hashsalt": "pathways"})


def label(policy: str) -> str:
    return LABELS.get(policy, policy)


def draw(results: dict[str, Any], folder: Path) -> list[Path]:
    """Write the three charts as SVG and PNG into `folder`; returns the SVG paths."""
    folder.mkdir(parents=True, exist_ok=True)
    summary = results["summary"]
    policies = list(summary)
    written = []
    for name, plot in (("headline", _headline), ("distances", _distances), ("by-month", _by_month)):
        figure, axes = plt.subplots(figsize=(8, 4.6))
        plot(axes, policies, results)
        figure.tight_layout()
        for suffix in ("svg", "png"):
            figure.savefig(
                folder / f"{name}.{suffix}", dpi=120, metadata={"Date": None} if suffix == "svg" else None
            )
        plt.close(figure)
        written.append(folder / f"{name}.svg")
    return written


def _headline(axes, policies: list[str], results: dict[str, Any]) -> None:
    shares = [results["summary"][p]["headline_share"] for p in policies]
    means = [100 * s["mean"] for s in shares]
    errors = [
        [100 * (s["mean"] - s["low"]) if s["low"] is not None else 0 for s in shares],
        [100 * (s["high"] - s["mean"]) if s["high"] is not None else 0 for s in shares],
    ]
    axes.bar(
        [label(p) for p in policies],
        means,
        yerr=errors,
        capsize=6,
        color=[COLOURS.get(p, "#505a5f") for p in policies],
    )
    axes.set_ylabel("% with pathway agreed by 17½")
    axes.set_ylim(0, 100)
    axes.set_title("Pathways agreed by 17½ (mean over seeds, 95 % interval)")
    _slanted(axes)


def _distances(axes, policies: list[str], results: dict[str, Any]) -> None:
    data = [results["important_link_km"][p] or [0.0] for p in policies]
    axes.boxplot(data, tick_labels=[label(p) for p in policies], showfliers=False)
    axes.set_ylabel("km to each most important link")
    axes.set_title("Distance from the new home to the most important links")
    _slanted(axes)


def _slanted(axes) -> None:
    """Ways of working named under their bars, slanted and ending at the bar, so seven never overlap."""
    plt.setp(axes.get_xticklabels(), rotation=30, ha="right", rotation_mode="anchor")


def _by_month(axes, policies: list[str], results: dict[str, Any]) -> None:
    for policy in policies:
        colour = COLOURS.get(policy, "#505a5f")
        monthly = results["summary"][policy]["agreed_by_month"]
        axes.plot(range(1, len(monthly) + 1), monthly, marker="o", color=colour, label=label(policy))
    axes.set_xlabel("Month of the simulated year")
    axes.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    axes.set_ylabel("Pathways agreed (mean over seeds)")
    axes.set_title("Pathways agreed month by month")
    axes.legend(fontsize=9)
