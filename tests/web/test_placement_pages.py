"""Ending a placement and recording a Staying Put carer's withdrawal from the young person's page."""

from datetime import timedelta

from sqlalchemy import select

from housing.models import AuditEntry, Option, Placement, YoungPerson
from housing.vocabulary import Role
from tests.builders import LATER, TODAY, option, placed, young_person
from tests.web.conftest import csrf


def date_fields(day):
    return {"ends_on-day": str(day.day), "ends_on-month": str(day.month), "ends_on-year": str(day.year)}


def test_the_young_persons_page_shows_the_placement_and_ends_it_with_a_banner(
    client, officer, person_signing_in, db
):
    person = young_person(client, officer, "A")
    placement = placed(client, officer, person, option(client, officer, name="Seaview scheme"))
    person_signing_in(client)
    url = f"/young-people/{person}"

    page = client.get(url).get_data(as_text=True)
    assert "Seaview scheme" in page
    assert f"from {TODAY.strftime('%-d %B %Y')}" in page
    assert "End this placement" in page

    ended = client.post(f"/placements/{placement['id']}/end", data={
        "csrf_token": csrf(client, url), **date_fields(LATER), "reason": "breakdown", "note": "MARKER-NOTE-7Q",
    })  # fmt: skip

    assert ended.status_code == 302
    after = client.get(ended.headers["Location"]).get_data(as_text=True)
    assert "The placement end is recorded" in after
    assert f"; ends {LATER.strftime('%-d %B %Y')} because it broke down" in after
    db.rollback()
    assert db.get(Placement, placement["id"]).end_reason == "breakdown"
    assert db.get(YoungPerson, person).pathway_status == "in_progress"
    assert db.scalar(select(AuditEntry.action).where(AuditEntry.action == "end")) == "end"


def test_an_end_already_past_is_recorded_from_the_page(client, officer, person_signing_in, db):
    """Issue 30: an officer often learns of a breakdown days after it."""
    person = young_person(client, officer, "A")
    placement = placed(client, officer, person, option(client, officer, name="Seaview scheme"))
    db.get(Placement, placement["id"]).starts_on = TODAY - timedelta(days=30)
    db.commit()
    person_signing_in(client)
    url = f"/young-people/{person}"
    last_week = TODAY - timedelta(days=7)

    ended = client.post(f"/placements/{placement['id']}/end", data={
        "csrf_token": csrf(client, url), **date_fields(last_week), "reason": "breakdown",
    })  # fmt: skip

    assert ended.status_code == 302
    after = client.get(ended.headers["Location"]).get_data(as_text=True)
    assert f"to {last_week.strftime('%-d %B %Y')}, ended because it broke down" in after
    db.rollback()
    assert db.get(Placement, placement["id"]).ends_on == last_week


def test_a_form_with_problems_comes_back_with_the_summary_the_messages_and_what_was_typed(
    client, officer, person_signing_in, db
):
    person = young_person(client, officer, "A")
    placement = placed(client, officer, person, option(client, officer))
    person_signing_in(client)
    yesterday = TODAY - timedelta(days=1)

    missing = client.post(f"/placements/{placement['id']}/end", data={
        "csrf_token": csrf(client, f"/young-people/{person}"), "ends_on-day": "31", "ends_on-month": "2",
        "ends_on-year": "2027", "note": "kept note",
    })  # fmt: skip
    past = client.post(f"/placements/{placement['id']}/end", data={
        "csrf_token": csrf(client, f"/young-people/{person}"), **date_fields(yesterday), "reason": "other",
    })  # fmt: skip

    page = missing.get_data(as_text=True)
    assert missing.status_code == 422
    assert "There is a problem" in page
    assert 'href="#ends_on-day"' in page
    assert 'href="#reason"' in page
    assert "Enter the last day of the placement as a real date" in page
    assert "Select why the placement is ending" in page
    assert "kept note" in page
    assert 'value="31"' in page
    assert past.status_code == 422
    assert "The end date must be on or after the placement&#39;s start, " in past.get_data(as_text=True)
    db.rollback()
    assert db.get(Placement, placement["id"]).status == "active"


def test_an_officer_records_a_staying_put_carers_withdrawal(client, officer, person_signing_in, db):
    person = young_person(client, officer, "A")
    offer = option(client, officer, "staying_put", young_person=person, name="Staying Put with Mrs Carer")
    placed(client, officer, person, offer)
    person_signing_in(client)
    url = f"/young-people/{person}"
    assert "Record that the carer is no longer willing" in client.get(url).get_data(as_text=True)

    answer = client.post(f"/options/{offer}/carer-withdrawal", data={
        "csrf_token": csrf(client, url), **date_fields(LATER),
    })  # fmt: skip

    assert answer.status_code == 302
    assert "The carer&#39;s withdrawal is recorded" in client.get(answer.headers["Location"]).get_data(
        as_text=True
    )
    db.rollback()
    assert db.get(Option, offer).carer_willing is False
    assert db.scalar(select(Placement.end_reason).where(Placement.option_id == offer)) == "carer_withdrew"


def test_an_offer_not_yet_lived_in_can_be_withdrawn_too(client, officer, person_signing_in, db):
    person = young_person(client, officer, "A")
    offer = option(client, officer, "staying_put", young_person=person, name="Staying Put with Mr Carer")
    person_signing_in(client)
    url = f"/young-people/{person}"
    assert "Staying Put offered: Staying Put with Mr Carer" in client.get(url).get_data(as_text=True)

    refused = client.post(f"/options/{offer}/carer-withdrawal", data={"csrf_token": csrf(client, url)})
    answer = client.post(f"/options/{offer}/carer-withdrawal", data={"csrf_token": csrf(client, url),
                                                                       **date_fields(TODAY)})  # fmt: skip

    assert refused.status_code == 422
    assert "Enter the last day" in refused.get_data(as_text=True)
    assert answer.status_code == 302
    db.rollback()
    assert db.get(Option, offer).carer_willing is False


def test_only_officers_reach_the_forms_and_an_unknown_placement_is_a_404(client, officer, person_signing_in):
    person = young_person(client, officer, "A")
    placement = placed(client, officer, person, option(client, officer))
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)

    assert client.get(f"/placements/{placement['id']}/end").status_code == 403
    assert client.get("/placements/nothing-here/end").status_code == 403
    person_signing_in(client)
    assert client.get("/placements/nothing-here/end").status_code == 404
    assert client.get(f"/placements/{placement['id']}/end").status_code == 200
