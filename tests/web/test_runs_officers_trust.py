"""Runs an officer can find and trust, explanations they can repeat, and pages they can print."""

import re
from datetime import timedelta

from housing.clock import today
from housing.models import MatchingRun
from housing.vocabulary import Role
from tests import payloads
from tests.builders import accept_on_page, add_young_person, option, run_for
from tests.web.conftest import csrf


def test_the_runs_page_lists_runs_newest_first_with_who_ran_them_and_counts_in_words(
    client, officer, person_signing_in
):
    add_young_person(client, officer, "A")
    option(client, officer)
    client.post("/api/v1/matching/runs", json={}, headers=officer)
    person_signing_in(client)
    mine = run_for(client, {"scope": "everyone"})

    page = client.get("/runs").get_data(as_text=True)

    rows = re.findall(r'href="/runs/(\w+)"', page)
    assert rows[0] == mine.rsplit("/", 1)[1]  # newest first
    assert len(rows) == 2
    assert "You" in page  # who ran it: the officer reading
    assert "1 place proposed for 1 young person" in page
    assert "1 waiting for a decision" in page


def test_an_officer_runs_the_matcher_for_one_young_person_from_their_record(
    client, officer, person_signing_in, db
):
    one = add_young_person(client, officer, "ONE")
    add_young_person(client, officer, "OTHER")
    option(client, officer)
    person_signing_in(client)
    record = client.get(f"/young-people/{one}").get_data(as_text=True)
    assert "Run the matcher for Testy" in record

    run_url = run_for(client, {"scope": "one", "young_person": one})

    db.rollback()
    run = db.get(MatchingRun, run_url.rsplit("/", 1)[1])
    assert run.summary["in_scope"] == 1
    assert [p.young_person_id for p in run.proposals] == [one]


def test_a_selection_runs_only_those_matching_and_an_empty_one_is_explained_beside_the_field(
    client, officer, person_signing_in, db
):
    crawley = add_young_person(client, officer, "CR", home_district="crawley")
    add_young_person(client, officer, "WO", home_district="worthing")
    option(client, officer)
    person_signing_in(client)

    empty = client.post("/runs", data={"csrf_token": csrf(client, "/runs"), "scope": "selection",
                                       "home_district": "adur"})  # fmt: skip
    text = empty.get_data(as_text=True)
    assert empty.status_code == 400
    assert 'href="#home_district"' in text
    assert 'id="home_district-error"' in text
    assert '<option value="adur" selected>' in text  # what was chosen is kept

    run_url = run_for(client, {"scope": "selection", "home_district": "crawley"})
    db.rollback()
    assert db.get(MatchingRun, run_url.rsplit("/", 1)[1]).snapshot["young_people"][0]["id"] == crawley


def test_an_overtaken_proposal_shows_as_superseded_without_accept(client, officer, person_signing_in):
    first, second = add_young_person(client, officer, "A"), add_young_person(client, officer, "B")
    option(client, officer, capacity=1)
    person_signing_in(client)
    older = run_for(client, {"scope": "one", "young_person": second})
    newer = client.post("/api/v1/matching/runs", json={"young_people": [first]}, headers=officer).json
    client.post(f"/api/v1/proposals/{newer['proposals'][0]['id']}/accept", headers=officer)

    page = client.get(older).get_data(as_text=True)

    assert "Superseded" in page
    assert "no place is left here" in page
    assert "Accept<span" not in page


def test_after_accepting_a_council_home_the_banner_says_a_nomination_went_to_the_council(
    client, officer, person_signing_in
):
    # A 19-year-old is due only with a move date (contract v1.1, "Due first").
    moving = (today() + timedelta(days=30)).isoformat()
    add_young_person(
        client, officer, "N", home_district="crawley", date_of_birth=payloads.born_aged(19), move_date=moving
    )
    young = client.get("/api/v1/young-people", headers=officer).json["items"][0]["id"]
    client.post(f"/api/v1/young-people/{young}/applications", json={"district": "crawley", "band": "A",
                "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
    option(
        client,
        officer,
        "register_vacancy",
        place="Crawley",
        min_age=18,
        name="Quota CRAWLEY-00127, 2-bed (Crawley)",
    )
    person_signing_in(client)
    run_url = run_for(client, {"scope": "everyone"})
    page = client.get(run_url).get_data(as_text=True)
    assert "Council home, 2 bedrooms, Crawley (Crawley register)" in page
    assert "CRAWLEY-00127" not in page  # never an internal code
    proposal = re.search(r'href="/proposals/(\w+)/accept', page).group(1)

    accept_on_page(client, run_url, proposal)

    after = client.get(run_url).get_data(as_text=True)
    assert "govuk-notification-banner--success" in after
    assert "Nomination sent to Crawley council for Testy Exampleton" in after
    assert "while the council decides" in after


def test_after_rejecting_the_banner_says_the_place_will_not_be_proposed_again(
    client, officer, person_signing_in
):
    add_young_person(client, officer, "A")
    option(client, officer, name="Seaview scheme (Worthing)")
    person_signing_in(client)
    run_url = run_for(client, {"scope": "everyone"})
    proposal = re.search(
        r'action="/proposals/(\w+)/reject"', client.get(run_url).get_data(as_text=True)
    ).group(1)

    client.post(f"/proposals/{proposal}/reject", data={"csrf_token": csrf(client, "/runs"),
                "run": run_url.rsplit("/", 1)[1], "reason": "Too far"})  # fmt: skip

    after = client.get(run_url).get_data(as_text=True)
    assert (
        "Proposal rejected for Testy Exampleton: Seaview scheme, Worthing will not be proposed to them again"
        in after
    )


def test_the_explanation_reads_in_words_with_the_numbers_behind_a_details_element(
    client, officer, person_signing_in
):
    add_young_person(
        client, officer, "A"
    )  # college in Worthing (3), family in Lancing (2); first wish: Worthing
    option(client, officer, name="Seaview scheme (Worthing)")
    option(client, officer, place="Horsham", name="Hill House (Horsham)")
    person_signing_in(client)

    page = client.get(run_for(client, {"scope": "everyone"})).get_data(as_text=True)

    assert "College in Worthing (matters most): in the same town" in page
    assert "Family in Lancing (matters): 4 km" in page
    assert "It meets their first preference (Worthing)" in page
    assert re.search(r"Pathway due by 17½: \d+ \w+ \d{4} \((in \d+ days|today|\d+ days ago)\)", page)
    assert re.search(r"Hill House, Horsham: a place \d+ km further from their college", page)
    main_text = page.split("How the score was worked out")[0]
    assert "cost" not in main_text.lower()
    assert "points" in page  # the numbers, behind the details element


def test_the_unmatched_lead_with_what_an_officer_can_change(client, officer, person_signing_in):
    lonely = add_young_person(client, officer, "LONE", date_of_birth=payloads.born_aged(19), home_district="crawley",
                    local_links=[{"kind": "college", "place": "Crawley", "importance": 3}], preferences=[])  # fmt: skip
    option(client, officer, "register_vacancy", place="Crawley", min_age=18)
    person_signing_in(client)

    page = client.get(run_for(client, {"scope": "everyone"})).get_data(as_text=True)
    unmatched = page.split('id="unmatched"')[1]

    assert f'href="/young-people/{lonely}"' in unmatched
    assert "No application to a register with a vacancy within reach: apply to Crawley." in unmatched
    assert unmatched.index("apply to Crawley") < unmatched.index("Options ruled out")  # counts after


def test_after_accepting_a_house_project_place_the_banner_says_a_cohort_place_was_taken(
    client, officer, auth, person_signing_in
):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    made = client.post("/api/v1/cohorts", json={"name": "Cohort 7", "starts_on": "2026-11-01"},
                       headers=coordinator).json  # fmt: skip
    add_young_person(client, officer, "HP", home_district="crawley", preferences=[], needs={"step_free": False},
           date_of_birth=payloads.born_aged(18),
           local_links=[{"kind": "college", "place": "Crawley", "importance": 3}])  # fmt: skip
    person_signing_in(client)
    run_url = run_for(client, {"scope": "everyone"})
    page = client.get(run_url).get_data(as_text=True)
    assert "House Project" in page, "the cohort's place is proposed"
    proposal = re.search(r'href="/proposals/(\w+)/accept', page).group(1)

    accept_on_page(client, run_url, proposal)

    after = client.get(run_url).get_data(as_text=True)
    assert "Testy Exampleton has a place in the House Project (Cohort 7): one cohort place taken" in after
    assert (
        client.get(f"/api/v1/cohorts/{made['id']}", headers=coordinator).json["counts"].get("enrolled") == 1
    )


def test_the_runs_and_printable_pages_are_for_officers_only(client, officer, person_signing_in):
    young = add_young_person(client, officer, "A")
    option(client, officer)
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json
    person_signing_in(client, Role.DISTRICT_OFFICER)

    for path in ("/runs", f"/runs/{run['id']}/print", f"/runs/{run['id']}/print?district=crawley",
                 f"/young-people/{young}/summary"):  # fmt: skip
        assert client.get(path).status_code == 403, path
    assert (
        client.post("/runs", data={"csrf_token": csrf(client, "/district"), "scope": "everyone"}).status_code
        == 403
    )
