"""Advisers proposed by the exact engine: locality, continuity, caps, and the nearest 17½ first."""

from hypothesis import given
from hypothesis import strategies as st

from matching.advisers import Adviser, Allocated, Allocation, Client, check, propose

WORTHING, CHICHESTER, CRAWLEY = (50.817, -0.372), (50.836, -0.780), (51.113, -0.183)


def client(name, at=WORTHING, days=100, known=()):
    return Client(name, ((*at, 2),), days, frozenset(known))


def adviser(name, at=WORTHING, room=1):
    return Adviser(name, *at, room)


def test_each_young_person_gets_the_adviser_based_nearest_their_links():
    clients = [client("near-worthing"), client("near-crawley", at=CRAWLEY)]
    advisers = [adviser("crawley-base", at=CRAWLEY), adviser("worthing-base")]
    found = propose(clients, advisers)
    assert [p.adviser for p in found.proposals] == ["worthing-base", "crawley-base"]
    assert found.proposals[0].distance_km == 0.0
    assert check(clients, advisers, found) == []


def test_a_brother_or_sisters_adviser_is_kept_over_a_nearer_stranger():
    clients = [client("sister", known={"chichester-base"})]
    advisers = [adviser("worthing-base"), adviser("chichester-base", at=CHICHESTER)]
    [proposal] = propose(clients, advisers).proposals
    assert (proposal.adviser, proposal.continuity) == ("chichester-base", True)


def test_a_family_far_away_is_not_kept_at_any_distance():
    clients = [client("sister", known={"crawley-base"}, at=CHICHESTER)]
    advisers = [adviser("crawley-base", at=CRAWLEY), adviser("chichester-base", at=CHICHESTER)]
    [proposal] = propose(clients, advisers).proposals
    assert proposal.adviser == "chichester-base"


def test_when_places_are_short_those_nearest_seventeen_and_a_half_come_first():
    clients = [client("later", days=300), client("soonest", days=10, at=CRAWLEY), client("past", days=-5)]
    advisers = [adviser("worthing-base", room=2)]
    found = propose(clients, advisers)
    assert [p.adviser for p in found.proposals] == [None, "worthing-base", "worthing-base"]
    assert check(clients, advisers, found) == []


def test_no_adviser_with_room_leaves_everyone_waiting_and_nobody_over_the_cap():
    clients = [client("a"), client("b")]
    advisers = [adviser("full", room=0), adviser("over", room=-2)]
    found = propose(clients, advisers)
    assert [p.adviser for p in found.proposals] == [None, None]
    assert check(clients, advisers, found) == []


def test_nobody_to_allocate_is_an_empty_answer():
    assert propose([], [adviser("x")]).proposals == []


def test_the_checker_finds_someone_nearer_seventeen_and_a_half_passed_over():
    clients = [client("later", days=300), client("sooner", days=10)]
    wrong = Allocation(
        "optimal", 0, [Allocated("later", "x", 0.0, False), Allocated("sooner", None, None, False)]
    )
    assert "someone nearer 17½ waits while someone further off is served" in check(
        clients, [adviser("x")], wrong
    )


towns = st.sampled_from([WORTHING, CHICHESTER, CRAWLEY])


@given(
    st.lists(st.tuples(towns, st.integers(-400, 400), st.booleans()), max_size=12),
    st.lists(st.tuples(towns, st.integers(-1, 4)), min_size=1, max_size=4),
)
def test_any_instance_is_served_nearest_first_within_every_advisers_room(people, staff):
    advisers = [adviser(f"a{j}", at=at, room=room) for j, (at, room) in enumerate(staff)]
    clients = [
        client(f"c{i}", at=at, days=days, known={"a0"} if knows else ())
        for i, (at, days, knows) in enumerate(people)
    ]
    assert check(clients, advisers, propose(clients, advisers)) == []
