"""A team manager finds the monthly figures from the navigation, by keyboard, in a real browser."""

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard


def test_a_team_manager_reads_the_monthly_figures_and_each_table_is_reachable(page, user):
    sign_in_with_the_keyboard(page, user(Role.TEAM_MANAGER))
    page.get_by_role("link", name="Monthly figures").focus()
    navigate(page, lambda: page.keyboard.press("Enter"))

    assert page.title().startswith("Monthly figures")
    assert page.get_by_role("table", name="Pathway agreed by 17½, by month").is_visible()
    assert page.get_by_role("region", name="Personal adviser by 16½, by month").is_visible()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 800})
    # The wide tables scroll sideways inside their own regions: the page's content does not.
    assert page.evaluate("document.querySelector('main').scrollWidth") <= 390
    assert axe_violations(page) == []
