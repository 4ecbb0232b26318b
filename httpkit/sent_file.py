"""A file sent to the API as the multipart form field `file`: councils' vacancies and the county's imports.

Both take it the same way, so a client meets one set of refusals: a body over the limit is a 413
before the form is read; no file is a 422 under `errors.files.file`; a refused file is a 422
listing each problem; a file over 5 MB itself is a 413.
"""

from collections.abc import Callable
from typing import TypeVar

from flask import request
from flask_smorest import abort

from housing.services.import_problems import ImportRefused
from httpkit.tabular import MAX_FILE_BYTES

# A multipart body carries its boundaries and headers beside the file.
MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024
MISSING = "missing: send a .csv or .xlsx file as the form field 'file'"
Done = TypeVar("Done")


class TooLarge(Exception):
    """The file itself is over the limit (the body's limit lets a little more through for the form)."""


def taken(use: Callable[[str, bytes], Done], too_large: str) -> Done:
    """What `use(filename, content)` returns, or the request aborted with the contract's refusal."""
    if (request.content_length or 0) > MAX_BODY_BYTES:
        abort(413, message=too_large)
    request.max_content_length = MAX_BODY_BYTES
    sent = request.files.get("file")
    if sent is None or not sent.filename:
        abort(422, message="Send the file as the form field 'file'.", errors={"files": {"file": [MISSING]}})
    try:
        return use(sent.filename, sent.read())
    except ImportRefused as refused:
        abort(422, message=refused.message, errors={"files": refused.fields})
    except TooLarge as over:
        abort(413, message=str(over))
