"""One transaction per use case: a failure half-way leaves nothing behind."""

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from housing.services import audit, runs
from tests import payloads


def test_a_failure_after_the_record_is_written_leaves_no_rows(client, officer, row_counts, monkeypatch):
    def audit_fails(*_args, **_kwargs):
        raise RuntimeError("the audit table is unavailable")

    monkeypatch.setattr(audit, "record", audit_fails)
    before = row_counts()

    response = client.post("/api/v1/young-people", json=payloads.young_person(), headers=officer)

    assert response.status_code == 500
    assert response.json == {"code": 500, "status": "Internal Server Error",
                             "message": "Something went wrong; it has been logged."}  # fmt: skip
    assert row_counts() == before


def test_an_unexpected_error_logs_no_personal_data(client, officer, monkeypatch, caplog):
    monkeypatch.setattr(audit, "record", lambda *_a, **_k: 1 / 0)

    client.post("/api/v1/young-people", json=payloads.young_person(given_name="Marker-Qzx"), headers=officer)

    assert "ZeroDivisionError" in caplog.text
    assert "Marker-Qzx" not in caplog.text
    assert "Exampleton" not in caplog.text


def test_a_database_that_stops_answering_mid_write_is_a_503_to_retry_and_leaves_no_rows(
    client, officer, row_counts, monkeypatch, caplog
):
    def connection_lost(*_args, **_kwargs):
        raise OperationalError("INSERT INTO audit …", {"detail": "Marker-Qzx"}, Exception("server closed"))

    monkeypatch.setattr(audit, "record", connection_lost)
    before = row_counts()

    response = client.post(
        "/api/v1/young-people", json=payloads.young_person(given_name="Marker-Qzx"), headers=officer
    )

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert response.json["message"].startswith("The database is not answering; nothing was written.")
    assert row_counts() == before
    assert "Marker-Qzx" not in caplog.text
    assert "database unavailable" in caplog.text


def test_a_run_solves_with_no_transaction_open_and_writes_in_one(app, client, officer, monkeypatch):
    """On SQLite a writing transaction holds the only write lock: the optimiser must not hold it."""
    client.post("/api/v1/young-people", json=payloads.young_person(), headers=officer)
    solve, solved = runs.matching.solve, []

    def watched_solve(problem):
        sessions = app.extensions["pathways"]
        with sessions.writer_factory() as other:  # on SQLite this waits for the write lock, then fails
            other.execute(text("SELECT 1"))
            other.commit()
        solved.append(problem)
        return solve(problem)

    monkeypatch.setattr(runs.matching, "solve", watched_solve)
    response = client.post("/api/v1/matching/runs", json={}, headers=officer)

    assert response.status_code == 201
    assert solved
    assert response.json["status"] == "optimal"
