"""Issue 30 in a real browser, with the keyboard where a person would: the coordinator finding and
reading a young person, changing and closing a cohort; error pages with the menu; searched lists;
tables at 390 px; the menu on one line at 1280 px. Every page and error state scanned with axe."""

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot
from tests.builders import add_young_person, supported_place


def _cohort(client, auth) -> str:
    body = {"name": "Cohort 7", "starts_on": "2026-11-01", "districts": ["worthing", "adur"]}
    return client.post(
        "/api/v1/cohorts", json=body, headers=auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    ).json["id"]


def _press(page, selector: str) -> None:
    page.focus(selector)
    navigate(page, lambda: page.keyboard.press("Enter"))


def test_a_coordinator_finds_someone_reads_their_needs_changes_and_closes_the_cohort(
    page, user, client, officer, auth
):
    cohort = _cohort(client, auth)
    add_young_person(client, officer, "HP-10", given_name="Rowan", needs={"wheelchair": True})
    add_young_person(client, officer, "HP-11", given_name="Sasha")
    sign_in_with_the_keyboard(page, user(Role.HOUSE_PROJECT_COORDINATOR))
    page.goto(f"/cohorts/{cohort}")
    assert axe_violations(page) == []

    page.focus("#q")
    page.keyboard.type("rowan")
    navigate(page, lambda: page.keyboard.press("Enter"))  # the search box's own form
    assert "1 found." in page.inner_text("#found")
    assert "Sasha" not in page.inner_text("#eligible")
    assert axe_violations(page) == []
    snapshot(page, "cohort-enrol-search")

    _press(page, "#eligible a.govuk-link")
    assert page.title().startswith("Rowan Exampleton")
    assert "Wheelchair accessible home" in page.inner_text("#needs")
    assert axe_violations(page) == []
    snapshot(page, "cohort-needs")

    page.goto(f"/cohorts/{cohort}")
    _press(page, "a:text('Change the cohort')")
    page.fill("#capacity", "0")
    page.get_by_label("Adur").uncheck()
    page.get_by_label("Worthing").uncheck()
    _press(page, "main form button[type=submit]")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter how many places it has" in summary
    assert "Choose at least one district" in summary
    assert axe_violations(page) == []
    page.fill("#capacity", "12")
    page.get_by_label("Worthing").check()
    _press(page, "main form button[type=submit]")
    assert "Cohort 7 changed." in page.inner_text(".govuk-notification-banner")

    _press(page, "a:text('Close to new members')")
    assert "No one else can be enrolled" in page.inner_text("#what-happens-next")
    assert axe_violations(page) == []
    _press(page, "main form button[type=submit]")
    assert "closed to new members" in page.inner_text(".govuk-notification-banner")
    assert page.locator("#enrol").count() == 0
    assert axe_violations(page) == []


def test_refused_and_unknown_pages_keep_the_menu_and_the_header_link_goes_home(page, user):
    sign_in_with_the_keyboard(page, user(Role.COMMISSIONER))
    assert page.title().startswith("Sufficiency")
    page.goto("/")
    assert page.title().startswith("You cannot see this page")
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert axe_violations(page) == []
    snapshot(page, "forbidden")
    page.goto("/no-such-page")
    assert page.title().startswith("Page not found")
    assert page.get_by_role("link", name="What if").is_visible()
    assert axe_violations(page) == []
    _press(page, ".pathways-header__home")
    assert page.title().startswith("Sufficiency")


def test_a_council_searches_its_applicants_by_name(page, user, client, officer):
    for reference, name in (("CR-1", "Anwen"), ("CR-2", "Bryony")):
        person = add_young_person(client, officer, reference, given_name=name, home_district="crawley")
        client.post(f"/api/v1/young-people/{person}/applications", headers=officer,
                    json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"})  # fmt: skip
    sign_in_with_the_keyboard(page, user(Role.DISTRICT_OFFICER))
    page.goto("/district/applicants")
    page.focus("#named")
    page.keyboard.type("bryony")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "Bryony" in page.inner_text("#applicants")
    assert "Anwen" not in page.inner_text("#applicants")
    assert axe_violations(page) == []


def test_lists_fit_a_phone_and_the_menu_a_desktop(page, user, client, officer):
    supported_place(client, officer, name="Oak House")
    supported_place(client, officer, place="Crawley", name="Elm Court")
    for n in range(3):
        add_young_person(client, officer, f"WIDE-{n}")
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/options?q=oak&places_left=yes")
    rows = page.evaluate(
        "() => new Set([...document.querySelectorAll('.govuk-service-navigation__item')].map(e => e.offsetTop)).size"
    )
    assert rows == 1
    assert "Elm Court" not in page.inner_text("#options")
    assert axe_violations(page) == []

    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/", "/options", "/cohorts", "/runs", "/my-young-people", "/reviews", "/nominations"):
        page.goto(path)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, path
        assert axe_violations(page) == [], path
    page.goto("/")
    region = page.locator(".pathways-table-region").first
    region.focus()  # a wide table scrolls in its own region, reached with the keyboard
    page.keyboard.press("ArrowRight")
    # Chromium scrolls by the keyboard smoothly: wait (at most 5 s) for the region to have moved.
    page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle(), timeout=5000)
    snapshot(page, "home-phone")
