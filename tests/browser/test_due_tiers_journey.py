"""A breakdown recorded today comes first on "Who is due"; a run gives that young person the place they prefer.

Keyboard only, every page scanned with axe-core (issue 25: the most due are served first, and seen to be).
"""

from housing.clock import today
from housing.vocabulary import Role
from tests import payloads
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard


def press(page, locator) -> None:
    locator.focus()
    navigate(page, lambda: page.keyboard.press("Enter"))


def add_option(client, officer, town: str, name: str) -> str:
    body = payloads.option("supported_accommodation", place=town, available_from="2026-01-01", min_age=16,
                           step_free=True, name=name)  # fmt: skip
    response = client.post("/api/v1/options", json=body, headers=officer)
    assert response.status_code == 201, response.json
    return response.json["id"]


def seed(client, officer) -> str:
    """Robin, placed with a host in Lancing; Sam, 17½ long past; Alex, 16, who would like Worthing too."""
    robin = payloads.young_person(reference="WS-3001", given_name="Robin", family_name="Breakdown-5",
                                  date_of_birth=payloads.born_aged(19), move_date=today().isoformat())  # fmt: skip
    person = client.post("/api/v1/young-people", json=robin, headers=officer).json["id"]
    add_option(client, officer, "Lancing", "Beach Road host 4 (Lancing)")
    [proposal] = client.post("/api/v1/matching/runs", json={"young_people": [person]}, headers=officer).json[
        "proposals"
    ]
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    sam = payloads.young_person(reference="WS-3002", given_name="Sam", family_name="Overdue-9",
                                date_of_birth=payloads.born_aged(17, 300))  # fmt: skip
    alex = payloads.young_person(reference="WS-3003", given_name="Alex", family_name="Later-2",
                                 date_of_birth=payloads.born_aged(16, 30),
                                 local_links=[{"kind": "friends", "place": "Worthing", "importance": 1}])  # fmt: skip
    for body in (sam, alex):
        assert client.post("/api/v1/young-people", json=body, headers=officer).status_code == 201
    add_option(client, officer, "Worthing", "Seaview scheme (Worthing)")
    add_option(client, officer, "Horsham", "Hill House scheme (Horsham)")
    return person


def record_a_breakdown_today(page) -> None:
    page.locator("summary", has_text="End this placement").focus()
    page.keyboard.press("Enter")
    page.focus("#ends_on-day")
    for value in (today().day, today().month, today().year):
        page.keyboard.type(str(value))
        page.keyboard.press("Tab")
    page.focus("#reason")
    page.keyboard.press("ArrowDown")  # from "carer withdrew" to "broke down"
    page.focus("button.govuk-button--warning")
    navigate(page, lambda: page.keyboard.press("Enter"))
    assert "because it broke down" in page.inner_text("main")


def test_a_breakdown_recorded_today_comes_first_and_the_run_gives_them_the_place_they_prefer(
    page, user, client, officer
):
    robin = seed(client, officer)
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/young-people/{robin}")
    record_a_breakdown_today(page)
    assert axe_violations(page) == []

    press(page, page.get_by_role("link", name="Who is due"))
    first = page.locator("#due-list tbody tr").first
    words = first.inner_text()
    assert "Robin Breakdown-5" in words
    assert "Placement breakdown" in words
    assert f"Needs to move by {today().day} {today():%B} — today" in words
    assert "Move now" in words
    assert page.locator("#due-list table").first.get_attribute("id") == "band-move_now"
    assert "Sam Overdue-9" in page.locator("#band-overdue").inner_text()
    assert axe_violations(page) == []

    press(page, page.get_by_role("button", name="Run the matcher"))
    assert page.title().startswith("Run of")
    row = page.locator("#proposals tbody tr", has_text="Robin Breakdown-5")
    assert "Seaview scheme, Worthing" in row.inner_text()
    assert axe_violations(page) == []
