"""A council records what it promised, in a real browser; a manager sees every council's."""

import pytest

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot


@pytest.fixture(autouse=True)
def no_commitment_after(client, auth):
    """Councils are reference data, kept from test to test: leave Crawley's as it was found."""
    yield
    client.patch(
        "/api/v1/districts/crawley/scheme", json={"yearly_commitment": None}, headers=auth.headers(Role.ADMIN)
    )


def test_a_council_records_its_commitment_and_a_manager_sees_it(page, user, chromium, live_server):
    sign_in_with_the_keyboard(page, user(Role.DISTRICT_OFFICER))
    field = page.get_by_label("Homes your council commits to let to care leavers each year")
    field.fill("ten")
    navigate(page, page.get_by_role("button", name="Save the commitment").click)
    assert "Enter a whole number of homes" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []

    page.get_by_label("Homes your council commits to let to care leavers each year").fill("10")
    navigate(page, page.get_by_role("button", name="Save the commitment").click)
    assert "Your yearly commitment is saved." in page.locator(".govuk-notification-banner").inner_text()
    assert "10" in page.locator("#commitments + table").inner_text()
    assert axe_violations(page) == []
    snapshot(page, "district-commitment")

    context = chromium.new_context(base_url=live_server, bypass_csp=True)
    manager = context.new_page()
    sign_in_with_the_keyboard(manager, user(Role.TEAM_MANAGER))
    manager.goto("/team")
    table = manager.locator("#commitments + table").inner_text()
    assert "Crawley\t10\t0\t10" in table
    assert axe_violations(manager) == []
    context.close()
