"""Password hashing with the standard library's scrypt, so the domain needs no web framework.

Stored as `scrypt:N:r:p$salt$hex`, the format the service has always written (werkzeug's), so
existing hashes keep verifying. N = 2**15, r = 8, p = 1 are scrypt's interactive-login figures.
"""

import hashlib
import hmac
import secrets

N, R, P = 2**15, 8, 1
SALT_CHARS = 16


def _derive(password: str, salt: str, n: int, r: int, p: int) -> str:
    maxmem = 132 * n * r * p  # scrypt needs 128·N·r bytes, plus a little
    return hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=maxmem).hex()


def hash_password(password: str) -> str:
    salt = secrets.token_urlsafe(SALT_CHARS)[:SALT_CHARS]
    return f"scrypt:{N}:{R}:{P}${salt}${_derive(password, salt, N, R, P)}"


def verify(stored: str, password: str) -> bool:
    """True when `password` gives `stored`; a hash of another form never matches."""
    try:
        method, salt, digest = stored.split("$", 2)
        name, n, r, p = method.split(":")
        if name != "scrypt":
            return False
        derived = _derive(password, salt, int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(derived, digest)
