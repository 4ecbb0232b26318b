"""Emails a face asks for after its use case commits: handed to the queue's `send_email` task.

The notification is in the store already (its reader sees it in the notification centre whatever
happens here); a queue that cannot take the job loses only the email, and only its type is logged.
"""

import logging

from flask import current_app

logger = logging.getLogger(__name__)


def send_emails(notification_ids: list[str]) -> None:
    send = current_app.extensions.get("pathways_tasks", {}).get("send_email")
    for notification_id in notification_ids if send else []:
        try:
            send(notification_id)
        except Exception as error:  # the decision stands; never a value in the log
            logger.warning("the queue did not take an email (%s)", type(error).__name__)
