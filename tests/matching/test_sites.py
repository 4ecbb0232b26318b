"""An option with several sites (a House Project cohort's districts) is costed from the site nearest the links."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from matching import Option, Problem, Site, solve
from matching.checker import check
from tests.matching import instances
from tests.matching.instances import TOWNS, link, option, person, preference
from tests.matching.strategies import problems


def site(place: str) -> Site:
    lat, lon, _ = TOWNS[place]
    return Site(place, lat, lon)


def cohort(**fields) -> Option:
    """A House Project cohort whose hub is in Crawley and whose homes will be in Worthing or Chichester."""
    return option(
        "cohort", "Crawley", route="house_project", registered_16_17=None, uasc_specialist=None,
        sites=(site("Chichester"), site("Worthing")), **fields,
    )  # fmt: skip


def test_the_links_are_measured_from_the_site_nearest_them_not_from_the_hub():
    worthing = person(links=(link("Worthing", 3),))
    at_worthing = option(
        "same", "Worthing", route="house_project", registered_16_17=None, uasc_specialist=None
    )
    instance = instances.problem([worthing], [cohort(), replace(at_worthing, remaining=1)])
    solution = solve(instance)

    costs = dict(zip(solution.candidates.option.tolist(), solution.candidates.cost.tolist(), strict=True))
    assert costs[0] == costs[1]  # the cohort's arc costs what a home in Worthing itself costs
    assert check(instance, solution) == []


def test_the_explanation_gives_the_distances_from_that_site():
    instance = instances.problem([person(links=(link("Worthing"),))], [cohort()])
    [proposal] = solve(instance).proposals
    assert [entry["distance_km"] for entry in proposal.explanation["links"]] == [0.0]


def test_someone_who_chose_the_house_project_gets_it_when_a_cohort_is_open_in_their_own_district():
    """The issue's case: measured from the Crawley hub, supported lodgings next door looked better."""
    chooser = person(
        links=(link("Chichester", 3), link("Bognor Regis", 2)),
        preferences=(preference(1, route="house_project"),),
    )
    lodgings = option("lodgings", "Chichester", route="supported_lodgings")
    with_sites = instances.problem([chooser], [cohort(), lodgings])
    at_the_hub = instances.problem([chooser], [replace(cohort(), sites=()), lodgings])

    assert [p.option for p in solve(at_the_hub).proposals] == ["lodgings"]
    solution = solve(with_sites)
    assert [p.option for p in solution.proposals] == ["cohort"]
    assert check(with_sites, solution) == []


@given(problems(), st.data())
def test_any_problem_with_sited_options_is_solved_as_the_checker_recomputes_it(problem: Problem, data):
    places = st.lists(st.sampled_from(sorted(TOWNS)), min_size=1, max_size=3, unique=True)
    options = tuple(
        replace(o, sites=tuple(site(p) for p in data.draw(places))) if data.draw(st.booleans()) else o
        for o in problem.options
    )
    sited = replace(problem, options=options)
    assert check(sited, solve(sited)) == []
