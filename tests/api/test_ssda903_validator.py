"""The care leavers' items of the 903 return pass the DfE's own rules: 0 errors on the seeded county.

The return's other tables are the case system's; the validator needs a Header row for each child
(rules INT06, INT15 and 3001 read it) and an Episodes table, built here as small as they can be: a
care leaver aged 17 to 21 who left care before the year has no episode in it. The rules that need
last year's episodes (1001, 1002, 1010) or other tables are skipped by the validator itself and
listed. It runs in its own virtualenv (requirements-903.txt): without it this test is skipped.
"""

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from housing.models import YoungPerson

ROOT = Path(__file__).parents[2]
VALIDATOR_PYTHON = ROOT / ".venv-903" / "bin" / "python"
SCRIPT = ROOT / "tests" / "ssda903" / "validate_oc3.py"
HEADER = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")
EPISODES = ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
            "HOME_POST", "PL_POST", "URN")  # fmt: skip
YEAR = 2027  # 1 April 2026 to 31 March 2027


def write(path: Path, columns, rows) -> None:
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)


def validate(folder: Path) -> dict:
    if not VALIDATOR_PYTHON.exists():
        pytest.skip("the 903 validator's virtualenv is not built (make .venv-903/.installed)")
    done = subprocess.run(  # noqa: S603 - our own script, with our own arguments
        [str(VALIDATOR_PYTHON), str(SCRIPT), str(folder), str(YEAR)],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    return json.loads(done.stdout)


@pytest.fixture
def seeded(app):
    result = app.test_cli_runner().invoke(args=["seed", "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output


def test_the_seeded_countys_care_leaver_items_pass_the_dfes_903_rules(seeded, client, officer, db, tmp_path):
    answer = client.get(f"/api/v1/exports/ssda903-care-leavers.csv?year={YEAR}", headers=officer)

    assert answer.status_code == 200
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert len(rows) > 100
    assert {row["IN_TOUCH"] for row in rows} == {"YES"}
    born = {p.reference: p.date_of_birth for p in db.scalars(select(YoungPerson))}
    (tmp_path / "oc3.csv").write_text(answer.get_data(as_text=True))
    write(tmp_path / "header.csv", HEADER,
          [(row["CHILD"], 1, born[row["CHILD"]].strftime("%d/%m/%Y"), "WBRI", "", "", "") for row in rows])  # fmt: skip
    write(tmp_path / "episodes.csv", EPISODES, [])

    found = validate(tmp_path)

    assert found["errors"] == {}
    assert found["failed"] == []
    assert {"131", "132", "133", "153", "344", "345", "391", "3001", "INT06", "INT15", "INT34"} <= set(
        found["done"]
    )
    # Skipped by the validator for want of tables the case system holds (last year's episodes,
    # adoption, UASC, OC2), not of anything Pathways returns:
    assert set(found["skipped"]) <= {"1001", "1002", "1010", "1014", "134", "187", "215", "348"}


def test_the_validator_finds_what_the_dfe_refuses(tmp_path):
    """The check can fail: a code outside the list and Staying Put at 17 are caught."""
    write(tmp_path / "oc3.csv", ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
          [("A", "15/06/2009", "YES", "F2", "Z1"), ("B", "01/01/2006", "YES", "G5", "Q1")])  # fmt: skip
    write(tmp_path / "header.csv", HEADER, [("A", 1, "15/06/2009", "WBRI", "", "", ""),
                                            ("B", 2, "01/01/2006", "WBRI", "", "", "")])  # fmt: skip
    write(tmp_path / "episodes.csv", EPISODES, [])

    assert validate(tmp_path)["errors"] == {"133 (OC3)": [1], "3001 (OC3)": [0]}
