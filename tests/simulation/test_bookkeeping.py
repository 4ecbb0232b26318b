"""The simulated year's bookkeeping, on years small enough to work out by hand."""

from simulation.measures import measure
from simulation.potentials import prices
from simulation.year import play
from tests.simulation import tiny


def test_a_place_taken_stays_taken_for_the_rest_of_the_year() -> None:
    year = tiny.year(
        [
            tiny.person("A", seventeen_and_a_half_in_months=1),
            tiny.person("B", seventeen_and_a_half_in_months=2),
        ],
        [tiny.lodgings("host")],
        accept_rate=1.0,
    )

    played = play(year, "pathways")

    assert [(a.young_person, a.option, a.month) for a in played.agreements] == [("A", "host", 0)]
    assert played.waiting_at_end == ["B"]


def test_a_young_person_turning_17_and_a_half_unagreed_counts_as_missed() -> None:
    year = tiny.year([tiny.person("A", seventeen_and_a_half_in_months=1)], [], accept_rate=1.0)

    figures = measure(year, play(year, "pathways"))

    assert figures["turning_17_and_a_half"] == 1
    assert figures["agreed_by_17_and_a_half"] == 0
    assert figures["headline_share"] == 0.0


def test_someone_whose_17_and_a_half_passed_before_the_year_is_housed_but_not_in_the_headline() -> None:
    year = tiny.year(
        [tiny.person("A", seventeen_and_a_half_in_months=-1)], [tiny.lodgings("host")], accept_rate=1.0
    )

    figures = measure(year, play(year, "pathways"))

    assert figures["turning_17_and_a_half"] == 0
    assert len(play(year, "pathways").agreements) == 1


def test_a_proposal_turned_down_leaves_the_place_free_for_someone_else() -> None:
    year = tiny.year(
        [
            tiny.person("A", seventeen_and_a_half_in_months=1),
            tiny.person("B", seventeen_and_a_half_in_months=2),
        ],
        [tiny.lodgings("host")],
        accept_rate=1.0,
    )
    year._answers[("A", "host")] = True  # A (or their officer) would say no to this host

    played = play(year, "pathways")

    assert [(a.young_person, a.month) for a in played.agreements] == [("B", 1)]
    assert played.turned_down == 1
    assert measure(year, played)["agreed_by_17_and_a_half"] == 1


def test_most_due_first_gives_the_soonest_due_the_nearest_place() -> None:
    year = tiny.year(
        [
            tiny.person("later", seventeen_and_a_half_in_months=5),
            tiny.person("sooner", seventeen_and_a_half_in_months=2),
        ],
        [tiny.lodgings("near", town="Worthing"), tiny.lodgings("far", town="Crawley")],
        links=[tiny.link("later", "Worthing"), tiny.link("sooner", "Worthing")],
        accept_rate=1.0,
    )

    played = play(year, "most_due_first")

    assert {(a.young_person, a.option) for a in played.agreements} == {("sooner", "near"), ("later", "far")}


def test_a_place_someone_turning_16_soon_will_need_is_priced_and_a_spare_one_is_free() -> None:
    now, soon = (
        tiny.person("A", seventeen_and_a_half_in_months=2),
        tiny.person("F", seventeen_and_a_half_in_months=19),
    )
    links = [tiny.link("A", "Worthing"), tiny.link("F", "Worthing")]
    for capacity, priced in ((1, True), (2, False)):
        # scale 0: no imagined arrivals, only F, a child in care turning 16 next month
        year = tiny.year([now, soon], [tiny.lodgings("host", capacity=capacity)], links=links, scale=0.0)

        [price] = prices(year, tiny.START, ["A"], {"host": capacity}, frozenset())

        assert bool(price > 0) is priced
