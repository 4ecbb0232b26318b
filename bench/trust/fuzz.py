"""`make fuzz`: Schemathesis's own command line, all four phases (examples, coverage, fuzzing,
stateful), inputs that fit the document and inputs that break it, a fixed seed, once with each
role's token, against the service as production runs it: gunicorn over PostgreSQL (a fresh
database holding the seeded county). `make test` runs a bounded in-process version on every change.

Hypothesis's health checks stay on: one failing means the document makes generation throw away most
of what it draws, a fault to mend in the document (as the dates' pattern was), not to silence here.
"""

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from bench.trust import servers
from bench.trust.results import record, table
from housing.clock import today

EXAMPLES = 100
SEED = 2026
PHASES = "examples,coverage,fuzzing,stateful"
CHECKS = (
    "not_a_server_error,response_schema_conformance,status_code_conformance,ignored_auth,"
    "unsupported_method,allow_header_conformance"
)


def run() -> dict:
    url = servers.fresh_database("pathways_fuzz")
    print("… seeding the county into a fresh database", flush=True)
    tokens = servers.seed_county(url, today())
    roles = {
        "admin": tokens.admin,
        "housing_officer": tokens.officer,
        "district_officer": tokens.districts["crawley"],
        "house_project_coordinator": tokens.coordinator,
        "commissioner": tokens.commissioner,
    }
    port, rows = servers.free_port(), []
    with tempfile.TemporaryDirectory() as folder:
        server = servers.gunicorn(url, port, 4, Path(folder) / "gunicorn.log")
        try:
            for role, token in roles.items():
                print(f"… {role}", flush=True)
                rows.append(fuzz(port, role, token, Path(folder)))
        finally:
            servers.stop(server)
    figures = {
        "tool": "schemathesis "
        + subprocess.check_output([*SCHEMATHESIS, "--version"], text=True).split()[-1],
        "phases": PHASES.split(","),
        "modes": ["positive", "negative"],
        "examples_per_operation": EXAMPLES,
        "seed": SEED,
        "checks": CHECKS.split(","),
        "roles": rows,
        "failures": sum(row["failures"] for row in rows),
    }
    table(rows, ["role", "operations", "test_cases", "failures", "exit_code", "seconds"])
    record("fuzzing_live", figures)
    return figures


SCHEMATHESIS = [str(Path(sys.executable).with_name("schemathesis"))]


def fuzz(port: int, role: str, token: str, folder: Path) -> dict:
    junit = folder / f"{role}.xml"
    command = [
        *SCHEMATHESIS, "run", f"http://127.0.0.1:{port}/api/v1/openapi.json", "--phases", PHASES,
        "--mode", "all", "--seed", str(SEED), "--max-examples", str(EXAMPLES), "--checks", CHECKS,
        "--header", f"Authorization: Bearer {token}", "--report", "junit", "--report-junit-path", str(junit),
        "--workers", "2", "--no-color",
    ]  # fmt: skip
    answer = subprocess.run(command, capture_output=True, text=True, check=False)
    suites = ET.parse(junit).getroot()  # noqa: S314 (the report Schemathesis just wrote here)
    cases = suites.findall(".//testcase")
    failed = [
        case.get("name")
        for case in cases
        if case.find("failure") is not None or case.find("error") is not None
    ]
    # A failure's whole report (each failing request, with a curl line to replay it); the junit report
    # and the server's log go with the temporary folder.
    print(answer.stdout if answer.returncode else answer.stdout[-400:], flush=True)
    return {
        "role": role,
        "operations": len(cases),
        "test_cases": test_cases(answer.stdout),
        "failures": len(failed),
        "failed_operations": failed,
        "exit_code": answer.returncode,
        "seconds": round(float(suites.get("time") or sum(float(c.get("time", 0)) for c in cases)), 1),
    }


def test_cases(output: str) -> int | None:
    """The number of generated test cases, from the summary Schemathesis prints ("2420 generated")."""
    found = re.search(r"(\d+) generated", output)
    return int(found[1]) if found else None


if __name__ == "__main__":
    # `make fuzz` fails when Schemathesis failed for any role: a wrong answer, or an error such as a
    # health check. The figures are written either way.
    sys.exit(1 if any(row["exit_code"] for row in run()["roles"]) else 0)
