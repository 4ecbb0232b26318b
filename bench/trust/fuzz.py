"""`make fuzz`: Schemathesis's own command line, all four phases (examples, coverage, fuzzing,
stateful), inputs that fit the document and inputs that break it, a fixed seed, once with each
role's token (every role that can hold one: the seven of `Role`), against the service as
production runs it: gunicorn over PostgreSQL (a fresh database holding the seeded county).
`make test` runs a bounded in-process version on every change. `make fuzz ROLES=a,b` runs only
those roles, in that order, and replaces only their rows in bench/results/trust.json (a re-run
after a fix). Each role's row is written when it finishes, so a run stopped early keeps its figures.

Hypothesis's health checks stay on: one failing means the document makes generation throw away most
of what it draws, a fault to mend in the document (as the dates' pattern was), not to silence here.

A request that does not answer within REQUEST_TIMEOUT is counted apart from wrong answers (a timeout
is no pass, and no server error either): on the 2 shared cores under other sessions' suites, a run
of the whole county (`POST /matching/runs`) outlasted Schemathesis's default 10 s and ended a role's
fuzzing phase early (2026-12-07). GUNICORN_WORKERS for the same reason: 2 workers of 2 threads on 2
cores compete less with the rest of the machine than 4 did, and still serve Schemathesis's 2.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from bench.trust import servers
from bench.trust.results import record, table
from figures.trust import TRUST
from housing.clock import today

EXAMPLES = 100
SEED = 2026
PHASES = "examples,coverage,fuzzing,stateful"
CHECKS = (
    "not_a_server_error,response_schema_conformance,status_code_conformance,ignored_auth,"
    "unsupported_method,allow_header_conformance"
)
REQUEST_TIMEOUT = 60  # seconds; Schemathesis's default is 10
GUNICORN_WORKERS = 2
SECTION = "fuzzing_live"


def run(only: list[str] | None = None) -> dict:
    url = servers.fresh_database("pathways_fuzz")
    print("… seeding the county into a fresh database", flush=True)
    tokens = servers.seed_county(url, today())
    roles = {
        "admin": tokens.admin,
        "housing_officer": tokens.officer,
        "district_officer": tokens.districts["crawley"],
        "house_project_coordinator": tokens.coordinator,
        "commissioner": tokens.commissioner,
        "team_manager": tokens.team_manager,
        "young_person": tokens.young_person,
    }
    unknown = set(only or []) - set(roles)
    if unknown:
        raise SystemExit(f"no such role: {', '.join(sorted(unknown))} (roles: {', '.join(roles)})")
    port, rows = servers.free_port(), []
    with tempfile.TemporaryDirectory() as folder:
        server = servers.gunicorn(url, port, GUNICORN_WORKERS, Path(folder) / "gunicorn.log")
        try:
            for role in only or roles:  # in the order asked: the roles that matter most first
                print(f"… {role}", flush=True)
                rows.append(fuzz(port, role, roles[role], Path(folder)))
                # Each role's figures are written as it finishes: a run stopped early keeps them.
                partial = only is not None and set(only) != set(roles)
                figures = summary(kept_rows(rows) if partial else rows, list(roles))
                record(SECTION, figures)
        finally:
            servers.stop(server)
    columns = ["role", "operations", "test_cases", "failures", "errors", "timeouts", "exit_code", "seconds"]
    table(rows, columns)
    return figures


def summary(rows: list[dict], every_role: list[str]) -> dict:
    return {
        "tool": "schemathesis "
        + subprocess.check_output([*SCHEMATHESIS, "--version"], text=True).split()[-1],
        "phases": PHASES.split(","),
        "modes": ["positive", "negative"],
        "examples_per_operation": EXAMPLES,
        "seed": SEED,
        "checks": CHECKS.split(","),
        "request_timeout_s": REQUEST_TIMEOUT,
        "gunicorn_workers": GUNICORN_WORKERS,
        "roles": rows,
        "roles_not_run": [role for role in every_role if role not in {row["role"] for row in rows}],
        "failures": sum(row["failures"] for row in rows),
        "errors": sum(row.get("errors", 0) for row in rows),
        "timeouts": sum(row.get("timeouts", 0) for row in rows),
    }


def kept_rows(rows: list[dict]) -> list[dict]:
    """The section's rows for the roles not run now, and this run's rows."""
    before = json.loads(TRUST.read_text()).get(SECTION, {}).get("roles", []) if TRUST.exists() else []
    new = {row["role"]: row for row in rows}
    merged = [new.pop(row["role"], row) for row in before]
    return merged + list(new.values())


SCHEMATHESIS = [str(Path(sys.executable).with_name("schemathesis"))]


def fuzz(port: int, role: str, token: str, folder: Path) -> dict:
    junit = folder / f"{role}.xml"
    command = [
        *SCHEMATHESIS, "run", f"http://127.0.0.1:{port}/api/v1/openapi.json", "--phases", PHASES,
        "--mode", "all", "--seed", str(SEED), "--max-examples", str(EXAMPLES), "--checks", CHECKS,
        "--header", f"Authorization: Bearer {token}", "--report", "junit", "--report-junit-path", str(junit),
        "--workers", "2", "--no-color", "--request-timeout", str(REQUEST_TIMEOUT),
    ]  # fmt: skip
    load_before, started = os.getloadavg()[0], time.perf_counter()
    answer = subprocess.run(command, capture_output=True, text=True, check=False)
    wall, load_after = time.perf_counter() - started, os.getloadavg()[0]
    suites = ET.parse(junit).getroot()  # noqa: S314 (the report Schemathesis just wrote here)
    cases = suites.findall(".//testcase")
    failed = [case.get("name") for case in cases if case.find("failure") is not None]
    timed_out = [case.get("name") for case in cases if any(timeout(e) for e in case.findall("error"))]
    errored = [case.get("name") for case in cases if any(not timeout(e) for e in case.findall("error"))]
    # A failure's whole report (each failing request, with a curl line to replay it); the junit report
    # and the server's log go with the temporary folder.
    print(answer.stdout if answer.returncode else answer.stdout[-400:], flush=True)
    return {
        "role": role,
        "ran_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "operations": len(cases),
        "test_cases": test_cases(answer.stdout),
        "failures": len(failed),  # wrong answers: a server error, a broken schema, an undocumented status…
        "failed_operations": failed,
        "errors": len(errored),  # Schemathesis could not test the operation (a health check, say)
        "errored_operations": errored,
        "timeouts": len(timed_out),  # no answer within REQUEST_TIMEOUT: neither a pass nor a wrong answer
        "timed_out_operations": timed_out,
        "exit_code": answer.returncode,
        "seconds": round(wall, 1),
        "load_average_1min": [round(load_before, 1), round(load_after, 1)],  # at its start and end
    }


def timeout(element: ET.Element) -> bool:
    return "timed out" in f"{element.get('message', '')} {element.text or ''}".lower()


def test_cases(output: str) -> int | None:
    """The number of generated test cases, from the summary Schemathesis prints ("2420 generated")."""
    found = re.search(r"(\d+) generated", output)
    return int(found[1]) if found else None


if __name__ == "__main__":
    # `make fuzz` fails when Schemathesis failed for any role it ran: a wrong answer, an error such as
    # a health check, or a timeout. The figures are written either way.
    chosen = [r for r in os.environ.get("ROLES", "").split(",") if r]
    figures = run(chosen or None)
    ran = [row for row in figures["roles"] if not chosen or row["role"] in chosen]
    sys.exit(1 if any(row["exit_code"] for row in ran) else 0)
