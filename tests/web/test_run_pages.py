"""Running the matcher and deciding its proposals from the pages."""

import re

from sqlalchemy import null, select, update

from housing.models import MatchingRun, Proposal, YoungPerson
from housing.vocabulary import Role
from tests import payloads
from tests.web.conftest import csrf


def setup_one_place(client, officer, people=("A",)):
    for reference in people:
        body = payloads.young_person(reference=reference)
        assert client.post("/api/v1/young-people", json=body, headers=officer).status_code == 201
    place = payloads.option("supported_accommodation", place="Worthing", available_from="2026-01-01", min_age=16,
                            step_free=True)  # fmt: skip
    assert client.post("/api/v1/options", json=place, headers=officer).status_code == 201


def run_from_the_page(client) -> str:
    response = client.post("/runs", data={"csrf_token": csrf(client, "/")})
    assert response.status_code == 302
    return response.headers["Location"]


def test_an_officer_runs_the_matcher_reads_the_explanation_and_accepts(
    client, officer, person_signing_in, db
):
    setup_one_place(client, officer)
    person_signing_in(client)

    review_url = run_from_the_page(client)
    page = client.get(review_url).get_data(as_text=True)
    proposal = re.search(r'href="/proposals/(\w+)/accept', page).group(1)
    run_id = review_url.rsplit("/", 1)[1]

    assert "Why this place" in page
    assert "College in Worthing (matters most): in the same town" in page
    accepted = client.post(
        f"/proposals/{proposal}/accept", data={"csrf_token": csrf(client, "/"), "run": run_id}
    )
    assert accepted.status_code == 302
    after = client.get(review_url).get_data(as_text=True)
    assert "Accepted by housing_officer.county@test.example" in after
    assert "Pathway agreed for Testy Exampleton" in after  # the success banner says what happened
    db.rollback()
    assert db.scalar(select(YoungPerson.pathway_status).where(YoungPerson.reference == "A")) == "agreed"


def test_a_stale_accept_shows_the_error_summary(client, officer, person_signing_in):
    setup_one_place(client, officer, people=("A", "B"))
    person_signing_in(client)
    first_run = run_from_the_page(client).rsplit("/", 1)[1]
    page = client.get(f"/runs/{first_run}").get_data(as_text=True)
    [proposal] = re.findall(r'href="/proposals/(\w+)/accept', page)
    # Meanwhile another officer's run gives the same place to the other young person, who is accepted.
    other_run = client.post("/api/v1/matching/runs", json={"young_people": [_id(client, officer, "A"), _id(client, officer, "B")]},
                            headers=officer).json  # fmt: skip
    other = next(p for p in other_run["proposals"])
    client.post(f"/api/v1/proposals/{other['id']}/accept", headers=officer)

    stale = client.post(
        f"/proposals/{proposal}/accept", data={"csrf_token": csrf(client, "/"), "run": first_run}
    )

    text = stale.get_data(as_text=True)
    assert stale.status_code == 409
    assert "There is a problem" in text
    assert ("taken meanwhile" in text) or ("agreed meanwhile" in text)


def test_rejecting_needs_a_reason_shown_beside_the_field(client, officer, person_signing_in, db):
    setup_one_place(client, officer)
    person_signing_in(client)
    run_id = run_from_the_page(client).rsplit("/", 1)[1]
    proposal = re.search(
        r'action="/proposals/(\w+)/reject"', client.get(f"/runs/{run_id}").get_data(as_text=True)
    ).group(1)

    empty = client.post(
        f"/proposals/{proposal}/reject", data={"csrf_token": csrf(client, "/"), "run": run_id, "reason": " "}
    )
    assert empty.status_code == 400
    assert f'href="#reason-{proposal}"' in empty.get_data(as_text=True)
    assert "govuk-form-group--error" in empty.get_data(as_text=True)

    client.post(
        f"/proposals/{proposal}/reject",
        data={"csrf_token": csrf(client, "/"), "run": run_id, "reason": "Too far"},
    )
    db.rollback()
    assert db.get(Proposal, proposal).status == "rejected"


def test_the_run_pages_are_for_officers_only(client, officer, person_signing_in):
    setup_one_place(client, officer)
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)

    assert client.get(f"/runs/{run['id']}").status_code == 403
    assert client.post("/runs", data={"csrf_token": csrf(client, "/cohorts")}).status_code == 403


def _id(client, officer, reference):
    people = client.get("/api/v1/young-people", headers=officer).json["items"]
    return next(p["id"] for p in people if p["reference"] == reference)


def test_a_young_persons_page_shows_their_record_and_a_map_of_their_links(
    client, officer, person_signing_in, db
):
    body = payloads.young_person(reference="MAPPED")
    person = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    person_signing_in(client)

    page = client.get(f"/young-people/{person}")

    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "MAPPED" in text
    assert '<svg viewBox="0 0 640 406"' in text
    assert "College: Worthing" in text  # the link drawn and named on the map
    assert ">Chichester</text>" in text  # the main towns named, to find one's way
    assert "a local link (larger: matters more)" in text  # and a key
    assert "College in Worthing (very important)" in text  # and listed, for those who cannot see the map
    assert client.get("/young-people/nobody").status_code == 404
    entries = client.get(f"/api/v1/audit?young_person={person}", headers=admin_headers(client)).json["items"]
    assert entries[-1]["action"] == "view"


def admin_headers(client):
    from housing.services import accounts  # noqa: PLC0415

    with client.application.extensions["pathways"].writer_factory() as session:
        token = accounts.create_user(session, "auditor@test.example", Role.ADMIN, None)
    return {"Authorization": f"Bearer {token}"}


def test_deciding_an_unknown_proposal_is_a_404_page_not_a_conflict(client, person_signing_in):
    person_signing_in(client)
    token = csrf(client, "/")

    accepted = client.post("/proposals/nothing-here/accept", data={"csrf_token": token, "run": "x"})
    rejected = client.post(
        "/proposals/nothing-here/reject", data={"csrf_token": token, "run": "x", "reason": "r"}
    )

    for answer in (accepted, rejected):
        assert answer.status_code == 404
        assert "Page not found" in answer.get_data(as_text=True)


def test_an_unknown_run_or_cohort_is_a_404_page(client, person_signing_in):
    person_signing_in(client)
    assert "Page not found" in client.get("/runs/nothing-here").get_data(as_text=True)
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)
    unknown = client.get("/cohorts/nothing-here")
    assert unknown.status_code == 404
    assert "Page not found" in unknown.get_data(as_text=True)


def test_an_unmatched_young_person_is_told_where_to_apply_and_the_run_keeps_that_advice(
    client, officer, person_signing_in, db
):
    # A Crawley register vacancy within reach that fails no rule but the missing application.
    body = payloads.young_person(reference="AP-1", date_of_birth=payloads.born_aged(18))
    person = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    vacancy = payloads.option(
        "register_vacancy", place="Crawley", available_from="2026-01-01", step_free=True
    )
    assert client.post("/api/v1/options", json=vacancy, headers=officer).status_code == 201
    person_signing_in(client)
    review_url = run_from_the_page(client)
    run = db.get(MatchingRun, review_url.rsplit("/", 1)[1])
    # Kept as the run is stored, so the page's first view reads them as later views do.
    assert run.unmatched_advice == {person: ["crawley"]}
    assert run.fairness["ranks"]["unmatched"] == 1

    page = client.get(review_url).get_data(as_text=True)

    assert "apply to Crawley" in page
    # A run stored before they were kept: its page works them out from the snapshot, then keeps them.
    db.rollback()
    stored_before = update(MatchingRun).where(MatchingRun.id == run.id)
    db.execute(stored_before.values(unmatched_advice=null(), fairness=null()))
    db.commit()
    assert "apply to Crawley" in client.get(review_url).get_data(as_text=True)
    db.rollback()  # a fresh read of the store, after the page's own transaction
    assert db.get(MatchingRun, run.id).unmatched_advice == {person: ["crawley"]}
    assert db.get(MatchingRun, run.id).fairness["ranks"]["unmatched"] == 1
