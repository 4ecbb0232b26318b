"""The plan of the coming months as a run makes it from the store: who is known, which places come."""

from datetime import timedelta

from housing.clock import today
from housing.lifedates import add_months
from housing.services import coming_months, matching_input
from matching.horizon import Hold
from tests import payloads

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
