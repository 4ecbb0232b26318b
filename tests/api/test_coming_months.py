"""The plan of the coming months as a run makes it from the store: who is known, which places come."""

from datetime import timedelta

import pytest

from housing.clock import today
from housing.lifedates import add_months
from housing.reads import matching_input
from housing.services import coming_months
from matching.problem import Hold
from tests import payloads
from tests.kept_current import automatic_runs, immediate  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("every_stored_run_is_rechecked")

AS_OF = today()


def _add(client, headers, path, body):
    response = client.post(f"/api/v1/{path}", json=body, headers=headers)
    assert response.status_code == 201, response.json
    return response.json["id"]


def _plan(app):
    with app.extensions["pathways"].session_factory() as session:
        people = matching_input.in_scope(session, AS_OF, None)
        problem = matching_input.build(session, AS_OF, people, 80.0)
        return coming_months.plan(session, problem, people)


def _lodgings(client, headers, **overrides):
    body = payloads.option(
        "supported_lodgings", place="Worthing", available_from=AS_OF.isoformat(), min_age=16, max_age=21,
        support_levels=["medium"], step_free=True, registered_16_17=True,
    ) | overrides  # fmt: skip
    return _add(client, headers, "options", body)


def _due_in_a_year_and_leaving_custody_in_two_months(client, headers, **leaving_needs):
    # 17½ eleven months away: due after the plan of nine months.
    later = payloads.young_person(reference="LATER", date_of_birth=add_months(AS_OF, 11 - 210).isoformat())
    # 15 today, 16 next month, out of custody in two months: due then.
    leaving = payloads.young_person(
        reference="LEAVING",
        date_of_birth=(add_months(AS_OF, 1 - 192) - timedelta(days=1)).isoformat(),
    )
    leaving["needs"] |= {"custody_release_date": add_months(AS_OF, 2).isoformat(), **leaving_needs}
    return _add(client, headers, "young-people", later), _add(client, headers, "young-people", leaving)


def test_a_place_is_held_for_a_young_person_turning_16_and_leaving_custody_soon(app, client, officer) -> None:
    _due_in_a_year_and_leaving_custody_in_two_months(client, officer)
    place = _lodgings(client, officer)

    planned = _plan(app)

    assert planned.now == []
    assert planned.held_back == {place: Hold(places=1, from_month=add_months(AS_OF, 1))}


def test_a_place_opening_next_month_is_counted_so_the_one_free_now_goes_to_the_young_person_due_later(
    app, client, officer
) -> None:
    later, leaving = _due_in_a_year_and_leaving_custody_in_two_months(client, officer)
    now = _lodgings(client, officer)
    opening = _lodgings(
        client, officer, name="Host joining next month", available_from=add_months(AS_OF, 1).isoformat()
    )

    planned = _plan(app)

    [(first, given_now)] = planned.now  # both places are alike: either may be given now
    [(second, kept, month)] = [(p, o, m) for p, o, m, _cost in planned.agreements if m > 0]
    assert (first, second, month) == (later, leaving, 1)
    assert {given_now, kept} == {now, opening}
    assert planned.held_back == {kept: Hold(places=1, from_month=add_months(AS_OF, 1))}


def test_nothing_is_held_when_no_one_due_sooner_could_use_the_place(app, client, officer) -> None:
    later, _leaving = _due_in_a_year_and_leaving_custody_in_two_months(
        client, officer, avoid_districts=["worthing"]
    )
    place = _lodgings(client, officer)  # in Worthing, which "leaving" must avoid

    planned = _plan(app)

    assert planned.now == [(later, place)]
    assert planned.held_back == {}


def _held_in(client, headers, run_id, later, place):
    """What the officer reads of a run that held `place` from `later`: the candidates and the reason."""
    candidates = client.get(f"/api/v1/matching/runs/{run_id}/candidates", headers=headers).json
    run = client.get(f"/api/v1/matching/runs/{run_id}", headers=headers).json
    [unmatched] = [u for u in run["unmatched"] if u["young_person"] == later]
    return candidates, [r["detail"] for r in unmatched["reasons"]]


def test_a_run_holds_the_place_from_the_young_person_due_later_for_the_one_due_sooner(
    client, officer
) -> None:
    later, _leaving = _due_in_a_year_and_leaving_custody_in_two_months(client, officer)
    place = _lodgings(client, officer)
    next_month = add_months(AS_OF, 1)

    response = client.post("/api/v1/matching/runs", json={"as_of": AS_OF.isoformat()}, headers=officer)

    assert response.status_code == 201, response.json
    assert response.json["proposals"] == []  # the only place is kept for the young person leaving custody
    candidates, reasons = _held_in(client, officer, response.json["id"], later, place)
    assert candidates["due_tier"][later] == "later"  # due at 17½, eleven months from now
    assert candidates["held"] == {place: {"places": 1, "from_month": next_month.isoformat()}}
    assert f"held for someone due sooner, from {next_month.strftime('%B %Y')}" in reasons


@pytest.mark.usefixtures("immediate")
def test_a_run_made_because_a_place_was_added_holds_it_the_same_way(client, officer, db) -> None:
    later, _leaving = _due_in_a_year_and_leaving_custody_in_two_months(client, officer)

    place = _lodgings(client, officer)  # proposes at once for whoever the new place could serve

    [made] = [r for r in automatic_runs(db) if r.trigger == "new_option"]
    assert made.proposals == []
    candidates, reasons = _held_in(client, officer, made.id, later, place)
    assert candidates["held"] == {place: {"places": 1, "from_month": add_months(AS_OF, 1).isoformat()}}
    assert f"held for someone due sooner, from {add_months(AS_OF, 1).strftime('%B %Y')}" in reasons


def test_a_plan_is_solved_again_when_the_store_changes_and_reused_when_nothing_did(
    app, client, officer, monkeypatch
) -> None:
    _due_in_a_year_and_leaving_custody_in_two_months(client, officer)
    solved = []
    solve = coming_months.horizon.plan
    monkeypatch.setattr(coming_months.horizon, "plan", lambda *a, **k: solved.append(1) or solve(*a, **k))
    coming_months.forget()

    first = _plan(app)
    again = _plan(app)  # nothing the plan reads changed
    place = _lodgings(client, officer)  # a new place: the plan must see it
    after = _plan(app)

    assert len(solved) == 2
    assert again is first
    assert first.held_back == {}
    assert after.held_back == {place: Hold(places=1, from_month=add_months(AS_OF, 1))}
