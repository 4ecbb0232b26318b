"""Signing in tells no one who has an account, and `next` leads only to a page of this site."""

import re

import pytest
from sqlalchemy import select

from housing import passwords
from housing.models import User
from housing.services import accounts
from housing.vocabulary import Role
from tests.web.conftest import PASSWORD, csrf

EMAIL = "housing_officer.county@test.example"

# Each would send a browser to another host (or run script) if followed; a browser drops tabs and
# newlines inside a URL and reads a backslash as a slash.
BYPASSES = [
    "//evil.example", "///evil.example", "////evil.example", "/\\evil.example", "\\/evil.example",
    "\\\\evil.example", "/%09/evil.example", "/\t/evil.example", "/%0a/evil.example", "/%0d/evil.example",
    "/%2F/evil.example", "/%2f%2fevil.example", "%2F%2Fevil.example", "/%5Cevil.example",
    "/%5C%5Cevil.example", "/%252F%252Fevil.example", "/%25%32%46/evil.example", " //evil.example",
    "%20//evil.example", "https://evil.example", "http:evil.example", "//evil.example/%2F..",
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,hi", "evil.example", "/\x00/evil.example",
    "/%00/evil.example", "/\u3002evil.example", "/\uff0f\uff0fevil.example", "\u2215\u2215evil.example",
    "/ /evil.example", "/%E3%80%82evil.example", "@evil.example", "/@evil.example:80",
]  # fmt: skip


@pytest.fixture
def password_user(app, auth):
    auth.token(Role.HOUSING_OFFICER)
    with app.extensions["pathways"].writer_factory() as session:
        accounts.set_password(session, EMAIL, PASSWORD)


@pytest.mark.parametrize("target", BYPASSES)
def test_next_never_leads_off_the_site(client, password_user, target):
    response = client.post(
        "/sign-in",
        query_string={"next": target},
        data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(client)},
    )

    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_the_issues_own_example_is_refused(client, password_user):
    response = client.post(
        "/sign-in?next=/%09/evil.example",
        data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(client)},
    )
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["/", "/young-people/0a1b2c", "/runs/abc-123", "/district"])
def test_next_leads_to_a_page_of_this_site(client, password_user, target):
    response = client.post(
        "/sign-in",
        query_string={"next": target},
        data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(client)},
    )
    assert response.headers["Location"] == target


def refusal(client, email: str, password: str) -> str:
    """The page a refused sign-in shows, less what differs on every page (the nonce, the CSRF token)."""
    response = client.post(
        "/sign-in", data={"email": email, "password": password, "csrf_token": csrf(client)}
    )
    assert response.status_code == 400
    return re.sub(r'(nonce="|name="csrf_token" value=")[^"]+"', r"\1", response.get_data(as_text=True))


def test_an_unknown_email_and_a_wrong_password_get_the_same_words(client, password_user):
    unknown = refusal(client, "nobody@test.example", "wrong password")
    wrong = refusal(client, EMAIL, "wrong password")

    assert accounts.REFUSED in unknown
    assert accounts.REFUSED in wrong
    assert unknown.replace("nobody@test.example", EMAIL) == wrong


def test_a_locked_account_and_an_unknown_email_tried_as_often_get_the_same_words(client, password_user, db):
    for _ in range(accounts.MAX_FAILED_SIGN_INS):
        refusal(client, EMAIL, "wrong password")
        refusal(client, "nobody@test.example", "wrong password")

    locked = refusal(client, EMAIL, PASSWORD)  # the right password, but locked
    unknown = refusal(client, "nobody@test.example", PASSWORD)

    assert "Too many" not in locked
    assert unknown.replace("nobody@test.example", EMAIL) == locked
    assert db.scalar(select(User.locked_until).where(User.email == EMAIL)) is not None


@pytest.mark.parametrize("email", ["nobody@test.example", EMAIL, "no-password@test.example"])
def test_every_sign_in_checks_one_password_hash_known_or_not(app, client, password_user, monkeypatch, email):
    """The same scrypt work whether or not the account exists: the time taken tells nothing."""
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(session, "no-password@test.example", Role.ADMIN, None)
    checked = []
    real = passwords.verify

    def counting(stored: str, password: str) -> bool:
        checked.append(stored.split("$", maxsplit=1)[0])
        return real(stored, password)

    monkeypatch.setattr(passwords, "verify", counting)
    refusal(client, email, "wrong password")

    assert checked == ["scrypt:32768:8:1"]


@pytest.mark.parametrize("field", ["email", "password"])
def test_a_nul_character_in_the_sign_in_form_is_refused_like_a_wrong_password(client, password_user, field):
    """PostgreSQL cannot even look such an email up: it is refused as any wrong sign-in, never a 500."""
    form = {"email": EMAIL, "password": PASSWORD} | {field: "a\x00b"}
    response = client.post("/sign-in", data=form | {"csrf_token": csrf(client)})

    assert response.status_code == 400
    assert accounts.REFUSED in response.get_data(as_text=True)
