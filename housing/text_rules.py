"""Text that people type: references compared as a reader would, and invisible controls refused.

A reference is an id a person reads aloud or types from a letter, so `WS-0001`, ` ws-0001 `,
`ＷＳ－０００１` (full-width) and `WS 0001` name one young person: they share a key (NFKC, spaces
removed, case-folded) that is unique in the store. Names and references refuse the characters that
change how text looks without being seen: right-to-left overrides and isolates (which can show
`ABC` + U+202E + `123` as `ABC321`), zero-width spaces and joiners, and other control characters.
"""

import re
import unicodedata

# Bidirectional controls (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), zero-width characters
# (U+200B-U+200D, U+2060, U+FEFF, U+180E), and the C0 and C1 controls.
INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
INVISIBLE_REASON = "holds an invisible or right-to-left control character: type the text again without it"


def invisible_problem(text: str) -> str | None:
    return INVISIBLE_REASON if INVISIBLE.search(text) else None


def normal_reference(reference: str) -> str:
    """The reference as kept: NFKC (full-width letters and digits as plain ones), trimmed."""
    return unicodedata.normalize("NFKC", reference).strip()


def reference_key(reference: str) -> str:
    """What two references must not share: NFKC, without any space, case-folded."""
    return "".join(unicodedata.normalize("NFKC", reference).casefold().split())
