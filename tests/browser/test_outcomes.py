"""An officer reads the simulated year's outcomes in a real browser."""

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard


def test_an_officer_finds_the_outcomes_from_the_navigation(page, user, simulated):
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.get_by_role("link", name="Planning").focus()  # Sufficiency, What if and Outcomes: one menu item
    navigate(page, lambda: page.keyboard.press("Enter"))
    page.get_by_role("navigation", name="Planning").get_by_role("link", name="Outcomes").focus()
    navigate(page, lambda: page.keyboard.press("Enter"))

    assert page.title().startswith("Outcomes of a simulated year")
    assert page.get_by_role("table", name="Share of young people turning 17½").is_visible()
    assert page.locator("img[alt^='Bar chart']").evaluate("img => img.naturalWidth") > 0
    assert axe_violations(page) == []
    page.get_by_text("What the simulation assumes").click()
    assert axe_violations(page) == []
