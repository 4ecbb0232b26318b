"""Passwords: scrypt from the standard library, reading the hashes the service already stored."""

from housing.passwords import hash_password, verify

# Written by werkzeug.security.generate_password_hash("correct horse"), as accounts were before.
STORED_BEFORE = (
    "scrypt:32768:8:1$cJe1f9fXOdT5M3Ay$11d937925157269dd349001b9534a267b874b522c9af85eddcfa75f4207c41af"
    "792f2fa6eca23786d56a0133cf49ae11fe1487253976c46a80759c25d6f6ec61"
)


def test_a_hash_stored_before_still_verifies() -> None:
    assert verify(STORED_BEFORE, "correct horse")
    assert not verify(STORED_BEFORE, "wrong horse")


def test_a_password_verifies_against_its_own_hash_and_no_other() -> None:
    stored = hash_password("correct horse")
    assert stored.startswith("scrypt:32768:8:1$")
    assert verify(stored, "correct horse")
    assert not verify(stored, "Correct horse")


def test_two_hashes_of_one_password_differ_by_their_salt() -> None:
    assert hash_password("same") != hash_password("same")


def test_a_malformed_or_foreign_hash_never_verifies() -> None:
    assert not verify("", "x")
    assert not verify("pbkdf2:sha256:1$salt$00", "x")
    assert not verify("scrypt:notanumber:8:1$salt$00", "x")
