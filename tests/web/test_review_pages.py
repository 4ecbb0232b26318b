"""Pathway reviews on pages: overdue and due shown to officers, a review recorded from the record."""

from housing.clock import today
from housing.vocabulary import Role
from tests.builders import casework_person
from tests.web.conftest import csrf


def test_who_is_due_counts_overdue_reviews_and_the_list_names_them(client, officer, person_signing_in):
    casework_person(client, officer, "WS-1", given="Unreviewed")
    person_signing_in(client, Role.HOUSING_OFFICER)

    home = client.get("/").get_data(as_text=True)
    listed = client.get("/reviews").get_data(as_text=True)

    assert "1 overdue</a>" in home
    assert "Unreviewed Exampleton" in listed
    assert "Overdue review" in listed


def test_a_review_recorded_from_the_record_says_when_the_next_is_due(client, officer, person_signing_in):
    young = casework_person(client, officer, "WS-1")
    person_signing_in(client, Role.HOUSING_OFFICER)
    assert "Overdue review" in client.get(f"/young-people/{young}").get_data(as_text=True)
    day = today()
    form = {"csrf_token": csrf(client, f"/young-people/{young}/reviews/new"), "reviewed_on-day": str(day.day),
            "reviewed_on-month": str(day.month), "reviewed_on-year": str(day.year)}  # fmt: skip

    done = client.post(f"/young-people/{young}/reviews/new", data=form)

    record = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Pathway review recorded" in record
    assert "Overdue review" not in record
    assert f"Last held {day.strftime('%-d %B %Y')}" in record


def test_a_review_dated_in_the_future_is_refused_beside_the_date_keeping_what_was_typed(
    client, officer, person_signing_in
):
    young = casework_person(client, officer, "WS-1")
    person_signing_in(client, Role.HOUSING_OFFICER)
    form = {"csrf_token": csrf(client, f"/young-people/{young}/reviews/new"), "reviewed_on-day": "1",
            "reviewed_on-month": "1", "reviewed_on-year": str(today().year + 1)}  # fmt: skip

    refused = client.post(f"/young-people/{young}/reviews/new", data=form)

    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert 'href="#reviewed_on"' in page
    assert "must not be in the future" in page
    assert f'value="{today().year + 1}"' in page


def test_councils_and_commissioners_cannot_see_reviews(client, person_signing_in):
    person_signing_in(client, Role.COMMISSIONER)
    assert client.get("/reviews").status_code == 403
