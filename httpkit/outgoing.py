"""Emails a face asks for after its use case commits: handed to the queue's `send_email` task once
the response is sent and the request's session is closed.

Not before: the request's session may still hold SQLite's write lock (a read after the commit
opens a new writing transaction there), and a queue in immediate mode would wait on it. The
notification is in the store already (its reader sees it in the notification centre whatever
happens here); a queue that cannot take the job loses only the email, and only its type is logged.
"""

import logging
from collections.abc import Callable

from flask import after_this_request, current_app
from werkzeug.wrappers import Response

logger = logging.getLogger(__name__)


def send_emails(notification_ids: list[str]) -> None:
    send = current_app.extensions.get("pathways_tasks", {}).get("send_email")
    if send is None or not notification_ids:
        return

    @after_this_request
    def when_sent(response: Response) -> Response:
        response.call_on_close(lambda: _hand_over(send, list(notification_ids)))
        return response


def _hand_over(send: Callable[[str], object], notification_ids: list[str]) -> None:
    for notification_id in notification_ids:
        try:
            send(notification_id)
        except Exception as error:  # the change stands; never a value in the log
            logger.warning("the queue did not take an email (%s)", type(error).__name__)
