"""Builders the House Project tests share: a cohort, a young person who may join one, an enrolment."""

from tests import payloads


def cohort(client, headers, **overrides):
    body = {"name": "Cohort 7", "starts_on": "2026-11-01", "districts": ["crawley", "horsham"], **overrides}
    response = client.post("/api/v1/cohorts", json=body, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def young_person(client, officer, reference, needs=None, **overrides):
    needs = {"custody_release_date": "2027-03-17", "immigration": "leave_granted", **(needs or {})}
    body = payloads.young_person(reference=reference, wishes="MARKER-WISHES-QZX", needs=needs, **overrides)
    response = client.post("/api/v1/young-people", json=body, headers=officer)
    assert response.status_code == 201, response.json
    return response.json["id"]


def enrol(client, headers, cohort_id, person):
    return client.post(f"/api/v1/cohorts/{cohort_id}/members", json={"young_person": person}, headers=headers)
