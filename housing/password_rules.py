"""What a password must be: long, and not one of the passwords an attacker tries first.

NCSC guidance ("Password administration for system owners"): no complexity rules, no expiry,
but a minimum length and a deny-list of the most common passwords, since those are what a
guessing attack tries first. Length alone let `aaaaaaaaaaaa` and `Password2026!` through. The
deny-list is small and shipped in the repository (`common_passwords.txt`); beside it, a password
that is one short piece repeated, or a common word once its digits and symbols are taken away,
is refused too (`Summer2026!!`, `abcabcabcabc`, `123456789012`).
"""

import itertools
import re
from functools import cache
from pathlib import Path

MIN_LENGTH = 12
MAX_LENGTH = 1024  # scrypt of a megabyte-long password would be a denial of service
LIST = Path(__file__).with_name("common_passwords.txt")
# Words that with digits and symbols added make most of the common long passwords.
COMMON_WORDS = frozenset({
    "password",
    "passw0rd",
    "qwerty",
    "qwertyuiop",
    "asdfgh",
    "asdfghjkl",
    "zxcvbnm",
    "letmein",
    "welcome",
    "iloveyou",
    "football",
    "monkey",
    "dragon",
    "sunshine",
    "princess",
    "admin",
    "administrator",
    "summer",
    "winter",
    "spring",
    "autumn",
    "changeme",
    "secret",
    "westsussex",
    "sussex",
    "chichester",
    "crawley",
    "worthing",
    "horsham",
    "pathways",
    "pathway",
    "housing",
    "council",
    "abc",
    "abcdef",
    "abcdefgh",
    "trustno",
    "master",
    "login",
    "hello",
    "charlie",
    "freedom",
    "whatever",
    "baseball",
    "shadow",
})  # fmt: skip


@cache
def _listed() -> frozenset[str]:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def problem(password: str) -> str | None:
    """Why a password is refused, in words for the person choosing it, or None."""
    if len(password) < MIN_LENGTH:
        return f"must be at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"must be at most {MAX_LENGTH} characters"
    folded = password.casefold()
    letters = re.sub(r"[\W\d_]+", "", folded)
    if folded in _listed() or letters in COMMON_WORDS or _repeated(folded):
        return "is too common: choose three random words, like 'cup river lantern'"
    if _sequence(folded):
        return "is too easy to guess: choose three random words, like 'cup river lantern'"
    return None


def _repeated(text: str) -> bool:
    """One piece of 1-4 characters over and over (`aaaaaaaaaaaa`, `abcabcabcabc`, `!!`)."""
    return any(len(text) % n == 0 and text == text[:n] * (len(text) // n) for n in range(1, 5))


def _sequence(text: str) -> bool:
    """Characters each one after the other, up or down (`123456789012`, `abcdefghijkl`)."""
    steps = {
        (ord(b) - ord(a)) % 10 if a.isdigit() and b.isdigit() else ord(b) - ord(a)
        for a, b in itertools.pairwise(text)
    }
    return steps in ({1}, {9}, {-1})
