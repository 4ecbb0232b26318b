"""Sign-off, housing notes and tasks on pages (issue 31): a team manager signs off or sends back, an
officer writes a note and sets a task, and councils, coordinators and commissioners see none of it."""

import pytest

from housing.clock import today
from housing.vocabulary import Role
from tests.builders import UASC, nominated, young_person
from tests.web.conftest import csrf

DAY = today()


@pytest.fixture
def awaiting(client, officer, auth):
    manager = auth.headers(Role.TEAM_MANAGER)
    client.put("/api/v1/sign-off/routes", json={"routes": ["register_vacancy"]}, headers=manager)
    person = nominated(client, officer)
    [found] = client.get("/api/v1/sign-offs", headers=manager).json["items"]
    return person, found["id"]


def test_a_team_manager_signs_off_from_the_list_and_the_record_shows_who_and_when(
    client, awaiting, person_signing_in
):
    person, sign_off = awaiting
    person_signing_in(client, Role.TEAM_MANAGER)
    listed = client.get("/sign-offs").get_data(as_text=True)
    assert "Awaiting sign-off" in listed
    assert "1 housing decision is waiting for your sign-off" in client.get("/team").get_data(as_text=True)
    page = client.get(f"/sign-offs/{sign_off}").get_data(as_text=True)
    assert "Held: the council does not see it until it is signed off" in page

    done = client.post(f"/sign-offs/{sign_off}", data={"csrf_token": csrf(client, f"/sign-offs/{sign_off}"),
                                                       "decision": "signed_off"})  # fmt: skip

    assert done.status_code == 302
    assert "Decision signed off" in client.get(done.headers["Location"]).get_data(as_text=True)
    record = client.get(f"/young-people/{person}").get_data(as_text=True)
    assert "signed off by team_manager.county@test.example" in record
    assert "agreed by housing_officer.county@test.example" in record


def test_sending_back_without_a_reason_is_refused_beside_the_reason(client, awaiting, person_signing_in):
    _person, sign_off = awaiting
    person_signing_in(client, Role.TEAM_MANAGER)
    refused = client.post(f"/sign-offs/{sign_off}", data={"csrf_token": csrf(client, f"/sign-offs/{sign_off}"),
                                                          "decision": "sent_back"})  # fmt: skip
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert 'href="#reason"' in page
    assert "Yes, sign it off" in page


def test_an_officer_reads_a_decision_but_has_no_form_to_sign_it_off(client, awaiting, person_signing_in):
    _person, sign_off = awaiting
    person_signing_in(client, Role.HOUSING_OFFICER)
    page = client.get(f"/sign-offs/{sign_off}").get_data(as_text=True)
    assert "Awaiting sign-off" in page
    assert "Do you sign off this decision?" not in page
    assert client.post(f"/sign-offs/{sign_off}", data={"csrf_token": csrf(client, f"/sign-offs/{sign_off}"),
                                                       "decision": "signed_off"}).status_code == 403  # fmt: skip


def test_the_setting_page_switches_sign_off_on_for_a_route(client, person_signing_in):
    person_signing_in(client, Role.TEAM_MANAGER)
    saved = client.post("/sign-offs/routes", data={"csrf_token": csrf(client, "/sign-offs/routes"),
                                                    "routes": ["supported_lodgings"]})  # fmt: skip
    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Sign-off settings saved" in page
    assert 'value="supported_lodgings" checked' in page


def test_a_note_written_on_the_page_heads_the_chronology(client, officer, person_signing_in):
    young = young_person(client, officer, "WS-1")
    person_signing_in(client, Role.HOUSING_OFFICER)
    form = {"csrf_token": csrf(client, f"/young-people/{young}/notes/new"), "kind": "call",
            "happened_on-day": str(DAY.day), "happened_on-month": str(DAY.month), "happened_on-year": str(DAY.year),
            "text": "Rang about the viewing on Friday."}  # fmt: skip
    done = client.post(f"/young-people/{young}/notes/new", data=form)
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Note recorded" in page
    assert "Rang about the viewing on Friday." in page


def test_a_note_without_words_keeps_what_was_chosen(client, officer, person_signing_in):
    young = young_person(client, officer, "WS-1")
    person_signing_in(client, Role.HOUSING_OFFICER)
    form = {"csrf_token": csrf(client, f"/young-people/{young}/notes/new"), "kind": "visit",
            "happened_on-day": str(DAY.day), "happened_on-month": str(DAY.month), "happened_on-year": str(DAY.year)}  # fmt: skip
    refused = client.post(f"/young-people/{young}/notes/new", data=form)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert 'href="#text"' in page
    assert 'value="visit" checked' in page


def test_a_task_set_for_a_team_manager_shows_on_their_home_page(client, officer, auth, person_signing_in, db):
    young = young_person(client, officer, "WS-1", given_name="Tasked")
    person_signing_in(client, Role.TEAM_MANAGER)
    owner = next(u for u in client.get(f"/young-people/{young}/tasks").get_data(as_text=True).split('<option value="')[1:]
             if "team_manager.county" in u).split('"')[0]  # fmt: skip
    form = {"csrf_token": csrf(client, f"/young-people/{young}/tasks"), "title": "Book the viewing",
            "due_on-day": str(DAY.day), "due_on-month": str(DAY.month), "due_on-year": str(DAY.year), "owner": owner}  # fmt: skip
    done = client.post(f"/young-people/{young}/tasks", data=form)
    assert done.status_code == 302
    home = client.get("/team").get_data(as_text=True)
    assert "Book the viewing" in home
    assert "Due today" in home


@pytest.mark.parametrize("role", [Role.DISTRICT_OFFICER, Role.COMMISSIONER, Role.HOUSE_PROJECT_COORDINATOR])
def test_notes_tasks_and_sign_off_pages_are_refused_to_others(client, officer, role, person_signing_in):
    young = young_person(client, officer, "WS-1")
    person_signing_in(client, role)
    for path in (f"/young-people/{young}/notes", f"/young-people/{young}/notes/new", f"/young-people/{young}/tasks",
                 f"/young-people/{young}/triple-plan", "/sign-offs", "/sign-offs/routes"):  # fmt: skip
        assert client.get(path).status_code == 403, path


def test_three_plans_recorded_on_the_page_show_side_by_side_then_one_becomes_the_plan(
    client, officer, person_signing_in
):
    young = young_person(client, officer, "U-1", needs=UASC)
    person_signing_in(client, Role.HOUSING_OFFICER)
    path = f"/young-people/{young}/triple-plan"
    assert "Three housing plans" in client.get(f"/young-people/{young}").get_data(as_text=True)
    form = {"csrf_token": csrf(client, path)}
    for outcome, route in (("leave_granted", "supported_lodgings"), ("refused", "supported_accommodation"),
                           ("appeal_rights_exhausted", "supported_accommodation")):  # fmt: skip
        form |= {f"route-{outcome}": route, f"plan-{outcome}": f"Plan for {outcome}"}

    refused = client.post(path, data=form | {"plan-refused": ""})
    assert refused.status_code == 400
    assert 'href="#plan-refused"' in refused.get_data(as_text=True)

    saved = client.post(path, data=form)
    assert "The three plans are saved" in client.get(saved.headers["Location"]).get_data(as_text=True)
    client.patch(f"/api/v1/young-people/{young}", json={"needs": {"immigration": "leave_granted",
                 "leave_granted_on": DAY.isoformat()}}, headers=officer)  # fmt: skip
    page = client.get(path).get_data(as_text=True)
    assert "The plan since" in page
    assert "Change the three plans" not in page
