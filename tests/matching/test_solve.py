"""The matcher on hand-made instances: edge cases, explanations and reasons."""

from datetime import timedelta

import numpy as np
import pytest

from matching import solve
from matching.checker import check
from tests.matching.instances import AS_OF, link, option, person, preference, problem


def solved(people, options, **fields):
    instance = problem(people, options, **fields)
    solution = solve(instance)
    assert solution.status == "optimal"
    assert check(instance, solution) == []
    return solution


def test_nobody_in_scope_gives_an_empty_optimal_solution():
    solution = solved([], [option()])
    assert (solution.proposals, solution.unmatched, solution.objective) == ([], [], 0)


def test_no_options_leaves_everyone_unmatched_with_that_reason():
    solution = solved([person()], [])
    [unmatched] = solution.unmatched
    assert unmatched.reasons[0]["code"] == "NO_OPTIONS"
    assert solution.objective == unmatched.penalty


def test_all_options_full_says_so():
    solution = solved([person()], [option("a", remaining=0), option("b", remaining=0)])
    assert solution.unmatched[0].reasons == [
        {"code": "CAPACITY", "count": 2, "detail": "2 full before this run"}
    ]


def test_a_young_person_with_no_links_reaches_everywhere_and_is_matched():
    solution = solved([person(links=())], [option(place="Portsmouth")])
    assert [p.option for p in solution.proposals] == ["o1"]
    assert solution.proposals[0].explanation["links"] == []


def test_a_link_in_the_options_own_place_costs_nothing_for_distance():
    solution = solved([person(links=(link("Worthing", 3),))], [option(place="Worthing")])
    explanation = solution.proposals[0].explanation
    assert explanation["links"] == [
        {"kind": "family", "place": "Worthing", "importance": 3, "distance_km": 0.0}
    ]
    assert explanation["cost_breakdown"]["links"] == 0


def test_an_option_with_capacity_50_takes_many():
    people = [person(f"yp{n}") for n in range(60)]
    solution = solved(people, [option(remaining=50)])
    assert len(solution.proposals) == 50
    assert len(solution.unmatched) == 10
    assert all(u.reasons[-1]["code"] == "COMPETITION" for u in solution.unmatched)


def test_the_same_place_name_in_two_records_shares_one_place():
    solution = solved([person(), person("yp2")], [option("a", place="Horsham"), option("b", place="Horsham")])
    assert sorted(p.option for p in solution.proposals) == ["a", "b"]
    assert len({p.cost for p in solution.proposals}) == 1


def test_the_closest_place_to_the_links_is_proposed_and_explained():
    young_person = person(
        links=(link("Worthing", 3, "college"), link("Crawley", 1, "family")),
        preferences=(preference(1, district="worthing"),),
        pathway_deadline=AS_OF + timedelta(days=45),
        due_date=AS_OF + timedelta(days=45),
        due="pathway",
    )
    near, far, further = option("near", "Worthing"), option("far", "Crawley"), option("further", "London")
    solution = solved([young_person], [far, near, further])

    [proposal] = solution.proposals
    assert (proposal.option, proposal.route, proposal.place) == (
        "near",
        "supported_accommodation",
        "Worthing",
    )
    explanation = proposal.explanation
    assert [link["distance_km"] for link in explanation["links"]] == [0.0, pytest.approx(35.0, abs=0.2)]
    assert explanation["preference_rank"] == 1
    assert explanation["days_to_deadline"] == 45
    assert explanation["urgent"] is True
    assert explanation["pathway_deadline"] == (AS_OF + timedelta(days=45)).isoformat()
    assert (explanation["due"], explanation["due_date"], explanation["days_to_due"]) == (
        "pathway",
        (AS_OF + timedelta(days=45)).isoformat(),
        45,
    )
    breakdown = explanation["cost_breakdown"]
    assert breakdown["total"] == proposal.cost == sum(v for k, v in breakdown.items() if k != "total")
    assert breakdown["preference"] < 0
    assert [a["option"] for a in explanation["alternatives"]] == ["far", "further"]
    assert explanation["alternatives"][0]["why_not"].startswith("it costs ")
    assert explanation["alternatives"][0]["cost"] > proposal.cost
    assert explanation["alternatives"][0]["why_not_code"] == "costs_more"
    # The same links, measured from the alternative: a reader can say how much further each is.
    assert len(explanation["alternatives"][0]["link_distances_km"]) == len(explanation["links"])
    assert explanation["alternatives"][0]["link_distances_km"][0] > 0.0


def test_an_alternative_taken_by_someone_due_sooner_says_so_and_names_nobody():
    urgent = person(
        "yp-soon", due_date=AS_OF + timedelta(days=10), due_tier="move_now", links=(link("Crawley", 3),)
    )
    later = person(
        "yp-later", due_date=AS_OF + timedelta(days=300), due_tier="later", links=(link("Crawley", 1),)
    )
    solution = solved([urgent, later], [option("crawley", "Crawley"), option("horsham", "Horsham")])

    by_person = {p.young_person: p for p in solution.proposals}
    assert by_person["yp-soon"].option == "crawley"
    [alternative] = by_person["yp-later"].explanation["alternatives"]
    assert alternative["option"] == "crawley"
    assert alternative["why_not"] == "full: its places went to young people who are due sooner"
    assert alternative["why_not_code"] == "taken_by_more_urgent"
    assert alternative["link_distances_km"] == [0.0]
    assert "yp-soon" not in str(by_person["yp-later"].explanation)  # no other young person's id


def test_staying_put_continuity_and_out_of_county_move_the_cost():
    own = person("own", links=(link("Brighton"),))
    staying = option("stay", "Worthing", route="staying_put", young_person="own", carer_willing=True,
                     registered_16_17=None, uasc_specialist=None)  # fmt: skip
    brighton = option("brighton", "Brighton")
    solution = solved([own], [staying, brighton])
    parts = solution.candidates.parts  # arcs in option order: stay, brighton
    assert parts["staying_put"].tolist()[0] < 0
    assert parts["out_of_county"].tolist() == [0, 6000]
    assert [p.option for p in solution.proposals] == ["stay"]


def test_unmatched_reasons_count_the_rules_that_excluded_options_within_reach():
    young_person = person(age=17, immigration="awaiting_decision", links=(link("Crawley"),))
    options = [
        option("vacancy", route="register_vacancy", registered_16_17=None, uasc_specialist=None),
        option("unregistered", registered_16_17=False),
        option("far", "Portsmouth", registered_16_17=False),
        option("too-young", min_age=18, registered_16_17=False),
    ]
    solution = solved([young_person], options, reach_km=60)

    reasons = {r["code"]: r["count"] for r in solution.unmatched[0].reasons}
    assert reasons == {"IMMIGRATION": 1, "REGISTERED": 2, "AGE": 1, "REACH": 1}
    assert solution.unmatched[0].penalty == int(solution.candidates.penalty[0])


def test_penalties_rise_as_the_due_date_nears_and_urgent_ones_exceed_every_saving():
    people = [person(f"d{days}", due_date=AS_OF + timedelta(days=days)) for days in (300, 200, 100, 91, 90)]
    solution = solved(people, [option()])
    penalty = solution.candidates.penalty
    assert list(penalty[:4]) == sorted(penalty[:4])
    assert penalty[4] - penalty[3] > solution.candidates.cost.max() * len(people)
    assert np.all(penalty > solution.candidates.cost.max())


def test_a_rejected_pair_leaves_the_rest_of_the_problem_unchanged():
    solution = solved([person()], [option("a"), option("b", "Horsham")], rejected=frozenset({("yp1", "a")}))
    assert [p.option for p in solution.proposals] == ["b"]


def test_timings_are_reported():
    solution = solved([person()], [option()])
    assert set(solution.timings_ms) == {"build", "solve", "explain", "total"}
    assert solution.timings_ms["total"] >= solution.timings_ms["solve"]


def test_preferences_for_a_district_bring_it_within_reach():
    chichester = person(links=(link("Chichester"),), preferences=(preference(2, district="crawley"),))
    solution = solved([chichester], [option(place="Crawley")], reach_km=30)
    assert solution.proposals[0].explanation["preference_rank"] == 2


def nothing_due(id: str = "settled", **fields):
    """A 22-year-old settled where they are: nothing is due."""
    return person(id, age=22, due_date=None, due=None, **fields)


def test_with_nothing_due_only_a_move_near_their_links_or_one_they_asked_for_is_proposed():
    links = (link("Chichester", 3), link("Chichester", 1, "college"))
    far = option("far", "Bognor Regis")  # 9.5 km from both links
    assert solved([nothing_due(links=links)], [far]).proposals == []
    assert [
        p.option for p in solved([nothing_due(links=links)], [far, option("near", "Chichester")]).proposals
    ] == ["near"]
    asked = nothing_due(links=links, preferences=(preference(1, place="Bognor Regis"),))
    assert [p.option for p in solved([asked], [far]).proposals] == ["far"]
    [unmatched] = solved([nothing_due(links=links)], [far]).unmatched
    assert unmatched.penalty == 100 * 25 * 4 - 1  # links at 5 km: 25 points per importance, less one unit


def test_everyone_with_something_due_comes_before_those_with_nothing_due():
    settled = nothing_due(links=(link("Crawley"),))
    later = person("later", due_date=AS_OF + timedelta(days=200))
    solution = solved([settled, later], [option("crawley")])
    assert [p.young_person for p in solution.proposals] == ["later"]
    assert solution.unmatched[0].young_person == "settled"
    settled_penalty, later_penalty = solution.candidates.penalty
    assert settled_penalty < later_penalty


def test_proposals_and_the_unmatched_are_listed_soonest_due_first_nothing_due_last():
    people = [
        nothing_due("none", links=(link("Crawley"),)),
        person("in-200", due_date=AS_OF + timedelta(days=200)),
        person("overdue", due_date=AS_OF - timedelta(days=3)),
        person("in-20", due_date=AS_OF + timedelta(days=20)),
        nothing_due("none-far", links=(link("Chichester"),)),
        person("in-100", due_date=AS_OF + timedelta(days=100), links=(link("Chichester"),)),
    ]
    solution = solved(people, [option("a", remaining=4), option("b", "Worthing")])
    assert [p.young_person for p in solution.proposals] == ["overdue", "in-20", "in-100", "in-200", "none"]
    assert [u.young_person for u in solution.unmatched] == ["none-far"]
    [none] = [p for p in solution.proposals if p.young_person == "none"]
    assert (none.explanation["due"], none.explanation["due_date"], none.explanation["days_to_due"]) == (
        None,
        None,
        None,
    )


def test_staying_where_one_already_lives_lowers_the_cost_and_keeps_them_there():
    settled = person("settled", links=(link("Worthing", importance=1),), lives_in="home")
    home = option("home", "Horsham")  # about 28 km from Worthing
    nearer = option("nearer", "Worthing")
    solution = solved([settled], [home, nearer])
    parts = solution.candidates.parts  # arcs in option order: home, nearer
    assert parts["continuity"].tolist() == [-10_000, 0]
    assert [p.option for p in solution.proposals] == ["home"]
    assert (
        solve(problem([person("new", links=(link("Worthing"),))], [home, nearer])).proposals[0].option
        == "nearer"
    )
