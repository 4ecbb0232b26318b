"""A private tenancy's money on the pages: recorded with the LHA check in words on the list, refused
beside each field with what was typed kept, and its rent checked against the young person's own rate
on a run's proposal."""

from datetime import timedelta

from sqlalchemy import select

from housing.clock import today
from housing.models import Option
from tests import payloads
from tests.builders import option, run, young_person
from tests.web.conftest import csrf


def tenancy_form(**overrides):
    start = today()
    form = {
        "name": "Flat 3, Mill Lane", "place": "Crawley", "capacity": "1",
        "available_from-day": str(start.day), "available_from-month": str(start.month),
        "available_from-year": str(start.year), "min_age": "18", "max_age": "25",
        "support_levels": ["low"], "bedrooms": "1", "accepts_children": "no",
        "monthly_rent": "£850", "rental_market_area": "Crawley & Reigate", "deposit": "1,000",
        "rent_in_advance": "850", "guarantor_needed": "yes",
    }  # fmt: skip
    return form | overrides


def post(client, path, form):
    return client.post(path, data={**form, "csrf_token": csrf(client, "/")})


def test_a_private_tenancy_is_recorded_with_its_money_and_listed_with_the_check_in_words(
    client, person_signing_in, db
):
    person_signing_in(client)
    asked = client.get("/options/new?route=private_rented").get_data(as_text=True)
    assert "Rent a month" in asked
    assert "Broad rental market area" in asked

    response = post(client, "/options/new?route=private_rented", tenancy_form())

    assert response.status_code == 302
    stored = db.scalar(select(Option).where(Option.name == "Flat 3, Mill Lane"))
    assert (stored.monthly_rent, stored.deposit, stored.rent_in_advance, stored.guarantor_needed) == (
        850, 1000, 850, True)  # fmt: skip
    listed = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Rent £850 a month is within the one-bedroom rate of £925 and above the shared rate" in listed
    assert "care leavers under 25 are exempt from the shared rate." in listed
    assert "Deposit £1,000; rent in advance £850; a guarantor needed." in listed
    assert "Illustrative rates, not published figures" in listed
    assert "to be confirmed against current DWP rules" in listed


def test_money_typed_wrong_is_named_beside_each_field_and_kept(client, person_signing_in, row_counts):
    person_signing_in(client)
    before = row_counts()["options"]

    refused = post(client, "/options/new?route=private_rented",
                   tenancy_form(monthly_rent="about 800", deposit="-5", rental_market_area="Atlantis"))  # fmt: skip

    text = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert 'href="#monthly_rent">The monthly rent must be a whole number' in text
    assert 'href="#deposit">The deposit must be between 0 and 100000' in text
    assert 'href="#rental_market_area">' in text
    assert 'value="about 800"' in text
    assert row_counts()["options"] == before


def test_a_run_proposing_a_private_tenancy_checks_its_rent_against_the_young_persons_own_rate(
    client, officer, person_signing_in
):
    young_person(client, officer, "WS-RENT")
    option(client, officer, "private_rented", min_age=18, monthly_rent=980, rental_market_area="Worthing",
           deposit=900, rent_in_advance=980, guarantor_needed=False)  # fmt: skip
    the_run = run(client, officer)
    assert len(the_run["proposals"]) == 1
    person_signing_in(client)

    page = client.get(f"/runs/{the_run['id']}").get_data(as_text=True)

    assert "Rent £980 a month is £180 above the one-bedroom rate of £800 (Worthing)." in page
    assert "Aged 19, a care leaver under 25: exempt from the shared rate until then." in page


def test_the_rent_is_checked_at_the_age_they_will_be_when_they_move_in(client, officer, person_signing_in):
    turns_25 = today() + timedelta(days=30)
    born = turns_25.replace(year=turns_25.year - 25)
    moving = (today() + timedelta(days=60)).isoformat()
    body = payloads.young_person(reference="WS-RENT-25", date_of_birth=born.isoformat(), move_date=moving)
    assert client.post("/api/v1/young-people", json=body, headers=officer).status_code == 201
    option(client, officer, "private_rented", min_age=18, monthly_rent=980, rental_market_area="Worthing")
    the_run = run(client, officer)
    assert len(the_run["proposals"]) == 1
    person_signing_in(client)

    page = client.get(f"/runs/{the_run['id']}").get_data(as_text=True)

    assert "Aged 25: care leavers are exempt from the shared rate only until 25." in page
