"""Issue 30: the long lists are searched: a council's applicants by name or reference, options by
name or town and by places left today (the coordinator's enrolment list: test_coordinator_search)."""

from housing.vocabulary import Role
from tests.builders import add_young_person, placed, supported_place


def _applies_to_crawley(client, officer, reference, given_name):
    person = add_young_person(client, officer, reference, given_name=given_name, home_district="crawley")
    client.post(f"/api/v1/young-people/{person}/applications", headers=officer,
                json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"})  # fmt: skip


def test_a_council_finds_an_applicant_by_name_or_reference_and_downloads_what_it_found(
    client, officer, person_signing_in
):
    _applies_to_crawley(client, officer, "CR-100", "Anwen")
    _applies_to_crawley(client, officer, "CR-200", "Bryony")
    person_signing_in(client, Role.DISTRICT_OFFICER, "crawley")

    by_name = client.get("/district/applicants?named=anwen").get_data(as_text=True)
    assert "Anwen" in by_name
    assert "Bryony" not in by_name
    assert 'value="anwen"' in by_name
    by_reference = client.get("/district/applicants?named=CR-2").get_data(as_text=True)
    assert "Bryony" in by_reference
    assert "Anwen" not in by_reference
    download = client.get("/district/applicants.csv?named=bryony").get_data(as_text=True)
    assert "CR-200" in download
    assert "CR-100" not in download


def test_options_are_found_by_name_or_town_and_by_places_left(client, officer, person_signing_in):
    oak = supported_place(client, officer, place="Worthing", capacity=1, name="Oak House")
    supported_place(client, officer, place="Crawley", capacity=2, name="Elm Court")
    placed(client, officer, add_young_person(client, officer, "FULL-1"), oak)  # Oak House is now full
    person_signing_in(client, Role.HOUSING_OFFICER)

    by_name = client.get("/options?q=oak").get_data(as_text=True)
    assert "Oak House" in by_name
    assert "Elm Court" not in by_name
    by_town = client.get("/options?q=crawley+elm").get_data(as_text=True)
    assert "Elm Court" in by_town
    assert "Oak House" not in by_town
    left = client.get("/options?q=o&places_left=yes").get_data(as_text=True)
    assert "Elm Court" in left
    assert "Oak House" not in left
    assert "places_left" in left
    assert client.get("/options?q=%25").status_code == 200  # a wildcard is matched as typed
