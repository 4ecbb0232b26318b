"""Issue 30, dead ends: every role's own home behind the header link, error pages with the menu,
HTML 404s for pages (JSON under /api/), officers reading cohorts, the planners' words."""

import pytest

from housing.vocabulary import Role
from tests.builders import add_young_person

HOMES = [
    (Role.HOUSING_OFFICER, None, "/"),
    (Role.DISTRICT_OFFICER, "crawley", "/district"),
    (Role.HOUSE_PROJECT_COORDINATOR, None, "/cohorts"),
    (Role.COMMISSIONER, None, "/sufficiency"),
    (Role.TEAM_MANAGER, None, "/team"),
]


@pytest.mark.parametrize(("role", "district", "home"), HOMES)
def test_the_header_link_goes_to_the_role_s_own_home_which_opens(
    client, person_signing_in, role, district, home
):
    person_signing_in(client, role, district)
    page = client.get(home)
    assert page.status_code == 200
    assert f'<a href="{home}" class="pathways-header__home">' in page.get_data(as_text=True)


def test_a_refused_page_carries_the_menu_sign_out_and_a_way_home(client, person_signing_in):
    person_signing_in(client, Role.COMMISSIONER)
    refused = client.get("/")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 403
    assert "You cannot see this page" in page
    assert 'href="/what-if"' in page  # the commissioner's menu
    assert "Sign out" in page
    assert '<a class="govuk-link" href="/sufficiency">Go to your home page</a>' in page


def test_an_unknown_page_is_a_page_and_an_unknown_api_path_is_json(client, person_signing_in):
    signed_out = client.get("/no-such-page")
    assert signed_out.status_code == 404
    assert signed_out.mimetype == "text/html"
    assert "Page not found" in signed_out.get_data(as_text=True)

    person_signing_in(client, Role.DISTRICT_OFFICER, "crawley")
    page = client.get("/cohorts/x/y/z").get_data(as_text=True)
    assert "If you typed the web address, check it is correct." in page
    assert "Sign out" in page
    assert 'href="/district">Go to your home page' in page

    api = client.get("/api/v1/no-such-thing")
    assert (api.status_code, api.mimetype, api.json["code"]) == (404, "application/json", 404)


def test_officers_read_a_cohort_but_cannot_enrol_or_move_members(client, officer, auth, person_signing_in):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post("/api/v1/cohorts", json={"name": "C1", "starts_on": "2026-11-01",
                                                  "districts": ["crawley"]}, headers=coordinator).json  # fmt: skip
    person = add_young_person(client, officer, "HP-1")
    client.post(f"/api/v1/cohorts/{cohort['id']}/members", json={"young_person": person}, headers=coordinator)
    person_signing_in(client, Role.HOUSING_OFFICER)

    listing = client.get("/cohorts").get_data(as_text=True)
    assert "C1" in listing
    assert "Start a cohort" not in listing
    board = client.get(f"/cohorts/{cohort['id']}")
    text = board.get_data(as_text=True)
    assert board.status_code == 200
    assert "Testy Exampleton" in text
    assert "Move to preparing" not in text
    assert "Enrol young people" not in text
    assert client.get(f"/cohorts/{cohort['id']}/outcomes").status_code == 200
    assert client.get(f"/cohorts/{cohort['id']}/young-people/{person}").status_code == 403


def test_how_the_sufficiency_figures_are_worked_out_is_said_in_words(client, person_signing_in):
    person_signing_in(client, Role.COMMISSIONER)
    page = client.get("/sufficiency").get_data(as_text=True)
    assert "How these are worked out" in page
    assert "points" not in page
    assert "counts for most" in page
