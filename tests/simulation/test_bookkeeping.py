"""The simulated year's bookkeeping, on years small enough to work out by hand."""

from housing.lifedates import add_months
from matching.problem import Hold
from simulation.measures import measure
from simulation.month import Month, capacities, in_scope
from simulation.plans import plan
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

    # The service proposes again at once: B is proposed the host in the same month.
    assert [(a.young_person, a.month) for a in played.agreements] == [("B", 0)]
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


def test_a_place_is_kept_for_a_15_year_old_leaving_custody_soon_not_given_to_someone_due_in_a_year() -> None:
    later = tiny.person("L", seventeen_and_a_half_in_months=12)
    leaving = tiny.person("S", seventeen_and_a_half_in_months=19) | {  # 16 next month
        "custody_release_date": add_months(tiny.START, 2)
    }
    links = [tiny.link("L", "Worthing"), tiny.link("S", "Worthing")]
    year = tiny.year([later, leaving], [tiny.lodgings("host")], links=links, months=4, accept_rate=1.0)

    kept = play(year, "pathways")
    monthly = play(year, "monthly_run")

    assert [(a.young_person, a.month) for a in kept.agreements] == [("S", 1)]
    assert [(a.young_person, a.month) for a in monthly.agreements] == [("L", 0)]


def test_the_plan_holds_the_place_from_the_month_it_is_kept_for() -> None:
    later = tiny.person("L", seventeen_and_a_half_in_months=12)
    leaving = tiny.person("S", seventeen_and_a_half_in_months=19) | {
        "custody_release_date": add_months(tiny.START, 2)
    }
    year = tiny.year([later, leaving], [tiny.lodgings("host")], months=4, accept_rate=1.0)
    month = Month(year, 0, in_scope(year, 0, set()), capacities(year, 0, {}), frozenset())

    planned = plan(month)

    assert planned.now == []
    assert planned.held_back == {"host": Hold(places=1, from_month=add_months(tiny.START, 1))}


def test_a_held_place_still_goes_to_someone_overdue_and_only_tiers_off_keeps_it_from_them() -> None:
    overdue = tiny.person("O", seventeen_and_a_half_in_months=-1)  # 17½ passed: the plan cannot be in time
    leaving = tiny.person("S", seventeen_and_a_half_in_months=19) | {  # 16 next month
        "custody_release_date": add_months(tiny.START, 2)
    }
    year = tiny.year([overdue, leaving], [tiny.lodgings("host")], months=4, accept_rate=1.0)
    month = Month(year, 0, in_scope(year, 0, set()), capacities(year, 0, {}), frozenset())
    assert plan(month).held_back == {"host": Hold(places=1, from_month=add_months(tiny.START, 1))}

    served = play(year, "pathways")
    untiered = play(year, "tiers_off")

    # The run serves tiers first: a hold closes a place to tiers later and none only.
    assert [(a.young_person, a.month) for a in served.agreements] == [("O", 0)]
    assert [a.month for a in untiered.agreements] == [1]  # with tiers off, the place waits a month for all
    assert measure(year, served)["passed_over_per_run"] == 0
    assert measure(year, untiered)["pass_overs_not_allowed"] == 0  # a place kept empty holds no one
    assert measure(year, served)["runs"] == 4  # one a month: nothing was turned down


def test_only_a_plan_that_knows_the_year_keeps_a_place_for_someone_who_has_not_arrived_yet() -> None:
    later = tiny.person("L", seventeen_and_a_half_in_months=12)
    arriving = tiny.person("A", seventeen_and_a_half_in_months=2)
    year = tiny.year([later, arriving], [tiny.lodgings("host")], months=4, accept_rate=1.0)
    year.arrives["A"] = 1  # not on the books until month 1

    served = play(year, "pathways")
    knowing = play(year, "year_known")

    assert [(a.young_person, a.month) for a in served.agreements] == [("L", 0)]
    assert [(a.young_person, a.month) for a in knowing.agreements] == [("A", 1)]
    assert knowing.not_allowed == 0  # a place held from tier later passes no one over
