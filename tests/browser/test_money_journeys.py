"""Issue 33's money in a real browser, by keyboard: a provider added (its error state first), a private
tenancy's rent checked against the Local Housing Allowance, the Setting Up Home Allowance recorded, and
a commissioner's Sufficiency with the weekly cost of a place; each page and error state scanned with axe."""

from housing.vocabulary import Role
from tests import payloads
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard
from tests.builders import create, due_soon, worthing_place


def send(page) -> None:
    page.locator("main form[method=post] button[type=submit]").last.focus()
    navigate(page, lambda: page.keyboard.press("Enter"))


def test_an_officer_adds_a_provider_after_correcting_it_and_links_nothing_by_mistake(page, user):
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto("/providers")
    assert axe_violations(page) == []
    navigate(page, lambda: page.get_by_role("link", name="Add a provider").press("Enter"))
    page.fill("#name", "Oak Housing Ltd")
    page.fill("#ofsted_number", "12-34")
    send(page)

    summary = page.locator(".govuk-error-summary").inner_text()
    assert "The Ofsted number must be Ofsted's reference number" in summary
    assert "Choose the rating" in summary
    assert page.input_value("#ofsted_number") == "12-34"  # what was typed is kept
    assert axe_violations(page) == []
    page.fill("#ofsted_number", "2712345")
    page.focus("#rating-2")  # Good
    page.keyboard.press("Space")
    for part, value in (("", "4"), ("-month", "3"), ("-year", "2025")):
        page.fill(f"#inspected_on{part}", value)
    send(page)

    main = page.inner_text("main")
    assert "Provider added" in main
    assert "inspected 4 March 2025" in main
    assert axe_violations(page) == []


def test_a_private_tenancy_and_the_setting_up_home_allowance_on_their_pages(page, user, client, officer):
    person = client.post("/api/v1/young-people", json=payloads.young_person(reference="WS-3001"),
                         headers=officer).json["id"]  # fmt: skip
    body = payloads.option("private_rented", place="Crawley", monthly_rent=850, rental_market_area="Crawley & Reigate",
                           deposit=980, rent_in_advance=850, guarantor_needed=True)  # fmt: skip
    assert client.post("/api/v1/options", json=body, headers=officer).status_code == 201
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto("/options?route=private_rented")
    assert "is within the one-bedroom rate of £925" in page.inner_text("#options")
    assert axe_violations(page) == []

    page.goto(f"/young-people/{person}/setting-up-home")
    page.fill("#spent", "4000")
    for part, value in (("", "1"), ("-month", "9"), ("-year", "2026")):
        page.fill(f"#granted_on{part}", value)
    send(page)
    assert (
        "must not be more than the amount granted (£3,000)"
        in page.locator(".govuk-error-summary").inner_text()
    )
    assert axe_violations(page) == []
    page.fill("#spent", "1200")
    send(page)

    assert "£1,800 of it is left to spend." in page.inner_text("main")
    assert axe_violations(page) == []


def test_a_commissioner_sees_the_weekly_cost_of_a_place_beside_what_one_more_would_do(
    page, user, client, officer
):
    for n in (1, 2):
        create(client, officer, "/api/v1/young-people", due_soon(f"WS-000{n}"))
    worthing_place(client, officer, weekly_cost=1450)
    sign_in_with_the_keyboard(page, user(Role.COMMISSIONER))
    page.goto("/sufficiency")

    assert "a place there costs about £1,450 a week" in page.inner_text("#sentences")
    assert "a place costs about £1,450 a week" in page.inner_text("#grid")
    assert axe_violations(page) == []
