"""Pages for proposals kept current: a council's no reaches the officer, notifications, the admin's pages."""

import html
import re
from datetime import UTC, datetime

import pytest
from flask.testing import FlaskClient

from housing.models import Event
from housing.vocabulary import Role
from tests.builders import nominated
from tests.kept_current import immediate  # noqa: F401 (a fixture)
from tests.web.conftest import csrf

pytestmark = pytest.mark.usefixtures("immediate")


def words(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))


def test_a_council_declines_and_the_officer_sees_why_on_the_record_on_who_is_due_and_in_the_runs(
    app, client, officer, person_signing_in
):
    person = nominated(client, officer)
    council = FlaskClient(app)
    person_signing_in(council, Role.DISTRICT_OFFICER)
    nomination = re.search(
        r'action="/nominations/(\w+)/decide"', council.get("/district").get_data(as_text=True)
    )[1]
    council.post(f"/nominations/{nomination}/decide", data={"csrf_token": csrf(council, "/district"),
                 "decision": "declined", "reason": "Band too low for this property"})  # fmt: skip
    person_signing_in(client, Role.HOUSING_OFFICER)

    record = words(client.get(f"/young-people/{person}"))
    due = words(client.get("/"))
    runs = words(client.get("/runs"))
    centre = words(client.get("/notifications"))

    assert "Crawley declined the nomination" in record
    assert "their reason: “Band too low for this property”" in record
    assert "Their pathway is back in progress." in record
    assert "Crawley declined" in due
    assert (
        "Pathways, without anyone asking: after Crawley declined the nomination for Testy Exampleton" in runs
    )
    assert "Crawley declined a nomination" in centre
    assert "Their reason: Band too low for this property." in centre
    assert re.search(r"Notifications 1 unread", words(client.get("/notifications")))


def test_an_officer_marks_a_notification_read_and_chooses_no_email(app, client, officer, person_signing_in):
    person_signing_in(client, Role.HOUSING_OFFICER)
    client.post("/api/v1/young-people", json={}, headers=officer)  # nothing happens on a refusal
    nominated(client, officer)
    council = FlaskClient(app)
    person_signing_in(council, Role.DISTRICT_OFFICER)
    nomination = re.search(
        r'action="/nominations/(\w+)/decide"', council.get("/district").get_data(as_text=True)
    )[1]
    council.post(f"/nominations/{nomination}/decide", data={"csrf_token": csrf(council, "/district"),
                 "decision": "declined", "reason": "No"})  # fmt: skip
    page = client.get("/notifications").get_data(as_text=True)
    note = re.search(r'action="/notifications/(\w+)/read"', page)[1]

    read = client.post(f"/notifications/{note}/read", data={"csrf_token": csrf(client, "/notifications")})
    after = words(client.get(read.headers["Location"]))

    assert "Marked as read." in after
    assert "0 unread of 1" in after
    assert "unread" not in words(client.get("/")).split("Notifications", 1)[1][:20]
    missing = client.post("/notifications/email", data={"csrf_token": csrf(client, "/notifications")})
    assert missing.status_code == 400
    assert "Choose whether to get emails" in words(missing)
    chosen = client.post(
        "/notifications/email", data={"csrf_token": csrf(client, "/notifications"), "email": "no"}
    )
    assert "Your email choice is saved." in words(client.get(chosen.headers["Location"]))
    assert 'id="email-no" name="email" type="radio" value="no" checked' in client.get(
        "/notifications"
    ).get_data(as_text=True)


def test_an_admin_sees_failing_jobs_with_their_reason_and_sets_a_councils_response_time(
    app, client, person_signing_in
):
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.add(Event(key="rejected:x", kind="rejected", subject_id="x", young_people=[], options=[],
                          created_at=datetime.now(UTC), attempts=3, last_error="OperationalError while proposing again"))  # fmt: skip
    person_signing_in(client, Role.ADMIN)

    jobs = words(client.get("/jobs"))
    assert "Rejected" in jobs
    assert "OperationalError while proposing again" in jobs

    bad = client.post("/councils/crawley", data={"csrf_token": csrf(client, "/councils"), "days": "0"})
    assert bad.status_code == 400
    assert "Enter a number of days from 1 to 365" in words(bad)
    assert 'value="0"' in bad.get_data(as_text=True)
    saved = client.post("/councils/crawley", data={"csrf_token": csrf(client, "/councils"), "days": "14"})
    assert "Crawley's response time is saved." in words(client.get(saved.headers["Location"]))
    assert (
        'id="days-crawley" name="days" type="text" inputmode="numeric"\n             value="14"'
        in client.get("/councils").get_data(as_text=True)
    )
    cleared = client.post("/councils/crawley", data={"csrf_token": csrf(client, "/councils"), "days": ""})
    assert cleared.status_code == 302


def test_only_admins_see_the_jobs_and_councils_pages(client, person_signing_in):
    person_signing_in(client, Role.HOUSING_OFFICER)
    assert client.get("/jobs").status_code == 403
    assert client.get("/councils").status_code == 403
    assert client.get("/notifications").status_code == 200
