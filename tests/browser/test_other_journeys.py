"""District officers, coordinators and admins in a real browser, every page scanned on the way."""

from housing.vocabulary import Role
from tests import payloads
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot
from tests.builders import nominated


def test_a_district_officer_declines_a_nomination(page, user, client, officer):
    nominated(client, officer)
    sign_in_with_the_keyboard(page, user(Role.DISTRICT_OFFICER))
    assert page.title().startswith("Nominations to decide")
    assert axe_violations(page) == []

    navigate(page, page.get_by_role("button", name="Decline the nomination of NOM-1").click)
    assert page.locator(".govuk-error-summary").is_visible()  # a decline needs a reason
    assert axe_violations(page) == []
    page.get_by_label("Reason to decline the nomination of NOM-1").fill("Band too low for this property")
    navigate(page, page.get_by_role("button", name="Decline the nomination of NOM-1").click)

    assert "None waiting." in page.inner_text("main")


def test_a_coordinator_creates_a_cohort_enrols_and_moves_a_member_to_moved_in(
    page, user, client, officer, auth
):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    people = {}
    for reference, given_name in (("HP-1", "Moving"), ("HP-2", "Stale")):
        body = payloads.young_person(reference=reference, given_name=given_name)
        people[given_name] = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    sign_in_with_the_keyboard(page, user(Role.HOUSE_PROJECT_COORDINATOR))
    assert axe_violations(page) == []
    navigate(page, page.get_by_role("link", name="Start a cohort").click)
    assert page.get_by_label("Name").input_value() == "Cohort 1"  # prefilled from /cohorts/next
    assert "2 would be eligible on" in page.inner_text("main")
    assert axe_violations(page) == []
    snapshot(page, "cohort-new")
    page.get_by_label("Name").fill("Cohort 9")
    page.get_by_label("Places").fill("")
    navigate(page, page.get_by_role("button", name="Start the cohort").click)
    assert "Enter how many places it has" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    page.get_by_label("Places").fill("15")
    navigate(page, page.get_by_role("button", name="Start the cohort").click)
    assert "15 House Project places are kept at the Crawley hub" in page.inner_text("#what-happens-next")
    assert axe_violations(page) == []
    navigate(page, page.get_by_role("button", name="Start the cohort").click)
    assert "Cohort 9 created" in page.inner_text(".govuk-notification-banner")

    for name in ("Moving Exampleton", "Stale Exampleton"):
        navigate(page, page.get_by_role("button", name=f"Enrol {name}").click)
    cohort = next(
        c for c in client.get("/api/v1/cohorts", headers=coordinator).json["items"] if c["name"] == "Cohort 9"
    )
    for given_name in ("Moving", "Stale"):
        for stage in ("preparing", "tenancy_ready"):
            client.patch(f"/api/v1/cohorts/{cohort['id']}/members/{people[given_name]}", json={"stage": stage},
                         headers=coordinator)  # fmt: skip
    page.reload()
    assert axe_violations(page) == []

    # Another coordinator graduates one member meanwhile: moving them on from this page is refused.
    client.patch(f"/api/v1/cohorts/{cohort['id']}/members/{people['Stale']}", json={"stage": "graduated"},
                 headers=coordinator)  # fmt: skip
    navigate(page, page.get_by_role("button", name="Move to property offered for Stale Exampleton").click)
    assert "from graduated the next stages are none" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []

    navigate(page, page.get_by_role("button", name="Move to property offered for Moving Exampleton").click)
    page.get_by_label("Town of the property offered").select_option("Horsham")
    navigate(page, page.get_by_role("button", name="Move to property offered").click)
    assert "In Horsham" in page.inner_text(f"#member-{people['Moving']}")
    snapshot(page, "cohort-board")
    navigate(page, page.get_by_role("button", name="Move to moved in for Moving Exampleton").click)
    assert "Their pathway is agreed on the House Project route" in page.inner_text("#what-happens-next")
    assert axe_violations(page) == []
    snapshot(page, "cohort-move-check")
    navigate(page, page.get_by_role("button", name="Move to moved in").click)

    assert "Moved in (1)" in page.inner_text("main")
    assert (
        client.get(f"/api/v1/young-people/{people['Moving']}", headers=officer).json["pathway"]["status"]
        == "agreed"
    )
    navigate(page, page.get_by_role("link", name="Outcomes of Cohort 9").click)
    assert "In their own home" in page.inner_text("#outcomes")
    assert axe_violations(page) == []
    snapshot(page, "cohort-outcomes")


def test_the_sign_in_and_not_found_pages_are_accessible(page):
    page.goto("/sign-in")
    assert axe_violations(page) == []
    page.goto("/young-people/nobody")  # sends to sign in first
    assert page.url.endswith("/sign-in?next=/young-people/nobody")


def test_an_admin_filters_the_audit_trail_by_a_reference_and_creates_a_user(page, user, client, officer):
    client.post("/api/v1/young-people", json=payloads.young_person(reference="AU-7"), headers=officer)
    client.post("/api/v1/young-people", json=payloads.young_person(reference="AU-8"), headers=officer)
    sign_in_with_the_keyboard(page, user(Role.ADMIN))
    navigate(
        page, page.get_by_role("link", name="Administration").click
    )  # Users, Audit, Team, Jobs, Councils
    navigate(
        page, page.get_by_role("navigation", name="Administration").get_by_role("link", name="Audit").click
    )
    assert axe_violations(page) == []

    page.get_by_label("Young person", exact=True).fill("AU-7")
    navigate(page, page.get_by_role("button", name="Show entries").click)
    assert "AU-7: Testy Exampleton" in page.inner_text("#audit")
    assert "AU-8" not in page.inner_text("#audit")
    assert axe_violations(page) == []
    snapshot(page, "admin-audit")
    page.get_by_label("From").fill("not a date")
    navigate(page, page.get_by_role("button", name="Show entries").click)
    assert "Enter a real date as day/month/year" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []

    navigate(page, page.get_by_role("link", name="Users and their access").click)
    assert axe_violations(page) == []
    page.get_by_label("Email address").fill("new.officer@council.example")
    page.get_by_label("Role", exact=True).select_option("district_officer")
    navigate(page, page.get_by_role("button", name="Create the user").click)
    assert (
        "Choose the council a district officer works for" in page.locator(".govuk-error-summary").inner_text()
    )
    assert axe_violations(page) == []
    page.locator("#district").select_option("arun")
    navigate(page, page.get_by_role("button", name="Create the user").click)
    assert "new.officer@council.example created" in page.inner_text(".govuk-notification-banner")
    assert page.inner_text("#new-token")
    assert "District council officer, Arun" in page.inner_text("#users")
    assert axe_violations(page) == []
    snapshot(page, "admin-users")

    page.goto("/young-people/nobody")
    assert "Page not found" in page.inner_text("h1")
    assert axe_violations(page) == []


def test_an_admin_disables_and_re_roles_a_user_on_the_users_page(page, user):
    officer = user(Role.HOUSING_OFFICER)
    sign_in_with_the_keyboard(page, user(Role.ADMIN))
    page.goto("/users")
    assert axe_violations(page) == []

    page.get_by_text(f"Change {officer}").click()
    assert axe_violations(page) == []
    page.get_by_label(f"New role for {officer}").select_option("commissioner")
    navigate(page, page.get_by_role("button", name=f"Change the role of {officer}").click)
    assert f"{officer} is now Commissioner" in page.inner_text("main")
    page.get_by_text(f"Change {officer}").click()
    navigate(page, page.get_by_role("button", name=f"Disable {officer}").click)

    assert f"{officer} disabled" in page.inner_text("main")
    assert axe_violations(page) == []
