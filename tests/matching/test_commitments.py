"""A council's remaining yearly commitment as a limit on a run (`Problem.district_caps`), by hand."""

from dataclasses import replace
from types import MappingProxyType

from matching import solve
from matching.checker import check
from tests.matching.instances import link, option, person, problem


def council_home(id: str, place: str = "Crawley"):
    return option(id, place, route="register_vacancy", registered_16_17=None, uasc_specialist=None)


def two_applicants_two_homes(**fields):
    return problem([person("a"), person("b")], [council_home("flat-1"), council_home("flat-2")], **fields)


def test_without_a_limit_both_applicants_are_proposed_a_council_home(engine_path):
    run = solve(two_applicants_two_homes())

    assert len(run.proposals) == 2
    assert check(two_applicants_two_homes(), run) == []


def test_a_limit_of_one_lets_one_home_go_and_says_why_the_other_applicant_was_held_back(engine_path):
    limited = two_applicants_two_homes(district_caps=MappingProxyType({"crawley": 1}))

    run = solve(limited)

    assert len(run.proposals) == 1
    [left] = run.unmatched
    [reason] = [r for r in left.reasons if r["code"] == "COMMITMENT"]
    assert (reason["district"], reason["count"]) == ("crawley", 1)
    assert check(limited, run) == []


def test_the_limit_binds_only_that_councils_register(engine_path):
    homes = [council_home("crawley-flat"), council_home("worthing-flat", "Worthing"), option("foyer")]
    limited = problem(
        [person("a"), person("b"), person("c")], homes, district_caps=MappingProxyType({"crawley": 0})
    )

    run = solve(limited)

    assert {p.option for p in run.proposals} == {"worthing-flat", "foyer"}
    assert check(limited, run) == []


def test_an_alternative_kept_out_by_the_limit_says_so(engine_path):
    # a is proposed the foyer; the council flat had room but Crawley's limit is 0.
    limited = problem(
        [person("a")], [council_home("flat"), option("foyer")], district_caps=MappingProxyType({"crawley": 0})
    )

    run = solve(limited)

    [proposal] = run.proposals
    assert proposal.option == "foyer"
    [alternative] = proposal.explanation["alternatives"]
    assert (alternative["option"], alternative["why_not_code"]) == ("flat", "commitment_reached")
    assert check(limited, run) == []


def test_the_checker_refuses_an_answer_that_gives_more_than_the_limit():
    unlimited = two_applicants_two_homes()
    run = solve(unlimited)
    limited = replace(unlimited, district_caps=MappingProxyType({"crawley": 1}))

    assert "COMMITMENT: crawley gives 2 register vacancies, its limit is 1" in check(limited, run)


def test_a_pass_over_kept_because_the_limit_leaves_the_later_young_person_no_place_is_accepted(engine_path):
    # a (soon) would rather have the foyer that b (later) holds; b could move only to a council flat,
    # and Crawley's limit of one is taken by c (later), who can live nowhere else. Exchanging would
    # leave b with no place, so the run keeps it, and the checker must see the limit to agree.
    a = person(
        "a", due_tier="soon", support_level="low", links=(link("Horsham"),), applied_districts=frozenset()
    )
    b = person("b", due_tier="later", applied_districts=frozenset({"crawley"}))
    c = person("c", due_tier="later", support_level="high", applied_districts=frozenset({"crawley"}))
    homes = [
        option("foyer", "Horsham", support_levels=frozenset({"low", "medium"})),
        option("far", "Chichester", support_levels=frozenset({"low"})),
        council_home("flat-1"),
        council_home("flat-2"),
    ]
    limited = problem([a, b, c], homes, district_caps=MappingProxyType({"crawley": 1}))

    run = solve(limited)

    placed = {p.young_person: p.option for p in run.proposals}
    assert (placed["a"], placed["b"]) == ("far", "foyer")
    assert placed["c"] in {"flat-1", "flat-2"}
    assert check(limited, run) == []
