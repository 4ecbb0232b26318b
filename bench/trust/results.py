"""bench/results/trust.json (written by `figures.trust`), and the tables the trust commands print."""

from figures.trust import TRUST, record_part
from figures.trust import record as _record

__all__ = ["record", "record_part", "table"]


def record(section: str, figures: dict) -> None:
    """Replace this section, keep the others, and say where it went."""
    _record(section, figures)
    print(f"written {TRUST} [{section}]")


def table(rows: list[dict], columns: list[str]) -> None:
    widths = {c: max([len(c)] + [len(str(row.get(c, ""))) for row in rows]) for c in columns}
    print("  ".join(f"{c:>{widths[c]}}" for c in columns))
    for row in rows:
        print("  ".join(f"{row.get(c, '')!s:>{widths[c]}}" for c in columns))
