"""Run the DfE's 903 rules that touch the care leavers' table (OC3) over a folder of 903 CSVs.

Run by tests/api/test_ssda903_validator.py in its own virtualenv (.venv-903, `make .venv-903`):
csc-validator-be-903 pins numpy below 1.25 and pandas below 2, which the service's own numpy 2
(OR-Tools, SciPy) cannot share an environment with. Prints one JSON object: each rule's rows in
error, and the rules done, skipped (a table they need is absent) and failed to run.

    .venv-903/bin/python tests/ssda903/validate_oc3.py FOLDER YEAR   (YEAR: the 31 March it ends)
"""

import json
import logging
import sys
from importlib import import_module
from pathlib import Path

from lac_validator.lac_validator import LacValidator

logging.disable(logging.CRITICAL)  # the validator logs every rule at INFO


def main(folder: Path, ending: int) -> dict:
    registry = import_module(f"lac_validator.rules.lac{ending - 1}_{ending % 100:02d}").registry
    oc3_rules = [str(code) for code, rule in registry.items() if "OC3" in (rule.tables or [])]
    files = [{"name": path.name, "file_content": path.read_bytes(), "description": "This year"}
             for path in sorted(folder.glob("*.csv"))]  # fmt: skip
    validator = LacValidator(
        metadata={"collectionYear": str(ending), "localAuthority": "E10000032"},  # West Sussex
        files=files,
        registry=registry,
        selected_rules=oc3_rules,
    )
    errors = {}
    for table, frame in validator.ds_results.items():
        if not hasattr(frame, "columns"):
            continue
        for column in (c for c in frame.columns if str(c).startswith("ERR_")):
            rows = [int(i) for i in frame.index[frame[column].fillna(False).astype(bool)]]
            if rows:
                errors[f"{column[4:]} ({table})"] = rows
    return {"rules": oc3_rules, "errors": errors, "done": validator.dones, "skipped": validator.skips,
            "failed": validator.fails}  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]))))  # noqa: T201 - the test reads it
