"""A Staying Put carer's withdrawal, and a young person moving on from where they live."""

from datetime import UTC, date, datetime, timedelta

from housing.models import Option, Placement, Rejection, YoungPerson
from tests.builders import LATER, TODAY, accept, end, option, placed, record, run, young_person


def test_a_staying_put_carers_withdrawal_ends_the_placement_and_excludes_the_pair(client, officer, db):
    person = young_person(client, officer, "A")
    offer = option(client, officer, "staying_put", young_person=person)
    placement = placed(client, officer, person, offer)

    answer = client.post(f"/api/v1/options/{offer}/carer-withdrawal", json={"ends_on": LATER.isoformat()},
                         headers=officer)  # fmt: skip

    assert answer.status_code == 200, answer.json
    assert answer.json["carer_willing"] is False
    ended = db.get(Placement, placement["id"])
    assert (ended.status, ended.ends_on, ended.end_reason) == ("ended", LATER, "carer_withdrew")
    assert record(client, officer, person)["pathway"]["status"] == "in_progress"
    assert db.get(Rejection, (person, offer)) is not None
    again = client.post(f"/api/v1/options/{offer}/carer-withdrawal", json={"ends_on": LATER.isoformat()},
                        headers=officer)  # fmt: skip
    assert again.status_code == 409


def test_marking_a_staying_put_carer_unwilling_ends_the_placement_from_today(client, officer, db):
    person = young_person(client, officer, "A")
    offer = option(client, officer, "staying_put", young_person=person)
    placement = placed(client, officer, person, offer)

    changed = client.patch(f"/api/v1/options/{offer}", json={"carer_willing": False}, headers=officer)

    assert changed.status_code == 200, changed.json
    ended = db.get(Placement, placement["id"])
    assert (ended.ends_on, ended.end_reason) == (TODAY, "carer_withdrew")
    assert db.get(YoungPerson, person).move_date == TODAY


def test_only_a_staying_put_offer_has_a_carer_to_withdraw(client, officer):
    place = option(client, officer)

    refused = client.post(f"/api/v1/options/{place}/carer-withdrawal", json={"ends_on": TODAY.isoformat()},
                          headers=officer)  # fmt: skip

    assert refused.status_code == 422
    assert "Staying Put" in refused.json["errors"]["json"]["option"][0]


def test_a_date_today_is_allowed(client, officer):
    person = young_person(client, officer, "A")
    placement = placed(client, officer, person, option(client, officer))

    answer = end(client, officer, placement["id"], ends_on=date.isoformat(TODAY))

    assert answer.status_code == 200
    assert record(client, officer, person)["move_date"] == TODAY.isoformat()


def test_a_young_person_whose_placement_is_ending_is_kept_where_they_live_if_it_can_keep_them(
    client, officer
):
    family = [{"kind": "family", "place": "Worthing", "importance": 1}]
    person = young_person(client, officer, "A", local_links=family, preferences=[])
    home = option(client, officer, place="Horsham", capacity=2, name="Where they live")
    placement = placed(client, officer, person, home)
    nearer = option(client, officer, name="Nearer their family")  # a newer place, in Worthing
    end(client, officer, placement["id"], reason="other")

    kept = run(client, officer, as_of=LATER - timedelta(days=1), young_people=[person])["proposals"]
    after_leaving = run(client, officer, as_of=LATER, young_people=[person])["proposals"]

    assert [(p["option"], p["explanation"]["cost_breakdown"]["continuity"]) for p in kept] == [
        (home, -10_000)
    ]
    assert [p["option"] for p in after_leaving] == [nearer]  # once they have left, no continuity


def test_accepting_a_move_ends_the_placement_they_live_in_without_an_agreed_pathway(client, officer, app, db):
    """A 17-year-old already in supported accommodation (as the seeded county has them) moves on."""
    person = young_person(client, officer, "A", move_date=LATER.isoformat())
    where_they_live = option(client, officer, place="Horsham", name="Where they live now")
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.add(Placement(young_person_id=person, option_id=where_they_live, status="active", starts_on=TODAY,
                              created_at=datetime.now(UTC), created_by="test"))  # fmt: skip
        session.get(Option, where_they_live).placed = 1
    new_home = option(client, officer, name="Their new home")

    [proposal] = run(client, officer, young_people=[person])["proposals"]
    assert (proposal["option"], accept(client, officer, proposal).status_code) == (new_home, 200)

    shown = record(client, officer, person)["placements"]
    assert [(p["option"], p["ends_on"], p["end_reason"]) for p in shown] == [
        (new_home, None, None), (where_they_live, LATER.isoformat(), "moved_on")
    ]  # fmt: skip
    db.rollback()
    assert db.get(Option, where_they_live).placed == 0
