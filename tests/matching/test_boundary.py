"""The matcher's boundary: plain data in, a solution out, nothing of the service inside (issue 13)."""

import subprocess
import sys
from pathlib import Path

from housing.due import DueKind
from housing.vocabulary import SETTLED_IMMIGRATION, SUPPORTED_ROUTES, DueTier, Route, SupportLevel
from matching import vocabulary

ROOT = Path(__file__).resolve().parents[2]

# Imports every module of the matcher in a fresh interpreter and prints the top-level packages loaded.
PROBE = """
import pkgutil, importlib, sys
import matching
for module in pkgutil.walk_packages(matching.__path__, "matching."):
    importlib.import_module(module.name)
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_importing_the_matcher_loads_no_part_of_the_service_nor_its_frameworks():
    # Our own interpreter on our own fixed probe: nothing untrusted runs.
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(result.stdout.split())
    assert {"matching", "ortools"} <= loaded  # the probe did import the matcher
    assert loaded.isdisjoint({"housing", "flask", "sqlalchemy", "werkzeug", "web", "districts", "seeds"})


def test_the_matchers_names_are_the_domains():
    assert tuple(route.value for route in Route) == vocabulary.ROUTES
    assert {route.value for route in SUPPORTED_ROUTES} == vocabulary.SUPPORTED_ROUTES
    assert {status.value for status in SETTLED_IMMIGRATION} == vocabulary.SETTLED
    assert tuple(level.value for level in SupportLevel) == vocabulary.SUPPORT_LEVELS
    assert tuple(kind.value for kind in DueKind) == vocabulary.DUE_KINDS
    assert tuple(tier.value for tier in DueTier) == vocabulary.DUE_TIERS
