"""The 903 team's page in a real browser: a year chosen, its figures, a wrong year refused."""

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot


def test_an_officer_opens_the_903_return_and_chooses_a_year(page, user):
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    navigate(
        page, page.get_by_role("link", name="Records", exact=True).click
    )  # one menu item, its pages beneath
    navigate(page, page.get_by_role("link", name="903 return").click)
    assert page.title() == "Care leavers' items for the SSDA903 return – Pathways"
    assert axe_violations(page) == []
    snapshot(page, "returns-ssda903")

    years = page.get_by_label("Collection year")
    years.select_option(index=1)
    navigate(page, page.get_by_role("button", name="Show this year").click)
    assert "Care leavers in the file" in page.inner_text("main")
    assert page.get_by_role("link", name="Download the file (CSV)").is_visible()

    page.goto("/returns/ssda903?year=1990")
    assert "Select one of the collection years listed" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
