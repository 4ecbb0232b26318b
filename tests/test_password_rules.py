"""Passwords the NCSC says to refuse: too short, common, one piece repeated, a run of keys."""

import pytest

from housing.password_rules import problem


@pytest.mark.parametrize(
    "password",
    ["aaaaaaaaaaaa", "abcabcabcabc", "123456789012", "Password2026!", "Summer2026!!", "WestSussex2026",
     "qwertyuiop123", "PASSWORDPASSWORD", "zyxwvutsrqpo", "short"],
)  # fmt: skip
def test_common_repeated_and_short_passwords_are_refused_with_a_reason(password):
    assert problem(password)


@pytest.mark.parametrize(
    "password", ["correct horse battery", "cup river lantern", "839201746253", "a long test password"]
)
def test_three_random_words_and_other_uncommon_passwords_are_accepted(password):
    assert problem(password) is None


def test_a_password_longer_than_1024_characters_is_refused_before_it_is_hashed():
    assert "at most 1024" in problem("x" * 2000 + "unusual words here")
