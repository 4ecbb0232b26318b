"""The Sufficiency and What-if pages, the run's fairness section, and what a commissioner never sees."""

import re

from housing.clock import today
from housing.vocabulary import Role
from tests.builders import create, due_soon, worthing_place
from tests.payloads import born_aged, young_person
from tests.web.conftest import csrf
from web.sessions import ROLES_ATTRIBUTE

MARKERS = ("WS-0001", "WS-0002", "Testy", "Exampleton", "Stay near my college.", "level 3 course")


def text(response) -> str:
    return response.get_data(as_text=True)


def two_waiting_for_one_place(client, officer):
    people = [create(client, officer, "/api/v1/young-people", due_soon(f"WS-000{n}")) for n in (1, 2)]
    return people, worthing_place(client, officer)


def test_the_sufficiency_page_says_in_words_what_one_more_place_would_do(client, officer, person_signing_in):
    two_waiting_for_one_place(client, officer)
    person_signing_in(client, Role.COMMISSIONER)

    page = text(client.get("/sufficiency"))

    assert (
        "One more supported accommodation place in Worthing would house one more young person due within 90 days."
        in page
    )
    assert re.search(
        r"<th scope=\"row\" class=\"govuk-table__header\">Worthing</th>\s*<td[^>]*>\s*<strong class=\"govuk-tag govuk-tag--red\">\s*Very scarce",
        page,
    )
    assert (
        "1 place, 1 not yet taken<br>not shown how many matching would fill<br>&lt;5 young people could use one"
        in page
    )
    assert "every other count of young people is rounded to the nearest 5" in page


def test_a_commissioners_what_if_page_says_its_day_and_that_counts_are_rounded(
    client, officer, person_signing_in
):
    option = worthing_place(client, officer)
    person_signing_in(client, Role.COMMISSIONER)
    form = {"csrf_token": csrf(client, "/what-if"), "change-0-option": option, "change-0-places": "1"}

    page = text(client.post("/what-if", data=form))

    first = today().replace(day=1)
    assert f"As of {first.day} {first.strftime('%B %Y')} (the first of the month)" in page
    assert "rounded to the nearest 5" in page


def test_a_what_if_shows_the_counts_before_and_after_by_home_district_and_route(
    client, officer, person_signing_in
):
    _, option = two_waiting_for_one_place(client, officer)
    person_signing_in(client)

    page = client.post(
        "/what-if",
        data={"csrf_token": csrf(client, "/what-if"), "change-0-option": option, "change-0-places": "1"},
    )

    assert page.status_code == 200
    body = text(page)
    assert "1 more young person matched: 2" in " ".join(body.split())
    assert re.search(r"Worthing</th>\s*<td[^>]*>1</td>\s*<td[^>]*>2</td>\s*<td[^>]*>\+1</td>", body)
    assert re.search(r"Supported accommodation</th>\s*<td[^>]*>1</td>\s*<td[^>]*>2</td>", body)


def test_a_what_if_form_with_mistakes_says_so_beside_each_field_and_keeps_what_was_typed(
    client, officer, person_signing_in
):
    _, option = two_waiting_for_one_place(client, officer)
    person_signing_in(client)
    form = {"csrf_token": csrf(client, "/what-if"), "change-0-option": option, "change-0-places": "two",
            "add-route": "supported_lodgings", "add-places": "3"}  # fmt: skip

    page = client.post("/what-if", data=form)

    body = text(page)
    assert page.status_code == 400
    assert "There is a problem" in body
    assert 'href="#change-0-places"' in body
    assert 'id="change-0-places-error"' in body
    assert 'href="#add-place"' in body
    assert 'value="two"' in body
    assert f'value="{option}" selected' in body
    assert 'value="supported_lodgings" checked' in body


def test_an_empty_what_if_asks_for_a_change(client, person_signing_in):
    person_signing_in(client, Role.COMMISSIONER)

    page = client.post("/what-if", data={"csrf_token": csrf(client, "/what-if")})

    assert page.status_code == 400
    assert "Choose an option to change, or describe a new option" in text(page)


def test_the_run_page_shows_its_fairness_and_the_figures_download(client, officer, person_signing_in):
    two_waiting_for_one_place(client, officer)
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json
    person_signing_in(client)

    page = text(client.get(f"/runs/{run['id']}"))
    download = client.get(f"/runs/{run['id']}/fairness.csv")

    assert "Is this run fair?" in page
    assert re.search(r"No place</th><td[^>]*>1</td>", page)
    assert "No young person was passed over for someone due later." in page
    assert download.status_code == 200
    assert "preference,,unmatched,1," in text(download)


def test_the_run_page_names_who_was_passed_over_and_why_the_run_kept_it(
    client,
    officer,
    person_signing_in,
    tiers,
):
    # Only the Worthing place takes a wheelchair: giving it to the young person due soon would leave
    # the wheelchair user, due later, with no place at all.
    tiers.update({"WS-0001": "soon", "WS-0002": "later"})
    create(client, officer, "/api/v1/young-people", due_soon("WS-0001"))
    needs = {"step_free": True, "wheelchair": True, "children": 0, "immigration": "not_applicable"}
    body = young_person(reference="WS-0002", date_of_birth=born_aged(17), needs=needs)
    create(client, officer, "/api/v1/young-people", body)
    worthing_place(client, officer, wheelchair=True)
    worthing_place(client, officer, place="Crawley")
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json
    person_signing_in(client)

    page = text(client.get(f"/runs/{run['id']}"))

    assert "1 time a young person would have had a better place that went to someone due later." in page
    assert re.search(
        r"WS-0001 would have been better in [^<]+, Worthing,\s+which went to WS-0002: "
        r"kept so that a young person with no other place is housed\.",
        page,
    )


def test_a_commissioner_lands_on_sufficiency_sees_no_marker_on_any_page_and_is_kept_out_of_the_rest(
    app, client, officer, person_signing_in
):
    people, option = two_waiting_for_one_place(client, officer)
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json
    signed_in, _ = person_signing_in(client, Role.COMMISSIONER)
    assert signed_in.headers["Location"] == "/sufficiency"

    seen = [client.get("/sufficiency"), client.get("/what-if"),
            client.post("/what-if", data={"csrf_token": csrf(client, "/what-if"), "change-0-option": option, "change-0-places": "1"})]  # fmt: skip
    assert [response.status_code for response in seen] == [200, 200, 200]
    for response in seen:
        assert [marker for marker in MARKERS if marker in text(response)] == []

    ids = {
        "young_person_id": people[0],
        "run_id": run["id"],
        "proposal_id": run["proposals"][0]["id"],
        "cohort_id": "x",
        "position": "0",  # <int:…> parts must be numbers to reach the role check
        "rank": "1",
    }
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        roles = getattr(view, ROLES_ATTRIBUTE, None)
        if roles is None or Role.COMMISSIONER in roles:
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: ids.get(m.group(1), "csv"), rule.rule)
        method = "GET" if "GET" in rule.methods else "POST"
        response = client.open(path, method=method, data={"csrf_token": csrf(client, "/what-if")})
        assert response.status_code == 403, path
        assert [marker for marker in MARKERS if marker in text(response)] == [], path


def test_a_what_if_scenario_is_kept_in_the_address_said_in_words_and_filled_in_to_change(
    client, officer, person_signing_in
):
    _, option = two_waiting_for_one_place(client, officer)
    person_signing_in(client, Role.COMMISSIONER)
    asked = f"/what-if?see=yes&change-0-option={option}&change-0-places=1&add-route=supported_lodgings&add-place=Crawley&add-places=2"

    page = client.get(asked)

    body = " ".join(text(page).split())
    assert page.status_code == 200
    assert "The change you tried" in body
    assert "1 more place: " in body
    assert "A new supported lodgings option in Crawley with 2 places" in body
    assert f'value="{option}" selected' in text(page)  # filled in, to be changed
    assert 'value="2"' in text(page)
    assert "csrf_token" not in text(page).split("<main", 1)[1]  # no token travels in an address
    assert client.get("/what-if").get_data(as_text=True).count("The change you tried") == 0


def test_each_what_if_option_says_its_district_for_the_autocomplete_which_shows_no_groups(
    client, officer, person_signing_in
):
    _, option = two_waiting_for_one_place(client, officer)
    away = worthing_place(client, officer, place="Brighton")
    person_signing_in(client, Role.COMMISSIONER)

    page = text(client.get("/what-if"))

    assert re.search(
        rf'<optgroup label="Worthing">\s*<option value="{option}"\s*>[^<]*, in Worthing district \(1 left\)<',
        page,
    )
    assert re.search(
        rf'<optgroup label="Out of county">\s*<option value="{away}"\s*>[^<]*, out of county \(1 left\)<',
        page,
    )


def test_the_planning_pages_show_a_places_weekly_cost_beside_what_it_would_do(
    client, officer, person_signing_in
):
    _, option = two_waiting_for_one_place(client, officer)
    client.patch(f"/api/v1/options/{option}", json={"weekly_cost": 1450}, headers=officer)
    person_signing_in(client, Role.COMMISSIONER)

    page = text(client.get("/sufficiency"))
    tried = text(client.get(f"/what-if?see=yes&change-0-option={option}&change-0-places=1"))
    new = text(client.get("/what-if?see=yes&add-route=supported_lodgings&add-place=Worthing&add-places=2"
                          "&add-weekly-cost=£300"))  # fmt: skip
    wrong = client.get("/what-if?see=yes&add-route=supported_lodgings&add-place=Worthing&add-places=2"
                       "&add-weekly-cost=lots")  # fmt: skip

    assert (
        "One more supported accommodation place in Worthing would house one more young person due within 90 days; "
        "a place there costs about £1,450 a week." in page
    )
    assert "a place costs about £1,450 a week" in page
    assert "The places changed would cost £1,450 a week more (about £75,400 a year)." in tried
    assert "£1,450 a week a place" in tried  # the option chosen, named with its cost
    assert "A new supported lodgings option in Worthing with 2 places at £300 a week a place" in new
    assert "The places changed would cost £600 a week more (about £31,200 a year)." in new
    assert wrong.status_code == 400
    assert "Enter the weekly cost of a place in whole pounds, like 1450" in text(wrong)
