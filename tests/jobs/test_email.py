"""Email: rendered from the notification, sent once by the configured channel, audited; a user may opt out."""

import socket

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from housing.models import AuditEntry, SentEmail, User
from housing.services import notifications
from jobs import mail
from tests.builders import add_young_person, matching_run, supported_place
from tests.kept_current import immediate  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("immediate")


class Inbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, _server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp(app):
    """A real SMTP server on a free local port, and the app pointed at it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port, MAIL_FROM="pathways@test.example")
    yield inbox
    controller.stop()


def a_rejection(client, officer):
    add_young_person(client, officer, "A")
    supported_place(client, officer, "Worthing")
    supported_place(client, officer, "Lancing")
    [proposal] = matching_run(client, officer)["proposals"]
    return client.post(
        f"/api/v1/proposals/{proposal['id']}/reject", json={"reason": "Too far"}, headers=officer
    )


def test_a_notification_is_emailed_once_by_smtp_with_its_link_and_audited(client, officer, smtp, db, app):
    assert a_rejection(client, officer).status_code == 200

    [message] = smtp.messages
    text = message.content.decode()
    assert message.rcpt_tos == ["housing_officer.county@test.example"]
    assert "Subject: A new proposal is ready" in text
    assert "http://127.0.0.1:5000/runs/" in text
    assert "Exampleton" not in text  # the link, never the record
    [sent] = db.scalars(select(SentEmail)).all()
    assert (sent.channel, sent.error) == ("smtp", None)
    assert sent.sent_at is not None
    assert db.scalar(select(AuditEntry.detail).where(AuditEntry.action == "notify")) == (
        "emailed housing_officer.county@test.example by the smtp channel: 'A new proposal is ready' "
        "(new proposal)"
    )  # the email by whom it went to, what it said and its kind: no notification id
    app.extensions["pathways_tasks"]["send_email"](sent.notification_id)  # delivered again by the queue
    assert len(smtp.messages) == 1


def test_a_user_who_chose_no_email_still_sees_the_notification_but_gets_no_email(
    client, officer, smtp, db, app
):
    client.get("/api/v1/notifications", headers=officer)  # the officer exists
    user = db.scalar(select(User).where(User.email == "housing_officer.county@test.example"))
    with app.extensions["pathways"].writer_factory() as session:
        notifications.choose_email(session, user.id, wanted=False)

    assert a_rejection(client, officer).status_code == 200

    assert client.get("/api/v1/notifications", headers=officer).json["total"] == 1
    assert smtp.messages == []
    assert db.scalars(select(SentEmail)).all() == []


def test_with_a_notify_key_the_email_goes_through_gov_uk_notify(client, officer, app, db):
    sent = []

    class Notify:  # GOV.UK Notify's client, as far as this service uses it
        def send_email_notification(self, **fields):
            sent.append(fields)
            return {"id": "notify-1"}

    app.config.update(NOTIFY_API_KEY="test-key", NOTIFY_TEMPLATE_ID="template-1", NOTIFY_CLIENT=Notify())
    assert mail.channel(app.config) == "notify"

    assert a_rejection(client, officer).status_code == 200

    [fields] = sent
    assert (fields["email_address"], fields["template_id"]) == (
        "housing_officer.county@test.example",
        "template-1",
    )
    assert fields["personalisation"]["subject"] == "A new proposal is ready"
    assert db.scalar(select(SentEmail.details)) == {"notify_id": "notify-1"}


def test_without_a_key_or_a_host_emails_wait_in_the_outbox(client, officer, app, db):
    assert mail.channel(app.config) == "outbox"

    assert a_rejection(client, officer).status_code == 200

    [kept] = db.scalars(select(SentEmail)).all()
    assert (kept.channel, kept.subject) == ("outbox", "A new proposal is ready")
