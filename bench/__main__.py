"""`python -m bench [size …]`: run the benchmarks, print tables, write bench/results/*.json.

Sizes: county, region, national, service, kept_current, sufficiency (the default), and split
(POST /matching/runs at --scale 10, its time by part), pages (every list page at --scale 10
beside scale 1) and engine (a run by tier at region and national size, the engine alone beside
v1.1's single objective on the same arcs: no plain baseline): heavy, so only when named.
"""

import json
import multiprocessing
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import engine_alone, kept_current, pages, run_split, service
from bench import matching as matching_bench
from bench import sufficiency as sufficiency_bench
from figures import machine

RESULTS = Path(__file__).parent / "results"
COLUMNS = (
    ("size", "size"), ("arcs", "arcs"), ("raw s", "raw_solve_s"),
    ("build s", "build_s"), ("solve s", "solve_s"), ("solve/raw", "solve_over_raw"),
    ("explain s", "explain_s"),
    ("total s", "total_s"), ("total/raw", "total_over_raw"),
    ("cold total", "cold_total_s"), ("cold/raw", "cold_total_over_raw"),
    ("cpu/raw cpu", "total_cpu_over_raw_cpu"),
    ("cold cpu/raw", "cold_total_cpu_over_raw_cpu"), ("peak MiB", "peak_memory_mib"),
    ("by tier", "by_tier"), ("64-bit?", "weighted_bits"), ("exact", "goals_equal_plain"),
    ("load", "load_average"),
)  # fmt: skip


SERVICE_COLUMNS = (
    ("size", "size"), ("database", "database"), ("in scope", "young_people_in_scope"), ("options", "options"),
    ("POST runs s", "post_runs_s"), ("CPU s", "post_runs_cpu_s"),
    ("plan reused s", "post_runs_plan_reused_s"), ("CPU s", "post_runs_plan_reused_cpu_s"),
    ("matcher s", "matcher_alone_s"), ("CPU s", "matcher_alone_cpu_s"),
    ("ratio", "service_over_matcher"), ("CPU ratio", "service_over_matcher_cpu"), ("load", "load_average"),
)  # fmt: skip


KEPT_CURRENT_COLUMNS = (
    ("size", "size"), ("database", "database"), ("in scope", "young_people_in_scope"),
    ("covered", "young_people_covered"),
    ("event→run CPU s best", "event_to_run_stored_cpu_s"), ("median", "event_to_run_stored_median_cpu_s"),
    ("max", "event_to_run_stored_max_cpu_s"),
    ("wall s best", "event_to_run_stored_s"), ("median", "event_to_run_stored_median_s"),
    ("max", "event_to_run_stored_max_s"),
    ("tables afresh CPU s best", "event_to_run_stored_tables_afresh_cpu_s"),
    ("median", "event_to_run_stored_tables_afresh_median_cpu_s"),
    ("max", "event_to_run_stored_tables_afresh_max_cpu_s"),
    ("full run CPU s", "full_run_cpu_s"), ("ratio", "event_over_full_cpu"), ("load", "load_average"),
    ("exact", "exact"), ("≤ 0.5 s CPU best", "within_target_cpu_best"),
    ("worst", "within_target_cpu_worst"), ("wall worst", "within_target_wall_worst"),
)  # fmt: skip


PLANNING_COLUMNS = (
    ("size", "size"), ("in scope", "young_people_in_scope"), ("options", "options"), ("arcs", "arcs"),
    ("sufficiency s", "sufficiency_s"), ("what-if s", "what_if_s"), ("pricing s", "pricing_pass_s"),
    ("solve s", "plain_solve_s"), ("suff/solve", "sufficiency_over_solve"),
    ("what-if/solve", "what_if_over_solve"),
)  # fmt: skip
PLANNING_SCALES = (1.0, 10.0)
ENGINE_COLUMNS = (
    ("size", "size"), ("arcs", "arcs"), ("total CPU s", "total_cpu_s"), ("total s", "total_s"),
    ("build s", "build_s"), ("solve s", "solve_s"), ("explain s", "explain_s"),
    ("solve CPU s", "solve_cpu_s"), ("v1.1 CPU s", "single_objective_cpu_s"),
    ("ratio", "solve_over_single_cpu"), ("peak MiB", "peak_memory_mib"), ("same", "same_goals_as_run"),
    ("load", "load_average"),
)  # fmt: skip
SPLIT_COLUMNS = (
    ("size", "size"), ("in scope", "young_people_in_scope"), ("options", "options"),
    ("POST s", "post_runs_s"), ("CPU s", "post_runs_cpu_s"),
    ("read s", "read_store_s"), ("CPU s", "read_store_cpu_s"), ("plan s", "plan_s"), ("CPU s", "plan_cpu_s"),
    ("matcher s", "matcher_s"), ("CPU s", "matcher_cpu_s"), ("build s", "matcher_build_s"),
    ("solve s", "matcher_solve_s"), ("explain s", "matcher_explain_s"), ("snapshot s", "snapshot_s"),
    ("CPU s", "snapshot_cpu_s"), ("writing s", "writing_and_answer_s"), ("CPU s", "writing_and_answer_cpu_s"),
    ("load", "load_average"),
)  # fmt: skip


NOT_SIZES = {"service", "kept_current", "sufficiency", "split", "pages", "engine"}


def main(sizes: list[str]) -> None:
    context = multiprocessing.get_context("spawn")
    rows = []
    for size in [s for s in sizes if s not in NOT_SIZES]:
        print(f"… {size}", file=sys.stderr, flush=True)
        with context.Pool(1) as pool:
            rows.append(pool.apply(matching_bench.run, (size,)))
    if rows:
        table(rows, COLUMNS)
        for row in rows:
            if "cp_sat" in row:
                print(f"CP-SAT at {row['size']} size: {row['cp_sat']}")
        write(RESULTS / "matching.json", rows)
    if "service" in sizes:
        print("… service", file=sys.stderr, flush=True)
        with context.Pool(1) as pool:
            row = pool.apply(service.run)
        table([row], SERVICE_COLUMNS)
        write(RESULTS / "service.json", [row])
    if "kept_current" in sizes:
        print("… kept current", file=sys.stderr, flush=True)
        with context.Pool(1) as pool:
            row = pool.apply(kept_current.run)
        table([row], KEPT_CURRENT_COLUMNS)
        write(RESULTS / "kept_current.json", [row])
    if "sufficiency" in sizes:
        planning = []
        for scale in PLANNING_SCALES:
            print(f"… sufficiency at scale {scale:g}", file=sys.stderr, flush=True)
            with context.Pool(1) as pool:
                planning.append(pool.apply(sufficiency_bench.run, (scale,)))
        table(planning, PLANNING_COLUMNS)
        write(RESULTS / "sufficiency.json", planning)
    if "engine" in sizes:
        engine(context)
    if "split" in sizes:  # heavy (5,650 young people through the API): only when asked for
        print("… split", file=sys.stderr, flush=True)
        with context.Pool(1) as pool:
            row = pool.apply(run_split.run)
        table([row], SPLIT_COLUMNS)
        write(RESULTS / "run_split.json", [row])
    if "pages" in sizes:  # heavy (the county ten times over, on each database): only when asked for
        measured = []
        for database in ["sqlite", *(["postgresql"] if os.environ.get("BENCH_DATABASE_URL") else [])]:
            print(f"… pages on {database}", file=sys.stderr, flush=True)
            with context.Pool(1) as pool:
                measured += pool.apply(pages.run, (database,))
        pages_table(measured)
        write(RESULTS / "pages.json", measured)


def engine(context) -> None:
    """The run by tier, the engine alone, at region and national size, each in a process of its own."""
    rows = []
    for size in engine_alone.SIZES_RUN:
        print(f"… engine alone at {size}", file=sys.stderr, flush=True)
        with context.Pool(1) as pool:
            rows.append(pool.apply(engine_alone.run, (size,)))
    table(rows, ENGINE_COLUMNS)
    write(RESULTS / "engine.json", rows)


def pages_table(rows: list[dict]) -> None:
    """One line a page: its median milliseconds (and statements sent) on each database and scale."""
    heads = [f"{row['database']} x{row['scale']:g}" for row in rows]
    print(f"{'page':<58}" + "".join(f"{head:>18}" for head in heads))
    for page in rows[0]["pages"]:
        cells = [row["pages"][page] for row in rows]
        shown = [f"{cell['median_ms']} ms ({cell['queries']} q)" for cell in cells]
        print(f"{page:<58}" + "".join(f"{text:>18}" for text in shown))
    for row in rows:
        order = row["who_is_due_order"]
        print(f"{row['size']}: {row['young_people']} young people; Who is due's order: "
              f"{order['python_ms']} ms in Python, {order['sql_ms']} ms by the database")  # fmt: skip


def table(rows: list[dict], columns: tuple) -> None:
    print(" | ".join(f"{title:>10}" for title, _ in columns))
    for row in rows:
        print(" | ".join(f"{row[key]!s:>10}" for _, key in columns))


def write(path: Path, rows: list[dict]) -> None:
    """Replace the sizes just run, keep the others: each row carries its own date and machine."""
    ran = {"ran_at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine.describe()}
    kept = json.loads(path.read_text()).get("results", []) if path.exists() else []
    fresh = {row["size"]: ran | row for row in rows}
    merged = [fresh.pop(row["size"], row) for row in kept] + list(fresh.values())
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"results": merged}, indent=2) + "\n")
    print(f"written {path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:] or ["county", "region", "national", "service", "kept_current", "sufficiency"])
