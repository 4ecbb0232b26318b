"""District officers, coordinators and admins in a real browser, every page scanned on the way."""

from housing.vocabulary import Role
from tests import payloads
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard
from tests.web.test_district_and_cohort_pages import nominated


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


def test_a_coordinator_moves_a_member_to_moved_in(page, user, client, officer, auth):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post(
        "/api/v1/cohorts", json={"name": "Cohort 9", "starts_on": "2026-11-01"}, headers=coordinator
    ).json
    people = {}
    for reference, given_name in (("HP-1", "Moving"), ("HP-2", "Stale")):
        body = payloads.young_person(reference=reference, given_name=given_name)
        people[given_name] = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
        client.post(
            f"/api/v1/cohorts/{cohort['id']}/members",
            json={"young_person": people[given_name]},
            headers=coordinator,
        )
        for stage in ("preparing", "tenancy_ready", "property_offered"):
            client.patch(f"/api/v1/cohorts/{cohort['id']}/members/{people[given_name]}", json={"stage": stage},
                         headers=coordinator)  # fmt: skip
    sign_in_with_the_keyboard(page, user(Role.HOUSE_PROJECT_COORDINATOR))
    assert axe_violations(page) == []
    navigate(page, page.get_by_role("link", name="Cohort 9").click)
    assert axe_violations(page) == []

    # Another coordinator graduates one member meanwhile: moving them on from this page is refused.
    client.patch(f"/api/v1/cohorts/{cohort['id']}/members/{people['Stale']}", json={"stage": "graduated"},
                 headers=coordinator)  # fmt: skip
    navigate(page, page.get_by_role("button", name="Move on Stale Exampleton").click)
    assert "from graduated the next stages are none" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []

    page.get_by_label("Move Moving Exampleton to").select_option("moved_in")
    navigate(page, page.get_by_role("button", name="Move on Moving Exampleton").click)

    assert "Moved in (1)" in page.inner_text("main")
    assert (
        client.get(f"/api/v1/young-people/{people['Moving']}", headers=officer).json["pathway"]["status"]
        == "agreed"
    )


def test_the_sign_in_and_not_found_pages_are_accessible(page):
    page.goto("/sign-in")
    assert axe_violations(page) == []
    page.goto("/young-people/nobody")  # sends to sign in first
    assert page.url.endswith("/sign-in?next=/young-people/nobody")


def test_an_admin_reads_the_audit_trail(page, user, client, officer):
    client.post("/api/v1/young-people", json=payloads.young_person(), headers=officer)
    sign_in_with_the_keyboard(page, user(Role.ADMIN))
    navigate(page, page.get_by_role("link", name="Audit").click)

    assert "created record" in page.inner_text("#audit")
    assert axe_violations(page) == []
    page.goto("/young-people/nobody")
    assert "Page not found" in page.inner_text("h1")
    assert axe_violations(page) == []
