"""The admin's users page and `flask users`: every role named, users disabled, enabled, re-roled and
unlocked, each audited (issue 24 item 6, issue 27)."""

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from housing.models import AuditEntry, SignInThrottle, User
from housing.permissions import STAFF
from housing.services import accounts, sign_ins
from housing.vocabulary import Role
from tests.web.conftest import PASSWORD, csrf
from web.users import ROLE_NAMES

EMAIL = "housing_officer.county@test.example"


def test_every_role_is_named_on_the_users_page_and_an_admin_creates_a_user_of_each(
    client, person_signing_in, db
):
    assert set(ROLE_NAMES) == set(Role), "each role needs its words on the users page"
    person_signing_in(client, Role.ADMIN)
    token = csrf(client, "/users")
    for role in STAFF:  # a young person's account is made by an officer's invitation, bound to their record
        district = "arun" if role is Role.DISTRICT_OFFICER else ""
        made = client.post("/users", data={"csrf_token": token, "email": f"new.{role.value}@x.example",
                                           "role": role.value, "district": district})  # fmt: skip
        assert made.status_code == 200, (role, made.get_data(as_text=True)[:300])
    page = client.get("/users").get_data(as_text=True)

    assert 'value="young_person"' not in page
    for role in STAFF:
        assert db.scalar(select(User.role).where(User.email == f"new.{role.value}@x.example")) == role
        assert f'<option value="{role.value}" >{ROLE_NAMES[role]}</option>' in page
        cell = re.search(rf"new\.{role.value}@x\.example</td>\s*<td[^>]*>([^<]*)</td>", page)[1]
        assert cell.startswith(ROLE_NAMES[role])


def test_an_admin_disables_a_user_whose_token_page_session_and_password_stop_at_once_then_enables_them(
    app, client, person_signing_in, auth, db
):
    officer = app.test_client()
    person_signing_in(officer)
    token = auth.headers(Role.HOUSING_OFFICER)
    person_signing_in(client, Role.ADMIN)
    user = db.scalars(select(User).where(User.email == EMAIL)).one()

    disabled = client.post(f"/users/{user.id}/disable", data={"csrf_token": csrf(client, "/users")})

    assert disabled.status_code == 200
    assert "disabled: their token, password and open pages stopped working" in disabled.get_data(as_text=True)
    assert client.get("/api/v1/young-people", headers=token).status_code == 401
    assert officer.get("/").status_code == 302  # their open page sends them to sign in
    again = officer.post("/sign-in", data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(officer)})
    assert again.status_code == 400
    assert "Disabled" in client.get("/users").get_data(as_text=True)

    client.post(f"/users/{user.id}/enable", data={"csrf_token": csrf(client, "/users")})

    assert client.get("/api/v1/young-people", headers=token).status_code == 200
    db.rollback()
    actions = list(
        db.scalars(select(AuditEntry.action).where(AuditEntry.role == "admin").order_by(AuditEntry.id))
    )
    assert actions[-2:] == ["user disabled", "user enabled"]


def test_an_admin_cannot_disable_themselves(client, person_signing_in, db):
    _, email = person_signing_in(client, Role.ADMIN)
    me = db.scalars(select(User).where(User.email == email)).one()

    refused = client.post(f"/users/{me.id}/disable", data={"csrf_token": csrf(client, "/users")})

    assert refused.status_code == 400
    assert "You cannot disable yourself" in refused.get_data(as_text=True)
    assert client.get("/users").status_code == 200


def test_an_admin_changes_a_users_role_and_their_sessions_end(app, client, person_signing_in, auth, db):
    officer = app.test_client()
    person_signing_in(officer)
    token = auth.headers(Role.HOUSING_OFFICER)
    person_signing_in(client, Role.ADMIN)
    user = db.scalars(select(User).where(User.email == EMAIL)).one()

    changed = client.post(
        f"/users/{user.id}/role", data={"csrf_token": csrf(client, "/users"), "role": "commissioner"}
    )

    assert changed.status_code == 200
    assert f"{EMAIL} is now Commissioner" in changed.get_data(as_text=True)
    assert client.get("/api/v1/young-people", headers=token).status_code == 403
    assert client.get("/api/v1/sufficiency", headers=token).status_code == 200
    assert officer.get("/").status_code == 302
    no_district = client.post(
        f"/users/{user.id}/role", data={"csrf_token": csrf(client, "/users"), "role": "district_officer"}
    )
    assert no_district.status_code == 400
    assert "Choose the council a district officer works for" in no_district.get_data(as_text=True)


def test_an_admin_unlocks_a_user_paused_by_wrong_passwords(app, client, person_signing_in, db):
    person_signing_in(app.test_client())
    guesser = app.test_client()
    for _ in range(sign_ins.PER_ACCOUNT):
        guesser.post(
            "/sign-in", data={"email": EMAIL, "password": "wrong guess", "csrf_token": csrf(guesser)}
        )
    person_signing_in(client, Role.ADMIN)
    user = db.scalars(select(User).where(User.email == EMAIL)).one()

    client.post(f"/users/{user.id}/unlock", data={"csrf_token": csrf(client, "/users")})

    db.rollback()
    assert (
        db.scalar(select(SignInThrottle.key).where(SignInThrottle.account == accounts.account_key(EMAIL)))
        is None
    )
    right = guesser.post("/sign-in", data={"email": EMAIL, "password": PASSWORD, "csrf_token": csrf(guesser)})
    assert right.status_code == 302


def test_a_common_password_is_refused_on_the_users_page_beside_its_field(client, person_signing_in, db):
    person_signing_in(client, Role.ADMIN)
    user = db.scalars(select(User).where(User.email.like("admin%"))).one()

    refused = client.post(
        f"/users/{user.id}/password", data={"csrf_token": csrf(client, "/users"), "password": "aaaaaaaaaaaa"}
    )

    assert refused.status_code == 400
    assert "The password is too common" in refused.get_data(as_text=True)


def test_the_command_line_disables_enables_re_roles_and_unlocks_a_user(app, client, auth):
    token = auth.headers(Role.HOUSING_OFFICER)
    runner = app.test_cli_runner()

    disabled = runner.invoke(args=["users", "disable", EMAIL])
    refused = client.get("/api/v1/young-people", headers=token).status_code
    enabled = runner.invoke(args=["users", "enable", EMAIL])
    allowed = client.get("/api/v1/young-people", headers=token).status_code
    role = runner.invoke(args=["users", "role", EMAIL, "--role", "commissioner"])
    unlocked = runner.invoke(args=["users", "unlock", EMAIL])
    unknown = runner.invoke(args=["users", "disable", "nobody@x.example"])

    assert disabled.exit_code == enabled.exit_code == role.exit_code == unlocked.exit_code == 0
    assert (refused, allowed) == (401, 200)
    assert client.get("/api/v1/young-people", headers=token).status_code == 403  # a commissioner now
    assert unknown.exit_code != 0
    assert "no user with email" in unknown.output


def test_a_token_expires_90_days_after_issue(app, client, auth, db):
    token = auth.headers(Role.HOUSING_OFFICER)
    issued = db.scalars(select(User).where(User.email == EMAIL)).one()
    assert issued.token_expires_at - issued.token_issued_at == timedelta(days=90)
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.execute(
            update(User)
            .where(User.email == EMAIL)
            .values(token_expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )

    expired = client.get("/api/v1/young-people", headers=token)

    assert expired.status_code == 401
    assert expired.json["message"] == "the token is not valid or was revoked"
