"""The pages as a person meets them: signing in, being kept out, the security of forms and sessions."""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from housing.models import SignInThrottle
from housing.services import accounts, sign_ins
from housing.vocabulary import Role
from tests.web.conftest import PASSWORD, csrf
from web import deadlines


def test_an_officer_signs_in_and_lands_on_the_home_page(client, person_signing_in):
    response, _ = person_signing_in(client)

    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    page = client.get("/")
    assert page.status_code == 200
    assert '<h1 class="govuk-heading-l">Who is due</h1>' in page.get_data(as_text=True)


def test_the_session_cookie_is_secure_outside_development(database_url):
    from api import create_app  # noqa: PLC0415

    production = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "x"})
    assert production.config["SESSION_COOKIE_SECURE"] is True
    assert (
        production.test_client().get("/sign-in").headers["Strict-Transport-Security"].startswith("max-age=")
    )


def test_the_session_cookie_has_the_host_prefix_outside_development(database_url):
    from api import create_app  # noqa: PLC0415

    production = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "x"})
    cookie = production.test_client().get("/sign-in").headers["Set-Cookie"]

    assert cookie.startswith("__Host-session=")
    assert "Secure" in cookie
    assert "Path=/" in cookie
    assert "Domain" not in cookie
    production.extensions["pathways"].engine.dispose()


def test_pages_need_signing_in_and_the_right_role(client, person_signing_in):
    assert client.get("/").status_code == 302
    assert client.get("/").headers["Location"] == "/sign-in?next=/"

    person_signing_in(client, Role.DISTRICT_OFFICER)
    refused = client.get("/")
    assert refused.status_code == 403
    assert "You cannot see this page" in refused.get_data(as_text=True)


def test_a_wrong_password_is_shown_beside_the_field_and_in_the_summary(client, auth):
    auth.token(Role.HOUSING_OFFICER)
    response = client.post(
        "/sign-in",
        data={"email": "housing_officer.county@test.example", "password": "nope", "csrf_token": csrf(client)},
    )

    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "There is a problem" in text
    assert 'href="#email"' in text
    assert "govuk-error-message" in text
    assert "<title>Error: Sign in – Pathways</title>" in text


def test_five_failures_from_one_device_pause_its_sign_in_even_with_the_right_password(
    app, client, person_signing_in, db
):
    _, email = person_signing_in(app.test_client())
    for _ in range(5):
        client.post("/sign-in", data={"email": email, "password": "wrong", "csrf_token": csrf(client)})

    locked = client.post("/sign-in", data={"email": email, "password": PASSWORD, "csrf_token": csrf(client)})

    assert locked.status_code == 400
    assert sign_ins.REFUSED in locked.get_data(as_text=True)
    db.rollback()
    key = accounts.account_key(email)
    assert db.scalar(select(SignInThrottle.locked_until).where(SignInThrottle.account == key)) > datetime.now(
        UTC
    )


def test_a_form_without_its_csrf_token_is_refused(client, auth):
    auth.token(Role.HOUSING_OFFICER)
    client.get("/sign-in")
    response = client.post(
        "/sign-in", data={"email": "housing_officer.county@test.example", "password": PASSWORD}
    )

    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302  # not signed in


def test_signing_out_ends_the_session(client, person_signing_in):
    person_signing_in(client)
    client.post("/sign-out", data={"csrf_token": csrf(client, "/")})
    assert client.get("/").status_code == 302


def test_next_only_leads_to_a_page_of_this_site(client, auth, app):
    auth.token(Role.HOUSING_OFFICER)
    with app.extensions["pathways"].writer_factory() as session:
        accounts.set_password(session, "housing_officer.county@test.example", PASSWORD)
    response = client.post(
        "/sign-in?next=//evil.example/",
        data={
            "email": "housing_officer.county@test.example",
            "password": PASSWORD,
            "csrf_token": csrf(client),
        },
    )
    assert response.headers["Location"] == "/"


def test_users_create_with_a_password_read_from_standard_input(app, client):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "pat@x.example", "--role", "housing_officer", "--password"],
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    response = client.post(
        "/sign-in", data={"email": "pat@x.example", "password": PASSWORD, "csrf_token": csrf(client)}
    )
    assert response.status_code == 302
    short = app.test_cli_runner().invoke(args=["users", "password", "pat@x.example"], input="short\n")
    assert short.exit_code != 0
    assert "at least 12" in short.output


def test_the_gov_uk_frontend_assets_are_served_by_the_app(client):
    for path in ("/assets/govuk-frontend.min.css", "/assets/govuk-frontend.min.js", "/assets/manifest.json",
                 "/static/init.js"):  # fmt: skip
        with client.get(path) as response:
            assert response.status_code == 200, path
    with client.get("/assets/not-there.css") as missing:
        assert missing.status_code == 404


def test_every_page_names_the_roles_it_admits_or_is_one_of_the_open_ones(app):
    from web.sessions import ROLES_ATTRIBUTE  # noqa: PLC0415

    # Signing in: with a password, or (a young person) by asking for a link and using it.
    open_pages = {"auth.sign_in", "auth.sign_out", "assets", "static", "own_pages.ask_for_link",
                  "own_pages.sign_in_by_link"}  # fmt: skip
    unguarded = [
        rule.rule
        for rule in app.url_map.iter_rules()
        if not rule.rule.startswith("/api/")
        and rule.endpoint not in open_pages
        and not hasattr(app.view_functions[rule.endpoint], ROLES_ATTRIBUTE)
    ]
    assert unguarded == []


def test_a_nul_character_in_a_page_address_or_query_is_refused_not_a_server_error(client, person_signing_in):
    person_signing_in(client)

    assert client.get("/young-people/a%00b").status_code == 404
    refused = client.get("/?home_district=crawley%00")
    assert refused.status_code == 400
    assert "A field holds a character that cannot be kept" in refused.get_data(as_text=True)
    assert client.get("/?home_district=crawley&home_district=x%00").status_code == 400  # every value read


def test_while_the_database_is_away_a_page_says_so_and_asks_to_try_again(
    client, person_signing_in, monkeypatch
):
    person_signing_in(client)

    def connection_lost(*_args, **_kwargs):
        raise OperationalError("SELECT …", {}, Exception("server closed the connection"))

    monkeypatch.setattr(deadlines, "who_is_due", connection_lost)
    page = client.get("/")

    assert page.status_code == 503
    assert page.headers["Retry-After"] == "1"
    assert "Nothing you sent was saved" in page.get_data(as_text=True)
