"""A young person's messages (issue 32): the notification centre on their own pages, in their words:
the viewing set for them, with a link to their plan; not the sign-in link that brought them; and the
staff's wording (records, councils) nowhere."""

from datetime import date, timedelta

from tests.builders import shared_proposal, signed_in_by_link
from tests.plain_words import reading_ease, visible_text
from tests.web.conftest import csrf


def test_their_messages_in_plain_words_with_the_viewing_and_without_the_sign_in_link(app, client, officer):
    person, proposal = shared_proposal(client, officer, "YP-MESSAGES")
    client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer)
    yp = app.test_client()
    signed_in_by_link(app, yp, "YP-MESSAGES", "messages@young.example")
    on = date.today() + timedelta(days=5)  # noqa: DTZ011 - the service's today
    set_ = client.post(f"/api/v1/young-people/{person}/move-steps", json={"kind": "viewing", "on": on.isoformat()},
                       headers=officer)  # fmt: skip
    assert set_.status_code == 201

    page = yp.get("/notifications")
    text = visible_text(page.get_data(as_text=True))

    assert page.status_code == 200
    assert "<title>Messages" in page.get_data(as_text=True)
    assert f"You will go to see the place on {on.day} {on:%B %Y}." in text
    assert 'href="/me"' in page.get_data(as_text=True)
    assert "sign in" not in text.lower()
    for staff_words in ("Notifications", "record", "council", "act for"):
        assert staff_words not in text, staff_words
    assert reading_ease(text) >= 70, text
    refused = yp.post("/notifications/email", data={"csrf_token": csrf(yp, "/notifications")})
    assert refused.status_code == 400
    assert "Email me my messages too" in refused.get_data(as_text=True)


def test_staff_keep_their_notifications_page(client, person_signing_in):
    person_signing_in(client)
    assert "<title>Notifications" in client.get("/notifications").get_data(as_text=True)
