"""Recording a young person's ranked preferences and their applications to the registers on pages."""

from sqlalchemy import select

from housing.clock import today
from housing.models import Application, Preference
from tests.builders import audit_details, existing, post, records


def test_a_preference_at_a_rank_already_held_moves_the_others_down(client, officer, person_signing_in, db):
    person_id = existing(client, officer)  # 1: Worthing district, 2: supported lodgings
    person_signing_in(client)

    added = post(client, f"/young-people/{person_id}/preferences/new",
                 {"rank": "1", "route": "staying_put", "place": "", "district": ""})  # fmt: skip

    assert added.status_code == 302
    db.rollback()
    ranked = db.scalars(
        select(Preference).where(Preference.young_person_id == person_id).order_by(Preference.rank)
    )
    assert [(p.rank, p.route, p.district) for p in ranked] == [
        (1, "staying_put", None), (2, None, "worthing"), (3, "supported_lodgings", None)]  # fmt: skip
    post(client, f"/young-people/{person_id}/preferences/1/remove", {})
    db.rollback()
    assert [
        p.rank for p in db.scalars(select(Preference).where(Preference.young_person_id == person_id))
    ] == [1, 2]


def test_a_preference_naming_nothing_is_refused(client, officer, person_signing_in, row_counts):
    person_id = existing(client, officer)
    person_signing_in(client)
    before = records(row_counts)
    response = post(
        client,
        f"/young-people/{person_id}/preferences/new",
        {"rank": "3", "route": "", "place": "", "district": ""},
    )
    assert response.status_code == 400
    assert "Choose a route, a place or a district" in response.get_data(as_text=True)
    assert records(row_counts) == before


def test_applying_to_a_register_in_that_councils_bands(client, officer, person_signing_in, db, row_counts):
    person_id = existing(client, officer)
    person_signing_in(client)
    form = client.get(f"/young-people/{person_id}/applications/new").get_data(as_text=True)
    assert "Crawley: band A+" in form

    applied_on = {"applied_on-day": "2", "applied_on-month": "1", "applied_on-year": str(today().year)}
    response = post(
        client, f"/young-people/{person_id}/applications/new", {"register": "crawley|A+", **applied_on}
    )

    assert response.status_code == 302
    db.rollback()
    application = db.scalar(select(Application).where(Application.young_person_id == person_id))
    assert (application.district, application.band, application.status) == ("crawley", "A+", "active")
    assert ("create", "application to Crawley register") in audit_details(db, person_id)
    before = records(row_counts)
    again = post(
        client, f"/young-people/{person_id}/applications/new", {"register": "crawley|A", **applied_on}
    )
    wrong_band = post(
        client, f"/young-people/{person_id}/applications/new", {"register": "arun|D", **applied_on}
    )
    nothing = post(client, f"/young-people/{person_id}/applications/new", {"register": ""})
    assert "There is already an active application to Crawley" in again.get_data(as_text=True)
    assert "Arun bands are A, B, C" in wrong_band.get_data(as_text=True)
    assert "Choose the council register and band" in nothing.get_data(as_text=True)
    assert "Enter the date they applied" in nothing.get_data(as_text=True)
    assert records(row_counts) == before

    closed = post(client, f"/applications/{application.id}/close", {})
    assert closed.status_code == 302
    db.rollback()
    assert db.get(Application, application.id).status == "closed"


def test_a_preference_moves_up_one_place_and_a_record_with_none_says_so_plainly(
    client, officer, person_signing_in, db
):
    person_id = existing(client, officer)  # 1: Worthing district, 2: supported lodgings
    person_signing_in(client)
    page = client.get(f"/young-people/{person_id}").get_data(as_text=True)
    assert page.count(">Move up<span") == 1  # the first cannot move up

    moved = post(client, f"/young-people/{person_id}/preferences/2/up", {})

    assert moved.status_code == 302
    assert "Preference moved up" in client.get(moved.headers["Location"]).get_data(as_text=True)
    db.rollback()
    ranked = db.scalars(
        select(Preference).where(Preference.young_person_id == person_id).order_by(Preference.rank)
    )
    assert [(p.route, p.district) for p in ranked] == [("supported_lodgings", None), (None, "worthing")]
    assert any(
        detail.startswith(
            "changed preferences from 1. Worthing, 2. supported lodgings to 1. supported lodgings"
        )
        for _, detail in audit_details(db, person_id)
    )
    post(client, f"/young-people/{person_id}/preferences/1/remove", {})
    post(client, f"/young-people/{person_id}/preferences/1/remove", {})
    empty = client.get(f"/young-people/{person_id}").get_data(as_text=True)
    assert "No preferences recorded." in empty
    assert "None recorded." not in empty.replace("No preferences recorded.", "")
