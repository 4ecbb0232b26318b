"""Who works the case, on pages: a manager's team and adviser proposals, accepting and changing them,
a young person's workers, and an officer's own young people."""

import re

import pytest
from sqlalchemy import select

from housing.clock import today
from housing.models import Allocation, AuditEntry, AuditShown
from housing.vocabulary import Role
from tests.builders import adviser, casework_person
from tests.web.conftest import csrf
from web import casework

TODAY = today()


@pytest.fixture
def manager(auth):
    return auth.headers(Role.TEAM_MANAGER)


def test_a_team_manager_lands_on_the_team_with_caseloads_against_the_cap(
    client, officer, manager, person_signing_in
):
    adviser(client, manager, "Pat Exampleworth")
    signed_in, _email = person_signing_in(client, Role.TEAM_MANAGER)

    assert signed_in.headers["Location"] == "/team"
    page = client.get("/team").get_data(as_text=True)
    assert "Pat Exampleworth" in page
    assert "Room for 23" in page
    assert "Download allocations for the case system (CSV)" in page


def test_proposals_are_accepted_all_at_once_and_the_banner_says_how_many(
    client, officer, manager, person_signing_in, db
):
    first, second = (
        casework_person(client, officer, "WS-1", given="Firsty"),
        casework_person(client, officer, "WS-2", given="Secondy"),
    )
    pat = adviser(client, manager, "Pat Exampleworth")
    person_signing_in(client, Role.TEAM_MANAGER)
    page = client.get("/advisers/proposals").get_data(as_text=True)
    assert "2 proposals" in page
    assert "Based where their links are" in page

    form = {"csrf_token": csrf(client, "/advisers/proposals"), "accept_all": "1", "young_person": [first, second],
            f"adviser-{first}": pat, f"proposed-{first}": pat, f"adviser-{second}": pat, f"proposed-{second}": pat}  # fmt: skip
    accepted = client.post("/advisers/proposals", data=form)

    assert accepted.status_code == 302
    assert "2 advisers allocated" in client.get(accepted.headers["Location"]).get_data(as_text=True)
    rows = db.scalars(select(Allocation).order_by(Allocation.young_person_id)).all()
    assert {(a.young_person_id, a.adviser_id, a.as_proposed) for a in rows} == {
        (first, pat, True),
        (second, pat, True),
    }


def test_a_changed_proposal_is_recorded_as_changed(client, officer, manager, person_signing_in, db):
    young = casework_person(client, officer, "WS-1")
    pat, lee = (
        adviser(client, manager, "Pat Exampleworth"),
        adviser(client, manager, "Lee Specimen", base="Crawley"),
    )
    person_signing_in(client, Role.TEAM_MANAGER)
    form = {"csrf_token": csrf(client, "/advisers/proposals"), "accept": young, "young_person": [young],
            f"adviser-{young}": lee, f"proposed-{young}": pat}  # fmt: skip

    assert client.post("/advisers/proposals", data=form).status_code == 302
    allocation = db.scalar(select(Allocation))
    assert (allocation.adviser_id, allocation.as_proposed) == (lee, False)


def test_an_adviser_full_meanwhile_is_shown_beside_the_row_and_nothing_is_written(
    app, client, officer, manager, person_signing_in, row_counts
):
    app.config["ADVISER_CASELOAD_CAP"] = 1
    first, second = casework_person(client, officer, "WS-1"), casework_person(client, officer, "WS-2")
    pat = adviser(client, manager, "Pat Exampleworth")
    client.post(
        f"/api/v1/young-people/{first}/workers",
        json={"kind": "personal_adviser", "worker": pat},
        headers=manager,
    )
    person_signing_in(client, Role.TEAM_MANAGER)
    before = row_counts()
    form = {"csrf_token": csrf(client, "/advisers/proposals"), "accept": second, "young_person": [second],
            f"adviser-{second}": pat, f"proposed-{second}": ""}  # fmt: skip

    refused = client.post("/advisers/proposals", data=form)

    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert f'href="#adviser-{second}"' in page
    assert "Pat Exampleworth&#39;s caseload is full (1 of 1)" in page
    assert re.search(rf'<option value="{pat}" selected', page)  # what was chosen is kept
    assert row_counts()["allocations"] == before["allocations"]


def test_accepting_a_row_with_no_adviser_chosen_asks_for_one(client, officer, manager, person_signing_in):
    young = casework_person(client, officer, "WS-1")
    person_signing_in(client, Role.TEAM_MANAGER)
    form = {
        "csrf_token": csrf(client, "/advisers/proposals"),
        "accept": young,
        "young_person": [young],
        f"adviser-{young}": "",
    }
    refused = client.post("/advisers/proposals", data=form)
    assert refused.status_code == 400
    assert "Choose an adviser" in refused.get_data(as_text=True)


def test_proposals_come_a_page_at_a_time_and_a_name_or_district_finds_one(
    monkeypatch, client, officer, manager, person_signing_in, db
):
    monkeypatch.setattr(casework, "PAGE_SIZE", 2)
    people = [casework_person(client, officer, f"WS-{n}", months_old=m, given=g)
              for n, (m, g) in enumerate(((205, "Sooner"), (200, "Later"), (199, "Latest")))]  # fmt: skip
    adviser(client, manager, "Pat Exampleworth")
    person_signing_in(client, Role.TEAM_MANAGER)

    first = client.get("/advisers/proposals").get_data(as_text=True)
    assert "Showing 1 to 2 of 3, nearest 17½ first" in first
    assert ("Sooner" in first, "Later" in first, "Latest" in first) == (True, True, False)
    assert "Accept the 2 proposals on this page" in first
    assert 'href="?page=2"' in first
    # The view is audited as the two young people shown, not everyone proposed.
    entry = db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert set(db.scalars(select(AuditShown.young_person_id).where(AuditShown.audit_id == entry.id))) == set(
        people[:2]
    )

    second = client.get("/advisers/proposals?page=2").get_data(as_text=True)
    assert ("Sooner" in second, "Latest" in second) == (False, True)
    assert "Accept all 1 proposal as shown" not in second  # one page of several: the page's proposal
    named = client.get("/advisers/proposals?q=latest").get_data(as_text=True)
    assert "Showing 1 young person found" in named
    assert ("Sooner" in named, "Latest" in named) == (False, True)
    elsewhere = client.get("/advisers/proposals?district=crawley").get_data(as_text=True)
    assert "No young person awaiting an adviser matches this search." in elsewhere
    assert "3 proposals" in elsewhere  # the county's count stays in sight


def test_a_row_offers_the_nearest_advisers_with_room_and_another_is_one_link_away(
    app, client, officer, manager, person_signing_in, db
):
    app.config["ADVISER_CASELOAD_CAP"] = 1
    young, other = casework_person(client, officer, "WS-1"), casework_person(client, officer, "WS-2")
    full = adviser(client, manager, "Full Caseload", base="Worthing")
    client.post(f"/api/v1/young-people/{other}/workers", json={"kind": "personal_adviser", "worker": full},
                headers=manager)  # fmt: skip
    near = [adviser(client, manager, f"Near {letter}", base="Worthing") for letter in "ABCDEFGHIJK"]
    far = adviser(client, manager, "Far Away", base="Crawley")
    person_signing_in(client, Role.TEAM_MANAGER)

    page = client.get("/advisers/proposals").get_data(as_text=True)
    row = page[
        page.index(f'id="adviser-{young}"') : page.index("</select>", page.index(f'id="adviser-{young}"'))
    ]
    proposed = re.search(rf'name="proposed-{young}" value="([^"]+)"', page).group(1)
    offered = re.findall(r'<option value="([^"]*)"', row)
    # Blank, the proposal, then the ten nearest with room (here all in one town, so by name).
    assert offered == ["", proposed, *[a for a in near if a != proposed][:10]]
    assert re.search(r"Proposed: Near [A-K], 0 km, caseload 0 of 1", row)
    assert full not in offered
    assert far not in offered
    assert f"/advisers/proposals/{young}?page=1" in page

    choice = client.get(f"/advisers/proposals/{young}?page=1").get_data(as_text=True)
    listed = re.findall(r'<option value="([^"]+)"', choice)
    # The proposal, then every adviser with room, nearest first; the full one left out.
    assert listed == [proposed, *[a for a in near if a != proposed], far]
    assert "1 adviser at the cap is not listed" in choice

    form = {"csrf_token": csrf(client, f"/advisers/proposals/{young}"), "adviser": far}
    chosen = client.post(f"/advisers/proposals/{young}?page=1", data=form)
    assert chosen.status_code == 302
    assert "1 adviser allocated" in client.get(chosen.headers["Location"]).get_data(as_text=True)
    allocation = db.scalar(select(Allocation).where(Allocation.young_person_id == young))
    assert (allocation.adviser_id, allocation.as_proposed) == (far, False)
    assert client.get(f"/advisers/proposals/{young}").status_code == 404  # allocated: no longer awaiting


def test_a_manager_allocates_an_officer_from_the_record_and_the_officer_sees_them_as_their_own(
    client, officer, manager, person_signing_in, auth
):
    young = casework_person(client, officer, "WS-1", given="Mine")
    person_signing_in(client, Role.TEAM_MANAGER)
    officer_id = client.get("/api/v1/team", headers=manager).json["officers"][0]["id"]
    form = {
        "csrf_token": csrf(client, f"/young-people/{young}/workers"),
        "kind": "housing_officer",
        "housing_officer": officer_id,
    }

    done = client.post(f"/young-people/{young}/workers", data=form)

    assert done.status_code == 302
    record = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Housing support officer allocated" in record
    assert "housing_officer.county@test.example" in record
    assert "Change their details" not in record  # a manager reads; officers change
    client.post("/sign-out", data={"csrf_token": csrf(client, "/team")})
    person_signing_in(client, Role.HOUSING_OFFICER)
    mine = client.get("/my-young-people").get_data(as_text=True)
    assert "Mine Exampleton" in mine


def test_the_workers_form_shows_a_missing_choice_and_a_bad_date_beside_their_fields(
    client, officer, person_signing_in
):
    young = casework_person(client, officer, "WS-1")
    person_signing_in(client, Role.TEAM_MANAGER)
    token = csrf(client, f"/young-people/{young}/workers")

    nothing = client.post(
        f"/young-people/{young}/workers", data={"csrf_token": token, "kind": "personal_adviser"}
    )
    bad_date = client.post(f"/young-people/{young}/workers", data={
        "csrf_token": token, "kind": "personal_adviser", "personal_adviser": "x",
        "personal_adviser_starts_on-day": "31", "personal_adviser_starts_on-month": "2",
        "personal_adviser_starts_on-year": "2027"})  # fmt: skip

    assert nothing.status_code == 400
    assert 'href="#personal_adviser"' in nothing.get_data(as_text=True)
    assert "Choose a personal adviser" in nothing.get_data(as_text=True)
    assert bad_date.status_code == 400
    assert 'href="#personal_adviser_starts_on"' in bad_date.get_data(as_text=True)
    assert 'value="31"' in bad_date.get_data(as_text=True)


@pytest.mark.parametrize(
    ("role", "path", "status"),
    [(Role.HOUSING_OFFICER, "/team", 403), (Role.HOUSING_OFFICER, "/advisers/proposals", 403),
     (Role.TEAM_MANAGER, "/my-young-people", 403), (Role.DISTRICT_OFFICER, "/team", 403),
     (Role.COMMISSIONER, "/advisers/proposals", 403), (Role.ADMIN, "/team", 200), (Role.TEAM_MANAGER, "/", 200)],
)  # fmt: skip
def test_each_page_admits_only_its_roles(client, person_signing_in, role, path, status):
    person_signing_in(client, role)
    assert client.get(path).status_code == status


def test_an_officer_with_nobody_allocated_is_told_how_that_changes(client, person_signing_in):
    person_signing_in(client, Role.HOUSING_OFFICER)
    assert "Nobody is allocated to you yet" in client.get("/my-young-people").get_data(as_text=True)


def test_choosing_no_adviser_on_the_choice_page_asks_for_one_beside_the_list(
    client, officer, manager, person_signing_in, db
):
    young = casework_person(client, officer, "WS-1")
    adviser(client, manager, "Pat Exampleworth")
    person_signing_in(client, Role.TEAM_MANAGER)
    form = {"csrf_token": csrf(client, f"/advisers/proposals/{young}"), "adviser": ""}

    refused = client.post(f"/advisers/proposals/{young}", data=form)

    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert '<a href="#adviser">Choose an adviser</a>' in page
    assert db.scalar(select(Allocation)) is None
