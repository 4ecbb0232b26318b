"""Sessions end on the server: a copy of the cookie opens nothing once the session is over."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from housing.models import PageSession
from housing.services import accounts, sign_ins
from housing.vocabulary import Role
from tests.web.conftest import PASSWORD, csrf


def signed_in_copy(app, client, person_signing_in):
    """Sign `client` in and return a second client holding a copy of its session cookie, as a
    thief or a shared computer's next user would."""
    person_signing_in(client)
    assert client.get("/").status_code == 200
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    assert thief.get("/").status_code == 200
    return thief


def refused(client) -> bool:
    response = client.get("/")
    return response.status_code == 302 and response.headers["Location"].startswith("/sign-in")


def test_signing_out_ends_the_session_for_a_copy_of_the_cookie_too(app, client, person_signing_in, db):
    thief = signed_in_copy(app, client, person_signing_in)

    client.post("/sign-out", data={"csrf_token": csrf(client, "/")})

    assert refused(client)
    assert refused(thief)
    assert db.scalar(select(func.count()).select_from(PageSession)) == 0


def test_a_password_change_ends_every_session_of_the_user(app, client, person_signing_in):
    thief = signed_in_copy(app, client, person_signing_in)
    with app.extensions["pathways"].writer_factory() as session:
        accounts.set_password(session, "housing_officer.county@test.example", PASSWORD + " new")

    assert refused(thief)
    assert refused(client)


def test_an_admins_revoke_ends_every_session_of_the_user(app, client, person_signing_in):
    thief = signed_in_copy(app, client, person_signing_in)

    result = app.test_cli_runner().invoke(args=["users", "revoke", "housing_officer.county@test.example"])

    assert result.exit_code == 0, result.output
    assert "ended their page sessions" in result.output
    assert refused(thief)


def test_a_strangers_wrong_passwords_leave_the_users_own_sessions_open(app, client, person_signing_in):
    """A stranger who knows an email must not be able to sign its user out (issue 27)."""
    own = signed_in_copy(app, client, person_signing_in)
    guesser = app.test_client()
    guesser.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    for _ in range(sign_ins.PER_ACCOUNT * 2):
        guesser.post(
            "/sign-in",
            data={
                "email": "housing_officer.county@test.example",
                "password": "guess",
                "csrf_token": csrf(guesser),
            },
        )

    assert not refused(own)


def test_disabling_a_user_ends_their_page_sessions_and_token_at_once(app, client, person_signing_in, auth):
    own = signed_in_copy(app, client, person_signing_in)
    token = auth.headers(Role.HOUSING_OFFICER)
    with app.extensions["pathways"].writer_factory() as session:
        accounts.disable(session, "housing_officer.county@test.example")

    assert refused(own)
    assert client.get("/api/v1/young-people", headers=token).status_code == 401


def test_sessions_are_kept_in_the_database_so_every_worker_agrees(app, client, person_signing_in):
    """Another app (another gunicorn worker) over the same database honours a sign-out made here."""
    from tests.conftest import make_app  # noqa: PLC0415

    thief = signed_in_copy(app, client, person_signing_in)
    other_worker = make_app(app.config["DATABASE_URL"])
    try:
        elsewhere = other_worker.test_client()
        elsewhere.set_cookie("session", thief.get_cookie("session").value)
        assert elsewhere.get("/").status_code == 200
        client.post("/sign-out", data={"csrf_token": csrf(client, "/")})
        assert refused(elsewhere)
    finally:
        other_worker.extensions["pathways"].engine.dispose()


@pytest.mark.parametrize(
    ("idle", "signed_in", "ends"),
    [
        (timedelta(minutes=29), timedelta(hours=11, minutes=59), False),
        (timedelta(minutes=31), timedelta(hours=1), True),  # idle for half an hour
        (timedelta(minutes=1), timedelta(hours=12, minutes=1), True),  # busy, but signed in 12 hours ago
    ],
)
def test_a_session_ends_after_30_minutes_idle_or_12_hours_in_all(
    app, client, person_signing_in, idle, signed_in, ends
):
    thief = signed_in_copy(app, client, person_signing_in)
    now = datetime.now(UTC)
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.execute(update(PageSession).values(seen_at=now - idle, signed_in_at=now - signed_in))

    assert refused(thief) is ends


def test_the_cookie_alone_cannot_claim_a_user(app, client, person_signing_in):
    """The cookie names a session, never a user: a cookie naming a user id (the old form) opens nothing."""
    person_signing_in(client)
    with client.session_transaction() as cookie:
        cookie.pop("session_token")
        cookie["user_id"] = "anyone"
        cookie["seen_at"] = datetime.now(UTC).timestamp()

    assert refused(client)


def test_signing_in_begins_a_new_session_not_the_one_before(app, client, person_signing_in, db):
    person_signing_in(client)
    before = client.get_cookie("session").value
    person_signing_in(client)

    assert client.get_cookie("session").value != before
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("role", [Role.DISTRICT_OFFICER, Role.HOUSE_PROJECT_COORDINATOR, Role.ADMIN])
def test_every_role_signs_out_alike(app, client, person_signing_in, role):
    response, _ = person_signing_in(client, role)
    home = response.headers["Location"]
    assert client.get(home).status_code == 200
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)

    client.post("/sign-out", data={"csrf_token": csrf(client, home)})

    assert thief.get(home).status_code == 302


def test_signing_in_again_ends_the_session_this_browser_held(app, client, person_signing_in, db):
    thief = signed_in_copy(app, client, person_signing_in)
    person_signing_in(client)

    assert refused(thief)
    assert client.get("/").status_code == 200
    assert db.scalar(select(func.count()).select_from(PageSession)) == 1


def test_signing_in_clears_the_users_expired_sessions(app, client, person_signing_in, db):
    person_signing_in(client)
    old = datetime.now(UTC) - timedelta(minutes=31)
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.execute(update(PageSession).values(seen_at=old))

    person_signing_in(app.test_client())

    db.rollback()
    assert db.scalar(select(func.count()).select_from(PageSession)) == 1
