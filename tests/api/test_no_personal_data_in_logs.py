"""No personal data in the logs: marker values in every personal field, every journey, every log line read."""

import logging

from housing.vocabulary import Role
from tests import payloads
from tests.conftest import trust_figures

MARKERS = {
    "reference": "MARK-REF-7Q",
    "given_name": "Markerella",
    "family_name": "Qzxvbnm",
    "wishes": "MARKER-WISH-7Q",
    "note": "MARKER-NOTE-7Q",
    "reason": "MARKER-REASON-7Q",
}


def test_a_day_of_journeys_with_markers_everywhere_logs_none_of_them(
    client, officer, auth, caplog, database_url
):
    caplog.set_level(logging.DEBUG)  # everything any logger says, the app's, Werkzeug's, SQLAlchemy's
    body = payloads.young_person(
        reference=MARKERS["reference"], given_name=MARKERS["given_name"], family_name=MARKERS["family_name"],
        wishes=MARKERS["wishes"], home_district="crawley",
        local_links=[{"kind": "family", "place": "Worthing", "importance": 3, "note": MARKERS["note"]}],
    )  # fmt: skip
    person = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    client.post("/api/v1/young-people", json=body, headers=officer)  # a duplicate: 409
    client.post("/api/v1/young-people", json={**body, "date_of_birth": "2099-01-01"}, headers=officer)  # 422
    client.patch(f"/api/v1/young-people/{person}", json={"wishes": MARKERS["wishes"] + "-2"}, headers=officer)
    client.get(f"/api/v1/young-people/{person}", headers=officer)
    client.get("/api/v1/young-people", headers=officer)
    client.post(f"/api/v1/young-people/{person}/applications",
                json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
    for town in ("Worthing", "Crawley"):
        client.post("/api/v1/options", json=payloads.option("supported_accommodation", place=town, min_age=16,
                    available_from="2026-01-01", step_free=True), headers=officer)  # fmt: skip
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json
    client.get(f"/api/v1/matching/runs/{run['id']}/candidates", headers=officer)
    proposal = run["proposals"][0]["id"]
    client.post(f"/api/v1/proposals/{proposal}/reject", json={"reason": MARKERS["reason"]}, headers=officer)
    client.get("/api/v1/districts/crawley/applicants.csv", headers=auth.headers(Role.DISTRICT_OFFICER))
    client.get(f"/api/v1/audit?young_person={person}", headers=auth.headers(Role.ADMIN))

    logged = caplog.text + " ".join(str(record.args) for record in caplog.records)
    assert [name for name, marker in MARKERS.items() if marker in logged] == []
    trust_figures(
        "personal_data_journeys", database_url, markers=len(MARKERS), log_records=len(caplog.records), found=0
    )


def test_sql_parameters_never_reach_a_log_or_an_error_message(database_url, caplog):
    from sqlalchemy import text  # noqa: PLC0415

    from housing.db import make_engine  # noqa: PLC0415

    engine = make_engine(database_url, echo=True)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")
    with engine.connect() as connection:
        connection.execute(text("SELECT :marker"), {"marker": MARKERS["given_name"]})
        try:
            connection.execute(
                text("SELECT * FROM no_such_table WHERE x = :marker"), {"marker": MARKERS["wishes"]}
            )
        except Exception as error:
            message = str(error)
    engine.dispose()
    assert MARKERS["given_name"] not in caplog.text
    assert MARKERS["wishes"] not in message
    assert "SELECT :marker" in caplog.text or "SELECT %(marker)s" in caplog.text or "SELECT ?" in caplog.text
