"""Signing in tells no one who has an account, and `next` leads only to a page of this site."""

import re

import pytest
from sqlalchemy import select

from housing import passwords
from housing.models import SignInThrottle
from housing.services import accounts, sign_ins
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

    assert sign_ins.REFUSED in unknown
    assert sign_ins.REFUSED in wrong
    assert unknown.replace("nobody@test.example", EMAIL) == wrong


def test_a_paused_client_and_an_unknown_email_tried_as_often_get_the_same_words(client, password_user, db):
    for _ in range(sign_ins.PER_ACCOUNT):
        refusal(client, EMAIL, "wrong password")
        refusal(client, "nobody@test.example", "wrong password")

    locked = refusal(client, EMAIL, PASSWORD)  # the right password, but this client is paused
    unknown = refusal(client, "nobody@test.example", PASSWORD)

    assert "Too many" not in locked
    assert unknown.replace("nobody@test.example", EMAIL) == locked
    assert (
        db.scalar(select(SignInThrottle.locked_until).where(SignInThrottle.account.is_not(None))) is not None
    )


def from_address(app, address: str):
    """A browser on another device: the throttle tells devices apart by their address."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_a_strangers_wrong_passwords_do_not_keep_the_user_out_from_their_own_device(app, password_user):
    stranger, officer = from_address(app, "203.0.113.9"), from_address(app, "198.51.100.7")
    for _ in range(sign_ins.PER_ACCOUNT * 3):
        refusal(stranger, EMAIL, "wrong password")

    from_the_stranger = stranger.post(
        "/sign-in", data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(stranger)}
    )
    from_the_officer = officer.post(
        "/sign-in", data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(officer)}
    )

    assert from_the_stranger.status_code == 400  # the stranger's own device is paused
    assert from_the_officer.status_code == 302  # the officer signs in as usual


def test_a_client_guessing_across_many_accounts_is_paused_for_all_of_them(app, password_user):
    sprayer = from_address(app, "203.0.113.10")
    for n in range(sign_ins.PER_CLIENT):
        refusal(sprayer, f"someone{n}@test.example", "wrong password")

    right = sprayer.post("/sign-in", data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(sprayer)})

    assert right.status_code == 400


def test_an_admin_unlock_lets_a_paused_device_sign_in_again(app, client, password_user, db):
    for _ in range(sign_ins.PER_ACCOUNT):
        refusal(client, EMAIL, "wrong password")
    with app.extensions["pathways"].writer_factory() as session:
        accounts.unlock(session, EMAIL)

    again = client.post("/sign-in", data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(client)})

    assert again.status_code == 302
    assert db.scalar(select(SignInThrottle.key).where(SignInThrottle.account.is_not(None))) is None


def test_a_disabled_user_is_refused_with_the_same_words_even_with_the_right_password(
    app, client, password_user
):
    with app.extensions["pathways"].writer_factory() as session:
        accounts.disable(session, EMAIL)

    refused = refusal(client, EMAIL, PASSWORD)

    assert sign_ins.REFUSED in refused


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
    assert sign_ins.REFUSED in response.get_data(as_text=True)
