"""An officer's day in pages, with the keyboard alone: find, record, link, prefer, apply, offer.

Every page and every error state on the way is scanned with axe-core for WCAG 2.2 A and AA.
"""

import re

from sqlalchemy import select

from housing.clock import today
from housing.models import Application, LocalLink, Option, Preference, YoungPerson
from housing.vocabulary import Role
from tests import payloads
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard


def type_into(page, selector: str, text: str) -> None:
    page.focus(selector)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")
    page.keyboard.type(text)


def press_space(page, selector: str) -> None:
    """Tick a checkbox or choose a radio as a keyboard user does."""
    page.focus(selector)
    page.keyboard.press("Space")


def choose_option(page, selector: str, text: str) -> None:
    """A closed select takes the first letters typed while it has focus, as on any keyboard."""
    page.focus(selector)
    page.keyboard.type(text)


def pick_place(page, field: str, text: str) -> None:
    """GOV.UK's accessible autocomplete: type, arrow down to the first suggestion, Enter."""
    page.focus(f"#{field}")
    page.keyboard.type(text)
    page.wait_for_selector(f"#{field}__listbox li")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def submit(page, selector: str = "form[novalidate] button[type=submit]") -> None:
    page.focus(selector)
    navigate(page, lambda: page.keyboard.press("Enter"))


def enter_date(page, field: str, day: int, month: int, year: int) -> None:
    type_into(page, f"#{field}", str(day))
    type_into(page, f"#{field}-month", str(month))
    type_into(page, f"#{field}-year", str(year))


def follow(page, name: str) -> None:
    page.get_by_role("link", name=name, exact=True).first.focus()
    navigate(page, lambda: page.keyboard.press("Enter"))


def clean(page) -> None:
    assert axe_violations(page) == [], page.url


def test_an_officer_finds_a_young_person_by_name_from_the_header(page, user, client, officer):
    for reference, given in (("WS-1", "Robin"), ("WS-2", "Sam")):
        body = payloads.young_person(reference=reference, given_name=given, family_name="Hartley")
        assert client.post("/api/v1/young-people", json=body, headers=officer).status_code == 201
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    clean(page)

    page.focus("#header-search")
    page.keyboard.type("robin hart")
    navigate(page, lambda: page.keyboard.press("Enter"))

    rows = page.locator("#due-list tbody tr")
    assert rows.count() == 1
    assert "WS-1" in rows.first.inner_text()
    clean(page)
    follow(page, "Robin Hartley")
    assert page.inner_text("h1") == "Robin Hartley"
    assert "Pathway by 17½" in page.inner_text("[data-testid=due]")
    clean(page)


def test_an_officer_records_a_young_person_with_two_links_a_ranked_preference_an_application_and_staying_put(
    page, user, db
):
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    follow(page, "Records")  # one menu item: recording, bringing in records, the 903 return
    follow(page, "Record a young person")
    clean(page)

    type_into(page, "#reference", "WS-9001")
    type_into(page, "#given_name", "Alex")
    type_into(page, "#family_name", "Moreno")
    enter_date(page, "date_of_birth", 10, 2, today().year - 17)
    choose_option(page, "#home_district", "Crawley")
    pick_place(page, "current_place", "Crawl")
    press_space(page, "#support_level-2")  # Medium
    type_into(page, "#wishes", "I want to stay near my college and my sister.")
    submit(page)

    assert "Young person recorded" in page.inner_text(".govuk-notification-banner")
    clean(page)
    for kind, typed in (("College", "Crawl"), ("Family", "Horsh")):
        follow(page, "Add a local link")
        choose_option(page, "#kind", kind)
        pick_place(page, "place", typed)
        press_space(page, "#importance")  # Very important
        submit(page)
        assert "Local link added" in page.inner_text(".govuk-notification-banner")
    follow(page, "Add a preference")
    clean(page)
    choose_option(page, "#route", "Supported l")
    choose_option(page, "#district", "Crawley")
    submit(page)
    assert "Supported lodgings, Crawley" in page.inner_text("#preferences")

    follow(page, "Apply to a register")
    choose_option(page, "#register", "Crawley: band A+")
    enter_date(page, "applied_on", 1, 11, today().year if today().month >= 11 else today().year - 1)
    submit(page)
    assert "Application recorded" in page.inner_text(".govuk-notification-banner")
    assert "Crawley: band A+" in page.inner_text("#applications")

    follow(page, "Record a Staying Put offer")
    clean(page)
    press_space(page, "#carer_willing")  # Yes
    type_into(page, "#name", "The Moreno-Smith household")
    pick_place(page, "place", "Crawl")
    submit(page)
    assert "Staying Put offer recorded" in page.inner_text(".govuk-notification-banner")
    clean(page)

    person = db.scalar(select(YoungPerson).where(YoungPerson.reference == "WS-9001"))
    assert (person.given_name, person.home_district, person.current_place, person.support_level) == (
        "Alex", "crawley", "Crawley", "medium")  # fmt: skip
    links = db.scalars(
        select(LocalLink).where(LocalLink.young_person_id == person.id).order_by(LocalLink.position)
    )
    assert [(k.kind, k.place, k.importance) for k in links] == [
        ("college", "Crawley", 3),
        ("family", "Horsham", 3),
    ]
    preferences = db.scalars(select(Preference).where(Preference.young_person_id == person.id))
    assert [(p.rank, p.route, p.district) for p in preferences] == [(1, "supported_lodgings", "crawley")]
    application = db.scalar(select(Application).where(Application.young_person_id == person.id))
    assert (application.district, application.band) == ("crawley", "A+")
    offer = db.scalar(select(Option).where(Option.young_person_id == person.id))
    assert (offer.route, offer.carer_willing, offer.place) == ("staying_put", True, "Crawley")


def test_every_forms_error_state_is_explained_and_accessible(page, user, client, officer):
    body = payloads.young_person(reference="WS-ERR")
    person = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    forms = {
        "/young-people/new": "#reference",
        f"/young-people/{person}/edit": "#reference",
        f"/young-people/{person}/links/new": "#kind",
        f"/young-people/{person}/preferences/new": "#route",
        f"/young-people/{person}/applications/new": "#register",
        "/options/new?route=staying_put": "#young_person",
        "/options/new?route=supported_accommodation": "#name",
        "/options/new?route=register_vacancy": "#name",
    }
    for path, first_wrong in forms.items():
        page.goto(path)
        clean(page)
        if path.endswith("/edit"):
            type_into(page, "#reference", "")
            type_into(page, "#date_of_birth", "31")
            type_into(page, "#date_of_birth-month", "2")
        if "register_vacancy" in path:
            type_into(page, "#name", "")
        submit(page)
        summary = page.locator(".govuk-error-summary")
        assert summary.is_visible(), path
        assert page.title().startswith("Error:"), path
        assert page.locator(".govuk-error-message").count() >= 1, path
        clean(page)
        # The summary's first link takes the keyboard to the field at fault.
        summary.get_by_role("link").first.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement && document.activeElement.id !== ''")
        focused = page.evaluate("document.activeElement.id")
        assert re.sub(r"-select$", "", focused) == first_wrong.lstrip("#"), (path, focused)


def test_the_home_page_filtered_and_the_options_list_are_accessible(page, user, client, officer):
    body = payloads.young_person(reference="WS-A11Y")
    assert client.post("/api/v1/young-people", json=body, headers=officer).status_code == 201
    assert client.post("/api/v1/options", json=payloads.option(), headers=officer).status_code == 201
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    for path in ("/?due_tier=soon&age=16-17", "/?due_tier=none", "/options", "/options/new"):
        page.goto(path)
        clean(page)
