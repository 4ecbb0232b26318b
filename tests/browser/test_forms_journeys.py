"""Issue 30 in a real browser: a possible duplicate warned of and confirmed, leave to remain with its
type and expiry, preferences re-ordered, and the audit trail's one entry per list view, each page and
error state scanned with axe-core."""

from datetime import timedelta

from housing.lifedates import add_months
from housing.vocabulary import Role
from tests import payloads
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot
from tests.builders import TODAY, UASC, existing, young_person


def send(page) -> None:
    page.locator("main button[type=submit]").focus()
    navigate(page, lambda: page.keyboard.press("Enter"))


def test_an_officer_is_warned_of_a_possible_duplicate_and_confirms_a_different_person(
    page, user, client, officer
):
    born = add_months(TODAY, -12 * 17)
    known = payloads.young_person(reference="WS-7001", given_name="Sam", family_name="Reed",
                                  date_of_birth=born.isoformat())  # fmt: skip
    assert client.post("/api/v1/young-people", json=known, headers=officer).status_code == 201
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto("/young-people/new")
    page.fill("#reference", "WS-7002")
    page.fill("#given_name", "Sam")
    page.fill("#family_name", "Reed")
    for part, value in (("", born.day), ("-month", born.month), ("-year", born.year)):
        page.fill(f"#date_of_birth{part}", str(value))
    page.select_option("#home_district", "worthing")
    page.fill("#current_place", "Worthing")
    page.focus("#support_level")
    page.keyboard.press("Space")
    send(page)

    summary = page.locator(".govuk-error-summary").inner_text()
    assert "A young person with this name and date of birth is already recorded" in summary
    assert "Sam Reed, WS-7001" in page.inner_text("#possible-duplicates")
    assert page.input_value("#reference") == "WS-7002"  # what was typed is kept
    assert axe_violations(page) == []
    snapshot(page, "young-person-duplicate")
    page.focus("#not_a_duplicate")
    page.keyboard.press("Space")
    send(page)

    assert "Sam Reed" in page.locator("h1").inner_text()
    assert axe_violations(page) == []


def test_leave_to_remain_for_a_child_in_care_says_the_notice_waits_for_their_18th_birthday(
    page, user, client, officer
):
    born = add_months(TODAY, -12 * 17 - 6)
    body = payloads.young_person(reference="U-1", date_of_birth=born.isoformat(), needs=UASC)
    person = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    granted = TODAY - timedelta(days=7)
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{person}/leave-to-remain")
    assert "not given notice to leave before their 18th birthday" in page.inner_text(
        "[data-testid=what-follows]"
    )
    assert axe_violations(page) == []
    for part, value in (("", granted.day), ("-month", granted.month), ("-year", granted.year)):
        page.fill(f"#leave_granted_on{part}", str(value))
    page.check("#leave_type-4")  # indefinite leave
    for part, value in (("", 1), ("-month", 1), ("-year", TODAY.year + 5)):
        page.fill(f"#leave_expires_on{part}", str(value))
    send(page)

    assert "indefinite leave does not expire" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    snapshot(page, "leave-to-remain-errors")
    page.check("#leave_type-3")  # limited leave
    send(page)

    main = page.inner_text("main")
    assert "Leave to remain recorded" in main
    assert f"Limited leave to remain, granted on {granted.strftime('%-d %B %Y')}" in main
    assert axe_violations(page) == []
    snapshot(page, "leave-to-remain-recorded")


def test_an_officer_moves_a_preference_up_by_keyboard(page, user, client, officer):
    person = existing(client, officer)  # 1: Worthing district, 2: supported lodgings
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{person}")
    page.locator("#preferences button", has_text="Move up").focus()
    navigate(page, lambda: page.keyboard.press("Enter"))

    assert "Preference moved up" in page.inner_text("main")
    assert page.locator("#preferences li").first.inner_text().startswith("Supported lodgings")
    assert axe_violations(page) == []


def test_an_admin_finds_one_list_view_by_anyone_it_showed(page, user, client, officer):
    young_person(client, officer, "AU-1")
    young_person(client, officer, "AU-2", given_name="Other", family_name="Person")
    client.get("/api/v1/young-people", headers=officer)
    sign_in_with_the_keyboard(page, user(Role.ADMIN))
    page.goto("/audit")
    page.fill("#young_person", "other person")
    page.fill("#user", "housing_officer")  # the admin's own home page showed them too
    page.select_option("#action", "view")
    send(page)

    assert "1 entry, newest first" in page.inner_text("#audit")
    page.locator("#audit summary").click()
    assert "Other Person (AU-2)" in page.inner_text("#audit")
    assert axe_violations(page) == []
    snapshot(page, "audit-list-view")
