"""Recording and changing a young person on pages: the row written, the audit kept, the errors shown."""

import re
from datetime import date

from sqlalchemy import func, select

from housing.clock import today
from housing.models import LocalLink, YoungPerson
from housing.vocabulary import Role
from tests.builders import audit_details, details, existing, post, records


def test_recording_a_young_person_writes_the_record_and_audits_it(client, person_signing_in, db):
    person_signing_in(client)
    assert client.get("/young-people/new").status_code == 200

    response = post(client, "/young-people/new", details())

    assert response.status_code == 302
    person = db.scalar(select(YoungPerson).where(YoungPerson.reference == "WS-5001"))
    assert response.headers["Location"] == f"/young-people/{person.id}?done=recorded"
    assert (person.given_name, person.home_district, person.step_free, person.wheelchair) == (
        "Robin",
        "crawley",
        True,
        False,
    )
    assert person.date_of_birth == date(today().year - 17, 3, 14)
    assert person.wishes == "Near my college, please."
    assert ("create", "created record") in audit_details(db, person.id)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Young person recorded" in page
    assert "Next, add their local links" in page


def test_a_form_with_nothing_filled_in_shows_each_reason_and_writes_nothing(
    client, person_signing_in, row_counts
):
    person_signing_in(client)
    before = records(row_counts)

    response = post(client, "/young-people/new", details(reference="", given_name="", **{"date_of_birth-day": "",
                    "date_of_birth-month": "", "date_of_birth-year": ""}, home_district="", support_level=""))  # fmt: skip

    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert text.count("There is a problem") == 1
    assert "<title>Error: Record a young person – Pathways</title>" in text
    for field, message in (("reference", "Enter the case reference"), ("given_name", "Enter their given name"),
                           ("date_of_birth", "Enter their date of birth"),
                           ("home_district", "Choose their home district"),
                           ("support_level", "Choose the support they need")):  # fmt: skip
        assert f'href="#{field}">{message}<' in text, field
        assert f"</span> {message}" in text, field  # beside the field too
    assert records(row_counts) == before


def test_what_was_typed_is_kept_and_a_wrong_date_is_named(client, person_signing_in, row_counts):
    person_signing_in(client)
    before = records(row_counts)

    response = post(client, "/young-people/new", details(**{"date_of_birth-day": "31", "date_of_birth-month": "2"},
                    children="two"))  # fmt: skip

    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Their date of birth must be a real date" in text
    assert "The number of children must be a whole number" in text
    assert 'value="Robin"' in text
    assert 'value="31"' in text
    assert "Near my college, please." in text
    assert re.search(r'value="step_free"\s+checked', text)
    assert records(row_counts) == before


def test_the_domain_rules_are_the_apis_a_future_birth_and_a_taken_reference(
    client, officer, person_signing_in
):
    existing(client, officer, reference="TAKEN-1")
    person_signing_in(client)
    future = details(**{"date_of_birth-year": str(today().year + 1)})
    assert "Their date of birth must not be in the future" in post(
        client, "/young-people/new", future
    ).get_data(as_text=True)
    taken = post(client, "/young-people/new", details(reference="TAKEN-1"))
    assert taken.status_code == 400
    assert "Another young person already has this reference" in taken.get_data(as_text=True)


def test_changing_details_keeps_links_and_audits_the_fields(client, officer, person_signing_in, db):
    person_id = existing(client, officer)
    person_signing_in(client)
    form = client.get(f"/young-people/{person_id}/edit").get_data(as_text=True)
    assert 'value="WS-0001"' in form

    response = post(client, f"/young-people/{person_id}/edit", details(reference="WS-0001", move_date_day="",
                    **{"move_date-day": "1", "move_date-month": "6", "move_date-year": str(today().year + 1)}))  # fmt: skip

    assert response.status_code == 302
    db.rollback()
    person = db.get(YoungPerson, person_id)
    assert person.move_date == date(today().year + 1, 6, 1)
    assert person.given_name == "Robin"
    assert len(person.local_links) == 2  # the links are not the details form's to change
    # The form sends every detail; the trail names only the one that changed (issue 30).
    [(_, changed)] = [entry for entry in audit_details(db, person_id) if entry[0] == "update"]
    assert changed.startswith("changed date of birth (not shown); their wishes (not shown); given name from")
    assert changed.endswith(f"; move date from none to 1 June {today().year + 1}")
    assert "support level" not in changed  # sent unchanged, so not named


def test_adding_and_removing_a_local_link(client, officer, person_signing_in, db):
    person_id = existing(client, officer)
    person_signing_in(client)
    assert "Add a local link" in client.get(f"/young-people/{person_id}/links/new").get_data(as_text=True)

    added = post(client, f"/young-people/{person_id}/links/new",
                 {"kind": "work", "place": "Horsham", "importance": "3", "note": "Saturday job"})  # fmt: skip

    assert added.status_code == 302
    db.rollback()
    links = db.scalars(
        select(LocalLink).where(LocalLink.young_person_id == person_id).order_by(LocalLink.position)
    )
    assert [(k.kind, k.place, k.importance, k.note) for k in links][-1] == (
        "work",
        "Horsham",
        3,
        "Saturday job",
    )
    assert (
        "update",
        "changed local links from Worthing (college), Lancing (family) to Worthing (college), "
        "Lancing (family), Horsham (work)",
    ) in audit_details(db, person_id)

    removed = post(client, f"/young-people/{person_id}/links/0/remove", {})
    assert removed.status_code == 302
    db.rollback()
    places = db.scalars(
        select(LocalLink.place).where(LocalLink.young_person_id == person_id).order_by(LocalLink.position)
    )
    assert list(places) == ["Lancing", "Horsham"]


def test_a_link_without_a_kind_or_a_known_place_is_refused_beside_the_field(
    client, officer, person_signing_in, row_counts
):
    person_id = existing(client, officer)
    person_signing_in(client)
    before = records(row_counts)

    missing = post(
        client, f"/young-people/{person_id}/links/new", {"kind": "", "place": "", "importance": "2"}
    )
    unknown = post(
        client,
        f"/young-people/{person_id}/links/new",
        {"kind": "family", "place": "Atlantis", "importance": "2"},
    )

    assert missing.status_code == unknown.status_code == 400
    assert "Choose the kind of link" in missing.get_data(as_text=True)
    assert 'href="#place">Choose the place<' in missing.get_data(as_text=True)
    assert "Choose the place from the list" in unknown.get_data(as_text=True)
    assert records(row_counts) == before


def test_forms_are_for_officers_and_unknown_young_people_are_404(client, officer, person_signing_in):
    person_signing_in(client)
    assert client.get("/young-people/nobody/edit").status_code == 404
    assert client.get("/young-people/nobody/links/new").status_code == 404
    assert post(client, "/applications/nothing/close", {}).status_code == 404
    other = client.application.test_client()
    person_signing_in(other, Role.DISTRICT_OFFICER)
    assert other.get("/young-people/new").status_code == 403


def test_blanking_a_detail_on_the_change_form_is_refused_not_ignored(client, officer, person_signing_in, db):
    person_id = existing(client, officer)
    person_signing_in(client)

    refused = post(client, f"/young-people/{person_id}/edit", details(reference="", given_name=""))
    saved = post(client, f"/young-people/{person_id}/edit", details(reference="WS-0001"))

    assert refused.status_code == 400
    assert 'href="#reference">Enter the case reference<' in refused.get_data(as_text=True)
    assert saved.status_code == 302
    db.rollback()
    assert len(db.get(YoungPerson, person_id).local_links) == 2  # not on the form: kept


def test_places_and_districts_to_avoid_are_recorded_and_an_unknown_one_is_refused(
    client, person_signing_in, db
):
    person_signing_in(client)

    response = post(
        client, "/young-people/new", details(avoid_places=["Bognor Regis"], avoid_districts=["arun", "adur"])
    )
    unknown = post(client, "/young-people/new", details(reference="WS-5002", avoid_places=["Atlantis"]))

    assert response.status_code == 302
    person = db.scalar(select(YoungPerson).where(YoungPerson.reference == "WS-5001"))
    assert (person.avoid_places, person.avoid_districts) == (["Bognor Regis"], ["arun", "adur"])
    assert unknown.status_code == 400
    assert 'href="#avoid_places">Choose places to avoid from the list<' in unknown.get_data(as_text=True)


def test_the_same_name_and_date_of_birth_under_a_new_reference_is_warned_of_until_the_officer_confirms(
    client, person_signing_in, db, row_counts
):
    """Issue 30: a possible duplicate is named, with a link to it, before anything is written."""
    person_signing_in(client)
    assert post(client, "/young-people/new", details(reference="WS-5001")).status_code == 302
    before = records(row_counts)

    warned = post(client, "/young-people/new", details(reference="WS-5002", given_name=" robin "))

    text = warned.get_data(as_text=True)
    assert warned.status_code == 400
    assert (
        'href="#not_a_duplicate">A young person with this name and date of birth is already recorded' in text
    )
    assert "Robin Hartley, WS-5001 (opens in a new tab)" in text
    assert 'value="WS-5002"' in text  # what was typed is kept
    assert records(row_counts) == before
    confirmed = post(client, "/young-people/new", details(reference="WS-5002", not_a_duplicate="yes"))
    assert confirmed.status_code == 302
    db.rollback()
    assert db.scalar(select(func.count()).select_from(YoungPerson)) == 2


def test_a_negative_number_of_children_is_refused_as_one_not_as_a_whole_number(client, person_signing_in):
    person_signing_in(client)

    refused = post(client, "/young-people/new", details(children="-1", given_name=""))

    text = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "The number of children must be between 0 and 20" in text
    assert "must be a whole number" not in text
    assert "Enter their given name" in text  # with the others, in one pass
