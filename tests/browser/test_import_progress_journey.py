"""A large file in a real browser: its page shows how far the import has got and updates itself (a
meta refresh: no script), then says what was done; placements brought in after their young people."""

from pathlib import Path

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def test_an_officer_follows_a_large_import_to_its_end(app, page, user):
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto("/imports")
    page.get_by_label("Young people").check()
    page.get_by_label("File", exact=True).set_input_files(str(FIXTURES / "young_people_large.csv"))
    navigate(page, page.get_by_role("button", name="Check and bring in").click)

    assert "Waiting to start." in page.locator("[role=status]").inner_text()
    huey = app.extensions["pathways_queue"]
    job = page.url.rsplit("/", 1)[1]
    huey.put(f"import:{job}", huey.get(f"import:{job}", peek=True) | {
        "status": "running", "stage": "Checking", "done": 3000, "total": 5000,
    })  # fmt: skip
    page.wait_for_function("document.body.innerText.includes('3,000 of 5,000')", timeout=10_000)
    assert page.title() == "Bringing in young_people_large.csv – Pathways"
    assert axe_violations(page) == []
    snapshot(page, "import-progress")

    huey.execute(huey.dequeue())  # the worker takes the job; the page sees it end on its next refresh
    page.wait_for_selector(".govuk-panel", timeout=10_000)
    assert "5,000 young people added" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    snapshot(page, "import-progress-done")
