"""The command line: users and tokens, and the seed that `make run` relies on."""

from datetime import date

from sqlalchemy import func, select

from housing.models import District, MatchingRun, Option, Place, User, YoungPerson
from seeds.scenario import generate


def count(db, model) -> int:
    db.rollback()  # a fresh read: the commands wrote through their own connections
    return db.scalar(select(func.count()).select_from(model))


def test_users_create_prints_the_token_as_the_last_line_and_it_works(app, client):
    result = app.test_cli_runner().invoke(
        args=[
            "users",
            "create",
            "Dana@Crawley.example",
            "--role",
            "district_officer",
            "--district",
            "crawley",
        ]
    )

    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[-1]
    response = client.get("/api/v1/districts", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_users_create_refuses_a_district_officer_without_a_district_and_a_duplicate(app, db):
    runner = app.test_cli_runner()
    no_district = runner.invoke(args=["users", "create", "a@x.example", "--role", "district_officer"])
    first = runner.invoke(args=["users", "create", "b@x.example", "--role", "admin"])
    again = runner.invoke(args=["users", "create", "B@x.example", "--role", "admin"])
    unknown = runner.invoke(
        args=["users", "create", "c@x.example", "--role", "district_officer", "--district", "kent"]
    )

    assert no_district.exit_code != 0
    assert "district" in no_district.output
    assert first.exit_code == 0
    assert again.exit_code != 0
    assert "already exists" in again.output
    assert unknown.exit_code != 0
    assert count(db, User) == 1


def test_users_revoke_ends_the_token(app, client):
    runner = app.test_cli_runner()
    token = runner.invoke(args=["users", "create", "e@x.example", "--role", "admin"]).stdout.splitlines()[-1]

    result = runner.invoke(args=["users", "revoke", "e@x.example"])

    assert result.exit_code == 0
    assert client.get("/api/v1/districts", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_users_demo_signs_in_one_user_per_role_and_can_run_again(app, db):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["users", "demo"]).exit_code == 0
    assert runner.invoke(args=["users", "demo"]).exit_code == 0
    assert {u.role for u in db.scalars(select(User))} == {
        "housing_officer", "district_officer", "house_project_coordinator", "admin", "commissioner", "team_manager",
    }  # fmt: skip


def test_seed_is_idempotent_keeps_users_and_may_follow_reference_only(app, db):
    runner = app.test_cli_runner()
    runner.invoke(args=["users", "create", "keep@x.example", "--role", "admin"])

    reference = runner.invoke(args=["seed", "--reference-only"])
    first = runner.invoke(args=["seed", "--scale", "0.2", "--seed", "5", "--as-of", "2026-11-23"])
    people, options = count(db, YoungPerson), count(db, Option)
    matched = runner.invoke(args=["match", "--as-of", "2026-11-23"])
    assert count(db, MatchingRun) == 1
    second = runner.invoke(args=["seed", "--scale", "0.2", "--seed", "5", "--as-of", "2026-11-23"])

    assert reference.exit_code == 0
    assert first.exit_code == 0, first.output
    assert matched.exit_code == 0, matched.output
    assert second.exit_code == 0, second.output
    assert count(db, MatchingRun) == 0  # the scenario, its runs and decisions are replaced
    assert "young people" in second.output
    assert people > 0
    assert (count(db, YoungPerson), count(db, Option)) == (people, options)
    assert count(db, District) == 7
    assert count(db, Place) >= 30
    assert count(db, User) == 1


def test_the_scenario_is_deterministic_for_a_seed_and_date():
    as_of = date(2026, 11, 23)
    assert generate(3, 0.3, as_of) == generate(3, 0.3, as_of)
    assert generate(3, 0.3, as_of) != generate(4, 0.3, as_of)


def test_the_app_starts_with_nothing_but_a_database_url_and_keeps_its_generated_secret_key(database_url):
    from api import create_app  # noqa: PLC0415

    first = create_app({"DATABASE_URL": database_url})
    second = create_app({"DATABASE_URL": database_url})

    assert first.config["SECRET_KEY"]
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert first.test_client().get("/sign-in").status_code == 200
    for app in (first, second):
        app.extensions["pathways"].engine.dispose()
