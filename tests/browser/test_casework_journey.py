"""A team manager allocates advisers for a month's 16½s by keyboard, changes one, sees a full caseload
refused, and allocates a housing support officer from a record; every page scanned with axe-core."""

from housing.clock import today
from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard
from tests.builders import adviser, casework_person
from web import casework


def tab_to(page, name: str, limit: int = 80) -> None:
    """Press Tab until the focused element is the one with this accessible name (or text)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => (document.activeElement.innerText || document.activeElement.getAttribute('aria-label') || '').trim()"
        )
        if " ".join(focused.split()) == name:
            return
    raise AssertionError(f"{name!r} was not reached with the Tab key (last: {focused!r})")


def test_a_team_manager_accepts_a_months_proposals_with_the_keyboard(page, user, client, officer, auth, app):
    manager = auth.headers(Role.TEAM_MANAGER)
    app.config["ADVISER_CASELOAD_CAP"] = 2
    people = [casework_person(client, officer, f"PA-{n}", months_old=m, given=g)
              for n, (m, g) in enumerate(((205, "Sooner"), (200, "Later"), (199, "Latest")))]  # fmt: skip
    adviser(client, manager, "Pat Exampleworth", base="Worthing")
    lee = adviser(client, manager, "Lee Specimen", base="Crawley")

    sign_in_with_the_keyboard(page, user(Role.TEAM_MANAGER))
    assert page.title().startswith("Your team")
    assert axe_violations(page) == []
    navigate(page, page.get_by_role("link", name="Allocate advisers", exact=True).last.click)
    assert "3 proposals" in page.inner_text("main")
    assert axe_violations(page) == []

    # Change the latest's adviser to Lee with the keyboard, then accept that row alone.
    page.focus(f"#adviser-{people[2]}")
    page.keyboard.type("Lee")  # a closed select picks the option its typed letters begin
    assert page.input_value(f"#adviser-{people[2]}") == lee
    tab_to(page, "Accept the adviser for Latest Exampleton")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "1 adviser allocated" in page.inner_text(".govuk-notification-banner")
    assert axe_violations(page) == []

    tab_to(page, "Accept all 2 proposals as shown")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "2 advisers allocated" in page.inner_text(".govuk-notification-banner")
    assert "Everyone past 16½ has an adviser" in page.inner_text("main")
    workers = client.get(f"/api/v1/young-people/{people[0]}/workers", headers=manager).json
    assert workers["personal_adviser"]["as_proposed"] is True


def test_a_team_manager_pages_through_proposals_and_chooses_another_adviser_with_the_keyboard(
    page, user, client, officer, auth, app, monkeypatch
):
    monkeypatch.setattr(casework, "PAGE_SIZE", 2)
    manager = auth.headers(Role.TEAM_MANAGER)
    people = [casework_person(client, officer, f"PA-{n}", months_old=m, given=g)
              for n, (m, g) in enumerate(((205, "Sooner"), (200, "Later"), (199, "Latest")))]  # fmt: skip
    adviser(client, manager, "Pat Exampleworth", base="Worthing")
    lee = adviser(client, manager, "Lee Specimen", base="Crawley")
    sign_in_with_the_keyboard(page, user(Role.TEAM_MANAGER))
    navigate(page, page.get_by_role("link", name="Allocate advisers", exact=True).last.click)
    assert "Showing 1 to 2 of 3" in page.inner_text("[data-testid=showing]")
    assert axe_violations(page) == []

    tab_to(page, "Next page", limit=120)
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Latest Exampleton" in page.inner_text("#proposals")
    assert "Sooner Exampleton" not in page.inner_text("#proposals")
    assert axe_violations(page) == []

    tab_to(page, "Choose another adviser for Latest Exampleton")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert page.title().startswith("Choose an adviser for Latest Exampleton")
    assert axe_violations(page) == []
    page.focus("#adviser")  # the accessible autocomplete: typed for, then picked with the arrow keys
    page.keyboard.press("Control+A")
    page.keyboard.type("Lee")
    page.wait_for_selector("#adviser__listbox li")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert axe_violations(page) == []
    tab_to(page, "Allocate this adviser")
    navigate(page, lambda: page.keyboard.press("Enter"))

    assert "1 adviser allocated" in page.inner_text(".govuk-notification-banner")
    assert "Showing 2 young people" in page.inner_text("[data-testid=showing]")  # back on the only page left
    assert axe_violations(page) == []
    workers = client.get(f"/api/v1/young-people/{people[2]}/workers", headers=manager).json
    assert (workers["personal_adviser"]["worker"], workers["personal_adviser"]["as_proposed"]) == (lee, False)


def test_a_full_caseload_is_refused_beside_the_row_and_an_officer_is_allocated_from_the_record(
    page, user, client, officer, auth, app
):
    manager = auth.headers(Role.TEAM_MANAGER)
    app.config["ADVISER_CASELOAD_CAP"] = 1
    first, second = (
        casework_person(client, officer, "PA-1", given="First"),
        casework_person(client, officer, "PA-2", given="Second"),
    )
    pat = adviser(client, manager, "Pat Exampleworth")
    sign_in_with_the_keyboard(page, user(Role.TEAM_MANAGER))
    navigate(page, page.get_by_role("link", name="Allocate advisers", exact=True).last.click)
    page.select_option(f"#adviser-{second}", pat)  # the one who waits, given Pat anyway
    client.post(
        f"/api/v1/young-people/{first}/workers",
        json={"kind": "personal_adviser", "worker": pat},
        headers=manager,
    )
    tab_to(page, "Allocate the adviser for Second Exampleton")
    navigate(page, lambda: page.keyboard.press("Enter"))
    summary = page.locator(".govuk-error-summary")
    assert "Pat Exampleworth's caseload is full (1 of 1)" in summary.inner_text()
    assert axe_violations(page) == []
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == f"adviser-{second}"

    user(Role.HOUSING_OFFICER)
    page.goto(f"/young-people/{first}")
    assert "Pat Exampleworth, based in Worthing" in page.inner_text("#workers")
    assert axe_violations(page) == []
    navigate(page, page.get_by_role("link", name="Change housing support officer").click)
    assert axe_violations(page) == []
    navigate(page, page.get_by_role("button", name="Allocate the officer").click)
    assert "Choose a housing support officer" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    page.select_option("#housing_officer", label="housing_officer.county@test.example")
    navigate(page, page.get_by_role("button", name="Allocate the officer").click)
    assert "Housing support officer allocated" in page.inner_text(".govuk-notification-banner")
    assert axe_violations(page) == []


def test_an_officer_finds_an_overdue_review_and_records_it_with_the_keyboard(page, user, client, officer):
    young = casework_person(client, officer, "PR-1", given="Overdue")
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    assert "1 overdue" in page.inner_text("[data-testid=reviews-due]")
    navigate(page, page.get_by_role("link", name="1 overdue").click)
    assert "Overdue Exampleton" in page.inner_text("#reviews")
    assert axe_violations(page) == []

    navigate(page, page.get_by_role("link", name="Record a review for Overdue Exampleton").click)
    page.fill("#reviewed_on-year", str(today().year + 1))
    tab_to(page, "Record the review")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "must not be in the future" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    page.fill("#reviewed_on-year", str(today().year))
    tab_to(page, "Record the review")
    navigate(page, lambda: page.keyboard.press("Enter"))

    assert "Pathway review recorded" in page.inner_text(".govuk-notification-banner")
    assert "Overdue review" not in page.inner_text("[data-testid=review]")
    assert axe_violations(page) == []
    assert young in page.url
