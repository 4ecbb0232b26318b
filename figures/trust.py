"""bench/results/trust.json: one section per measurement, each with when and where it ran."""

import json
from datetime import UTC, datetime
from pathlib import Path

from figures import machine

TRUST = Path(__file__).resolve().parents[1] / "bench" / "results" / "trust.json"


def stamped(figures: dict) -> dict:
    """Figures with when and on what machine they were measured."""
    ran_at = datetime.now(UTC).isoformat(timespec="seconds")
    return {"ran_at": ran_at, "machine": machine.describe()} | figures


def record(section: str, figures: dict) -> None:
    """Replace this section, keep the others."""
    kept = json.loads(TRUST.read_text()) if TRUST.exists() else {}
    kept[section] = stamped(figures)
    _write(kept)


def record_part(section: str, part: str, figures: dict) -> None:
    """One part of a section (a backend, say), keeping the section's other parts."""
    kept = json.loads(TRUST.read_text()) if TRUST.exists() else {}
    kept[section] = kept.get(section, {}) | {part: stamped(figures)}
    _write(kept)


def _write(kept: dict) -> None:
    TRUST.parent.mkdir(exist_ok=True)
    TRUST.write_text(json.dumps(kept, indent=2) + "\n")
