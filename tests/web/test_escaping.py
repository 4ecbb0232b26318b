"""Every banner and message is escaped: no template marks data safe or builds HTML by joining strings."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).parents[2] / "web" / "templates"
PYTHON = Path(__file__).parents[2] / "web"


def test_no_template_marks_anything_safe_or_joins_strings_into_html():
    """Strings joined with ~ are never escaped by Jinja: an option's name in one ran as HTML (issue 27).
    HTML for a macro is built in a {% set %} block, where every {{ value }} is escaped."""
    found = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: | safe" for _ in re.finditer(r"\|\s*safe\b", text)]
        found += [f"{path.name}: {m.group(0)}" for m in re.finditer(r"\"html\":\s*'[^']*'\s*~", text)]
    assert found == []


def test_no_page_code_marks_a_string_as_markup():
    found = [
        path.name for path in PYTHON.glob("*.py") if re.search(r"\bMarkup\(|markupsafe", path.read_text())
    ]
    assert found == []
