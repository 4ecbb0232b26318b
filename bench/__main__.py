"""`python -m bench [size …]`: run the benchmarks, print a table, write bench/results/matching.json."""

import json
import multiprocessing
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import machine
from bench import matching as matching_bench

RESULTS = Path(__file__).parent / "results"
COLUMNS = (
    ("size", "size"), ("arcs", "arcs"), ("arcs/yp", "arcs_per_young_person"), ("build s", "build_s"),
    ("solve s", "solve_s"), ("explain s", "explain_s"), ("total s", "total_s"), ("raw s", "raw_solve_s"),
    ("total/raw", "total_over_raw"), ("peak MiB", "peak_memory_mib"), ("urgent", "urgent"),
    ("urgent matched", "urgent_matched"), ("greedy urgent", "greedy_urgent_matched"),
    ("greedy +%", "greedy_extra_cost_percent"), ("exact", "objective_equals_raw_optimum"),
)  # fmt: skip


def main(sizes: list[str]) -> None:
    context = multiprocessing.get_context("spawn")
    rows = []
    for size in sizes:
        print(f"… {size}", file=sys.stderr, flush=True)
        with context.Pool(1) as pool:
            rows.append(pool.apply(matching_bench.run, (size,)))
    print(" | ".join(f"{title:>10}" for title, _ in COLUMNS))
    for row in rows:
        print(" | ".join(f"{row[key]!s:>10}" for _, key in COLUMNS))
    for row in rows:
        if "cp_sat" in row:
            print(f"CP-SAT at {row['size']} size: {row['cp_sat']}")
    RESULTS.mkdir(exist_ok=True)
    report = {
        "ran_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine.describe(),
        "results": rows,
    }
    (RESULTS / "matching.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"written {RESULTS / 'matching.json'}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:] or ["county", "region", "national"])
