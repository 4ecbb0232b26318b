"""bench/results/trust.json: one section per measurement, each with when and where it ran."""

import json
from datetime import UTC, datetime
from pathlib import Path

from bench import machine

TRUST = Path(__file__).resolve().parents[1] / "results" / "trust.json"


def record(section: str, figures: dict) -> None:
    """Replace this section, keep the others."""
    kept = json.loads(TRUST.read_text()) if TRUST.exists() else {}
    kept[section] = {"ran_at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine.describe()}
    kept[section] |= figures
    TRUST.parent.mkdir(exist_ok=True)
    TRUST.write_text(json.dumps(kept, indent=2) + "\n")
    print(f"written {TRUST} [{section}]")


def record_part(section: str, part: str, figures: dict) -> None:
    """One part of a section (a backend, say), keeping the section's other parts."""
    kept = json.loads(TRUST.read_text()) if TRUST.exists() else {}
    parts = kept.get(section, {})
    parts[part] = {"ran_at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine.describe()}
    parts[part] |= figures
    kept[section] = parts
    TRUST.parent.mkdir(exist_ok=True)
    TRUST.write_text(json.dumps(kept, indent=2) + "\n")


def table(rows: list[dict], columns: list[str]) -> None:
    widths = {c: max([len(c)] + [len(str(row.get(c, ""))) for row in rows]) for c in columns}
    print("  ".join(f"{c:>{widths[c]}}" for c in columns))
    for row in rows:
        print("  ".join(f"{row.get(c, '')!s:>{widths[c]}}" for c in columns))
