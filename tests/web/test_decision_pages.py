"""Decisions people can check and undo, and follow to the door, on the pages (issue 29)."""

import re
from datetime import date

from sqlalchemy import select

from housing.models import MoveStep, Nomination, Option, Placement, Proposal, YoungPerson
from housing.vocabulary import Role
from tests import payloads
from tests.builders import a_crawley_proposal
from tests.web.conftest import csrf


def words(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def accept_on_the_page(client, run_id: str, proposal_id: str):
    check = client.get(f"/proposals/{proposal_id}/accept?run={run_id}")
    assert check.status_code == 200
    return check, client.post(
        f"/proposals/{proposal_id}/accept", data={"csrf_token": csrf(client, "/"), "run": run_id}
    )


def test_an_officer_checks_what_an_accept_will_do_then_undoes_it_before_the_council_opens_it(
    client, officer, person_signing_in, db
):
    person, run_id, proposal_id = a_crawley_proposal(client, officer)
    person_signing_in(client)

    check, accepted = accept_on_the_page(client, run_id, proposal_id)
    said = words(check.get_data(as_text=True))
    assert "Check before you accept" in said
    assert "A nomination is sent to Crawley council" in said
    assert "You can undo this until someone at Crawley council opens the nomination" in said
    assert accepted.status_code == 302
    record = words(client.get(f"/young-people/{person}").get_data(as_text=True))
    assert "Agreed, nomination pending with Crawley council" in record
    assert "End this placement" not in record  # it would answer 409 while the council decides

    run_page = client.get(f"/runs/{run_id}").get_data(as_text=True)
    assert "Undo this accept" in run_page
    undone = client.post(
        f"/proposals/{proposal_id}/undo", data={"csrf_token": csrf(client, "/"), "run": run_id}
    )
    assert undone.status_code == 302
    banner = words(client.get(undone.headers["Location"]).get_data(as_text=True))
    assert "Accept undone for Testy Exampleton: the nomination to Crawley council is taken back" in banner
    db.rollback()
    assert db.get(Proposal, proposal_id).status == "proposed"
    assert db.get(Proposal, proposal_id).undone_by == "housing_officer.county@test.example"
    assert db.scalar(select(Nomination.id)) is None
    assert db.scalar(select(Placement.id)) is None
    assert db.get(YoungPerson, person).pathway_status == "in_progress"


def test_once_the_council_opens_the_nomination_the_officer_withdraws_it_with_a_reason_instead(
    client, officer, auth, person_signing_in, db
):
    person, run_id, proposal_id = a_crawley_proposal(client, officer)
    person_signing_in(client)
    accept_on_the_page(client, run_id, proposal_id)
    council = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    client.get("/api/v1/districts/crawley/nominations", headers=council)  # the council opens its list

    refused = client.post(
        f"/proposals/{proposal_id}/undo", data={"csrf_token": csrf(client, "/"), "run": run_id}
    )
    assert refused.status_code == 409
    assert "the council has opened the nomination: withdraw it instead" in refused.get_data(as_text=True)

    nomination = db.scalar(select(Nomination.id))
    form = words(client.get(f"/nominations/{nomination}/withdraw").get_data(as_text=True))
    assert "Crawley council can no longer decide it" in form
    empty = client.post(
        f"/nominations/{nomination}/withdraw", data={"csrf_token": csrf(client, "/"), "reason": ""}
    )
    assert empty.status_code == 400
    assert "There is a problem" in empty.get_data(as_text=True)
    assert 'href="#reason"' in empty.get_data(as_text=True)
    done = client.post(
        f"/nominations/{nomination}/withdraw",
        data={"csrf_token": csrf(client, "/"), "reason": "She has chosen to stay with her aunt"},
    )
    assert done.status_code == 302
    record = words(client.get(done.headers["Location"]).get_data(as_text=True))
    assert "Nomination withdrawn" in record
    assert "withdrawn by the county" in record
    assert "She has chosen to stay with her aunt" in record
    db.rollback()
    assert db.get(YoungPerson, person).pathway_status == "in_progress"


def test_a_declined_nomination_shows_its_reason_on_the_young_persons_record(
    client, officer, auth, person_signing_in
):
    person, _run_id, proposal_id = a_crawley_proposal(client, officer)
    client.post(f"/api/v1/proposals/{proposal_id}/accept", headers=officer)
    council = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    [nomination] = client.get("/api/v1/districts/crawley/nominations", headers=council).json["items"]
    client.post(f"/api/v1/nominations/{nomination['id']}/decision",
                json={"decision": "declined", "reason": "Rent arrears with the council"}, headers=council)  # fmt: skip
    person_signing_in(client)

    record = words(client.get(f"/young-people/{person}").get_data(as_text=True))

    assert "declined by the council" in record
    assert "Rent arrears with the council" in record


def test_a_council_checks_what_accepting_will_do_before_it_accepts(client, officer, person_signing_in):
    _person, _run, proposal_id = a_crawley_proposal(client, officer)
    client.post(f"/api/v1/proposals/{proposal_id}/accept", headers=officer)
    person_signing_in(client, Role.DISTRICT_OFFICER)
    cards = client.get("/district").get_data(as_text=True)
    nomination = re.search(r'href="/nominations/(\w+)/accept"', cards).group(1)

    check = words(client.get(f"/nominations/{nomination}/accept").get_data(as_text=True))

    assert "Accept the nomination of Testy Exampleton?" in check
    assert "Flat 3, Ifield is let to Testy" in check
    assert "A decision is final" in check


def test_the_move_is_recorded_step_by_step_and_moving_in_dates_the_placement(
    client, officer, auth, person_signing_in, db
):
    person, _run, proposal_id = a_crawley_proposal(client, officer)
    client.post(f"/api/v1/proposals/{proposal_id}/accept", headers=officer)
    council = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    [nomination] = client.get("/api/v1/districts/crawley/nominations", headers=council).json["items"]
    client.post(
        f"/api/v1/nominations/{nomination['id']}/decision", json={"decision": "accepted"}, headers=council
    )
    person_signing_in(client)
    today = date.today()  # noqa: DTZ011 - the pages date steps by the service's today
    on = {"on-day": today.day, "on-month": today.month, "on-year": today.year}

    assert "Record the move" in client.get(f"/young-people/{person}").get_data(as_text=True)
    for kind in ("offer_made", "viewing"):
        sent = client.post(
            f"/young-people/{person}/move", data={"csrf_token": csrf(client, "/"), "kind": kind, **on}
        )
        assert sent.status_code == 302
    no_answer = client.post(
        f"/young-people/{person}/move", data={"csrf_token": csrf(client, "/"), "kind": "answer", **on}
    )
    assert no_answer.status_code == 400
    assert "give the young person" in words(no_answer.get_data(as_text=True)).lower()
    future = {"on-day": 1, "on-month": 1, "on-year": today.year + 2}
    too_soon = client.post(f"/young-people/{person}/move",
                           data={"csrf_token": csrf(client, "/"), "kind": "moved_in", **future})  # fmt: skip
    assert too_soon.status_code == 400
    assert "today or earlier" in too_soon.get_data(as_text=True)
    client.post(f"/young-people/{person}/move", data={"csrf_token": csrf(client, "/"), "kind": "answer",
                                                       "answer": "yes", "words": "I love the garden", **on})  # fmt: skip
    moved = client.post(
        f"/young-people/{person}/move", data={"csrf_token": csrf(client, "/"), "kind": "moved_in", **on}
    )

    page = words(client.get(moved.headers["Location"]).get_data(as_text=True))
    assert "Moved in recorded" in page
    assert "in their words: “I love the garden”" in page
    db.rollback()
    assert [s.kind for s in db.scalars(select(MoveStep).order_by(MoveStep.recorded_at))] == [
        "offer_made", "viewing", "answer", "moved_in"
    ]  # fmt: skip
    assert db.scalar(select(Placement.starts_on).where(Placement.status == "active")) == today


def test_officers_list_the_nominations_awaiting_councils(client, officer, person_signing_in):
    _person, _run, proposal_id = a_crawley_proposal(client, officer)
    client.post(f"/api/v1/proposals/{proposal_id}/accept", headers=officer)
    person_signing_in(client)

    listed = words(client.get("/nominations").get_data(as_text=True))

    assert "Nominations awaiting councils (1)" in listed
    assert "Testy Exampleton" in listed
    assert "Not yet" in listed  # the council has not opened it


def a_member_offered_a_property(client, officer, auth, starts_on: str) -> tuple[str, str]:
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post("/api/v1/cohorts", json={"name": "Cohort 11", "starts_on": starts_on},
                         headers=coordinator).json["id"]  # fmt: skip
    person = client.post("/api/v1/young-people", json=payloads.young_person(reference="HP-9"),
                         headers=officer).json["id"]  # fmt: skip
    client.post(f"/api/v1/cohorts/{cohort}/members", json={"young_person": person}, headers=coordinator)
    for stage in ("preparing", "tenancy_ready", "property_offered"):
        client.patch(f"/api/v1/cohorts/{cohort}/members/{person}", json={"stage": stage}, headers=coordinator)
    return cohort, person


def test_moving_in_before_the_cohort_starts_is_refused_with_the_start_date(
    client, officer, auth, person_signing_in, db
):
    later = date.today().replace(year=date.today().year + 1, day=1)  # noqa: DTZ011
    cohort, person = a_member_offered_a_property(client, officer, auth, later.isoformat())
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)

    check = words(
        client.get(f"/cohorts/{cohort}/members/{person}/stage?stage=moved_in").get_data(as_text=True)
    )
    refused = client.post(f"/cohorts/{cohort}/members/{person}/stage",
                          data={"csrf_token": csrf(client, "/cohorts"), "stage": "moved_in"})  # fmt: skip

    assert "Their pathway is agreed on the House Project route, from the day you give" in check
    assert refused.status_code == 422
    assert f"They cannot move in before the cohort starts on {later:%-d %B %Y}" in refused.get_data(
        as_text=True
    )
    db.rollback()
    assert db.get(YoungPerson, person).pathway_status == "in_progress"


def test_a_withdrawal_asks_why_and_a_move_made_today_can_be_undone(
    client, officer, auth, person_signing_in, db
):
    cohort, person = a_member_offered_a_property(client, officer, auth, "2026-01-05")
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)
    url = f"/cohorts/{cohort}/members/{person}/stage"

    no_reason = client.post(url, data={"csrf_token": csrf(client, "/cohorts"), "stage": "withdrawn"})
    assert no_reason.status_code == 400
    assert "Enter why they are withdrawing" in no_reason.get_data(as_text=True)
    moved = client.post(url, data={"csrf_token": csrf(client, "/cohorts"), "stage": "moved_in"})
    assert moved.status_code == 302
    board = client.get(f"/cohorts/{cohort}").get_data(as_text=True)
    assert "Undo the move to moved in" in board
    undone = client.post(
        f"/cohorts/{cohort}/members/{person}/undo", data={"csrf_token": csrf(client, "/cohorts")}
    )

    assert undone.status_code == 302
    assert "Move undone: Testy Exampleton is back at property offered" in client.get(
        undone.headers["Location"]
    ).get_data(as_text=True)
    db.rollback()
    assert db.get(YoungPerson, person).pathway_status == "in_progress"
    assert db.scalar(select(Placement.id).where(Placement.young_person_id == person)) is None


def test_a_council_changes_then_withdraws_a_vacancy_it_added(client, auth, person_signing_in, db):
    council = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    vacancy = client.post("/api/v1/options", json=payloads.option(place="Crawley", name="Flat 7, Tilgate"),
                          headers=council).json["id"]  # fmt: skip
    person_signing_in(client, Role.DISTRICT_OFFICER)
    listed = client.get("/district/vacancies").get_data(as_text=True)
    assert f"/options/{vacancy}/edit" in listed

    form = client.get(f"/options/{vacancy}/edit")
    assert form.status_code == 200
    withdrawn = client.post(f"/options/{vacancy}/withdraw", data={"csrf_token": csrf(client, "/district")})

    assert withdrawn.headers["Location"] == "/district/vacancies"
    assert "Flat 7, Tilgate: withdrawn from today" in client.get("/district/vacancies").get_data(as_text=True)
    db.rollback()
    assert db.get(Option, vacancy).available_until < date.today()  # noqa: DTZ011
