"""A large file on the import page goes to the job queue; its page shows how far it has got, updating
itself without a script, then what was done, or every problem (issue 33)."""

import io
from pathlib import Path

from sqlalchemy import func, select

from housing.models import YoungPerson
from housing.vocabulary import Role
from tests.kept_current import immediate  # noqa: F401 (a fixture)
from tests.web.conftest import csrf

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
LARGE = (FIXTURES / "young_people_large.csv").read_bytes()


def send(client, content, name="young_people_large.csv", kind="young-people"):
    return client.post(
        "/imports",
        data={"csrf_token": csrf(client, "/imports"), "kind": kind, "file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def held(db) -> int:
    db.rollback()
    return db.scalar(select(func.count()).select_from(YoungPerson))


def test_a_large_file_is_brought_in_by_the_queue_and_its_page_says_what_was_done(
    client,
    person_signing_in,
    db,
    immediate,  # noqa: F811
):
    person_signing_in(client)

    sent = send(client, LARGE)

    assert sent.status_code == 303
    page = client.get(sent.headers["Location"]).get_data(as_text=True)
    assert "Records brought in" in page
    assert "5,000 young people added, 0 updated, 0 already as in the file." in page
    assert 'http-equiv="refresh"' not in page
    assert held(db) == 5000


def test_while_it_runs_the_page_shows_the_stage_and_rows_and_refreshes_itself(
    app, client, person_signing_in, db
):
    person_signing_in(client)
    sent = send(client, LARGE)  # queued: the suite's queue keeps jobs until they are run
    job_id = sent.headers["Location"].rsplit("/", 1)[1]

    waiting = client.get(sent.headers["Location"]).get_data(as_text=True)
    huey = app.extensions["pathways_queue"]
    huey.put(f"import:{job_id}", huey.get(f"import:{job_id}", peek=True) | {
        "status": "running", "stage": "Checking", "done": 3000, "total": 5000,
    })  # fmt: skip
    checking = client.get(sent.headers["Location"]).get_data(as_text=True)

    assert "Waiting to start." in waiting
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in checking
    assert "Checking every row: 3,000 of 5,000 rows" in checking
    assert held(db) == 0
    huey.execute(huey.dequeue())  # the worker takes it
    assert "5,000 young people added" in client.get(sent.headers["Location"]).get_data(as_text=True)


def test_a_large_file_with_a_bad_row_lists_every_problem_and_adds_nothing(
    client,
    person_signing_in,
    db,
    immediate,  # noqa: F811
):
    person_signing_in(client)
    bad = LARGE + b"BULK-99999,Given,Testperson,31/02/2008,arun,Bognor Regis,medium,0,U,yes,2026-11-02\n"

    sent = send(client, bad)
    page = client.get(sent.headers["Location"]).get_data(as_text=True)

    assert "Nothing was added: there is a problem with the file" in page
    assert "line 5002, column date_of_birth: must be a real date" in page
    assert held(db) == 0


def test_only_the_officer_who_sent_it_sees_its_page(app, client, person_signing_in, auth):
    person_signing_in(client)
    sent = send(client, LARGE)
    other = app.test_client()
    person_signing_in(other, Role.ADMIN)

    assert other.get(sent.headers["Location"]).status_code == 404
    assert client.get("/imports/no-such-job").status_code == 404
