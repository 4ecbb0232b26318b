"""One transaction per use case: a failure half-way leaves nothing behind."""

from housing.services import audit
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
