"""An officer brings in the county's records in a real browser: a bad file, then good ones."""

from pathlib import Path

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def test_an_officer_sees_every_problem_of_a_bad_report_then_brings_in_people_and_their_applications(
    page, user
):
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    navigate(
        page, page.get_by_role("link", name="Records", exact=True).click
    )  # one menu item, its pages beneath
    navigate(page, page.get_by_role("link", name="Bring in records").click)
    assert page.title() == "Bring in records – Pathways"
    assert axe_violations(page) == []

    navigate(page, page.get_by_role("button", name="Check and bring in").click)
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Select what the file holds" in summary
    assert "Select a CSV or Excel file" in summary
    assert axe_violations(page) == []

    page.get_by_label("Young people").check()
    page.get_by_label("File", exact=True).set_input_files(str(FIXTURES / "young_people_bad.csv"))
    navigate(page, page.get_by_role("button", name="Check and bring in").click)
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Nothing was added" in summary
    assert "line 2, column Home District: not one of the seven West Sussex districts" in summary
    assert "14 problems: nothing was added." in page.locator("#file-error").inner_text()
    assert page.get_by_label("Young people").is_checked()  # what was chosen is kept
    assert axe_violations(page) == []
    snapshot(page, "import-problems")

    page.get_by_label("File", exact=True).set_input_files(str(FIXTURES / "young_people_lcs.csv"))
    navigate(page, page.get_by_role("button", name="Check and bring in").click)
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "young_people_lcs.csv: 5 young people added, 0 updated, 0 already as in the file." in banner
    assert axe_violations(page) == []
    snapshot(page, "import-done")

    page.get_by_label("Register applications").check()
    page.get_by_label("File", exact=True).set_input_files(str(FIXTURES / "applications_cbl.csv"))
    navigate(page, page.get_by_role("button", name="Check and bring in").click)
    assert "3 register applications added" in page.locator(".govuk-notification-banner").inner_text()
