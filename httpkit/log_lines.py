"""Log lines that cannot be forged: what a client sent is written with its control characters escaped.

A path is decoded before it is logged, so `/x%0A127.0.0.1 "GET /admin" 200` put a second, made-up
line in the access log (issue 27). Every value a client chose is escaped before it reaches a log
line: control characters (newlines, carriage returns, escape sequences for a terminal) and the
Unicode line and paragraph separators become visible `\\xNN` / `\\uNNNN` escapes.
"""

import re

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escaped(text: object) -> object:
    """Text with its control characters escaped; anything else unchanged."""
    if not isinstance(text, str):
        return text
    return CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text
    )
