"""Email through the configured channel: GOV.UK Notify when a key is set, SMTP when a host is set,
otherwise the outbox (kept in the store and shown to admins at /outbox, for `make run`).

At most one email per notification: the row is claimed (unique per notification) and committed
before sending; a worker killed mid-send leaves a claimed, unsent row that admins see on the
failures page, rather than a second email.
"""

import smtplib
from email.message import EmailMessage
from typing import Any

from sqlalchemy.orm import Session

from housing.services import emails

FOOTER = "\n\nYou can choose not to receive these emails on your notifications page."


def channel(config: Any) -> str:
    if config.get("NOTIFY_API_KEY"):
        return "notify"
    if config.get("SMTP_HOST"):
        return "smtp"
    return "outbox"


def deliver(session: Session, config: Any, notification_id: str) -> None:
    way = channel(config)
    link = config.get("PATHWAYS_BASE_URL", "http://127.0.0.1:5000")
    claimed = emails.claim(session, notification_id, way, link_base=link, footer=FOOTER)
    if claimed is None:
        return  # sent already, or the reader chose not to have emails
    try:
        details = SEND[way](config, claimed)
    except Exception as error:
        emails.failed(session, claimed.id, type(error).__name__)
        raise
    emails.sent(session, claimed.id, details)


def _smtp(config: Any, email: Any) -> dict[str, Any]:
    message = EmailMessage()
    message["From"] = config.get("MAIL_FROM", "pathways@localhost")
    message["To"] = email.to
    message["Subject"] = email.subject
    message.set_content(email.body)
    with smtplib.SMTP(config["SMTP_HOST"], int(config.get("SMTP_PORT", 25)), timeout=10) as server:
        server.send_message(message)
    return {}


def _notify(config: Any, email: Any) -> dict[str, Any]:
    from notifications_python_client.notifications import NotificationsAPIClient  # noqa: PLC0415

    client = config.get("NOTIFY_CLIENT") or NotificationsAPIClient(config["NOTIFY_API_KEY"])
    # One Notify template whose subject and body are ((subject)) and ((body)).
    answer = client.send_email_notification(
        email_address=email.to,
        template_id=config["NOTIFY_TEMPLATE_ID"],
        personalisation={"subject": email.subject, "body": email.body},
        reference=email.notification_id,
    )
    return {"notify_id": answer.get("id")}


def _outbox(_config: Any, _email: Any) -> dict[str, Any]:
    return {}  # kept in the store, shown at /outbox: nothing leaves the machine


SEND = {"smtp": _smtp, "notify": _notify, "outbox": _outbox}
