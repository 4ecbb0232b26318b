"""The layout's promises, checked: the layers contract holds, and the domain loads without any face or web
framework."""

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import housing

ROOT = Path(__file__).parents[1]


def test_the_whole_domain_imports_without_flask_werkzeug_or_seed_data() -> None:
    modules = [m.name for m in pkgutil.walk_packages(housing.__path__, "housing.")]
    probe = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'flask', 'werkzeug', 'flask_smorest', 'marshmallow', 'seeds', 'httpkit', 'jsonapi', 'web', 'districts', 'jobs', 'huey'}))"
    )
    loaded = subprocess.run(  # noqa: S603 -- this interpreter, a fixed probe
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert len(modules) > 20
    assert loaded == "[]"


def test_every_import_follows_the_layers_the_readme_draws() -> None:
    """import-linter over the whole tree: [tool.importlinter] in pyproject.toml (also run by make lint)."""
    checked = subprocess.run(  # noqa: S603 -- the project's own checker, from this interpreter's folder
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout[-3000:]
    assert "0 broken" in checked.stdout


def test_the_faces_hold_no_queries() -> None:
    """The pages and the APIs pass their session to housing's reads and use cases, and never query it
    themselves (import-linter keeps sqlalchemy out of them; this keeps `db().get(...)` out too)."""
    asked = re.compile(
        r"\bdb\(\)\.\w+\(|\bsession\.(?:execute|scalar|scalars|query|add|delete|flush|commit)\("
    )
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for face in ("web", "jsonapi", "districts")
        for path in sorted((ROOT / face).rglob("*.py"))
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if asked.search(line)
    ]
    assert found == []


def test_no_test_module_imports_another() -> None:
    """Shared records come from tests/builders.py and the conftest fixtures, so each test module can
    change (or go) without breaking another."""
    imports = re.compile(r"^\s*(?:from|import) tests\.(?:\w+\.)*test_\w+", re.M)
    found = [
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "tests").rglob("*.py"))
        if imports.search(p.read_text())
    ]
    assert found == []
