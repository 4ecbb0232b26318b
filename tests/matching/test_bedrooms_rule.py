"""BEDROOMS: a council's home only for a household its district's allocation scheme would house there."""

from datetime import date

import pytest

from matching import checker
from matching.eligibility import broken
from matching.problem import Option, Problem, YoungPerson

AS_OF = date(2027, 1, 4)


def pair(children: int, bedrooms: int, standard: tuple[int, ...], larger: bool, route="register_vacancy"):
    person = YoungPerson(id="p", age=19, need_date=AS_OF, pathway_deadline=AS_OF, support_level="low",
                         children=children, bedrooms_needed={0: 1, 1: 2, 2: 2}.get(children, 3))  # fmt: skip
    option = Option(id="o", route=route, place="Crawley", lat=51.1, lon=-0.19, district="crawley", remaining=1,
                    available_from=AS_OF, available_until=None, min_age=16, max_age=25,
                    support_levels=frozenset({"low"}), bedrooms=bedrooms, accepts_children=True,
                    registered_16_17=True if route == "supported_lodgings" else None,
                    scheme_bedrooms=standard, larger_homes_allowed=larger)  # fmt: skip
    return Problem(as_of=AS_OF, young_people=(person,), options=(option,)), person, option


@pytest.mark.parametrize(
    ("children", "bedrooms", "standard", "larger", "allowed"),
    [
        (0, 1, (), False, True),  # the service's own need: one bedroom for a single person
        (0, 2, (), False, False),  # a larger home, and the scheme does not let one
        (0, 2, (), True, True),  # ... where it does
        (0, 1, (2, 2, 3, 3), False, False),  # this district's standard gives a single person two
        (0, 2, (2, 2, 3, 3), False, True),
        (4, 3, (1, 2, 2, 3), False, True),  # three or more children: the last column
        (1, 1, (1, 1, 2, 3), True, True),  # the standard's own figure (CHILDREN is the county's, apart)
    ],
)
def test_the_engine_and_the_independent_checker_agree_on_bedrooms(
    children, bedrooms, standard, larger, allowed
):
    problem, person, option = pair(children, bedrooms, standard, larger)

    assert ("BEDROOMS" not in broken(problem, ("BEDROOMS",))) is allowed
    assert ("BEDROOMS" not in checker.broken_rules(problem, person, option)) is allowed


def test_bedrooms_reads_only_a_councils_homes():
    problem, person, option = pair(0, 3, (), False, route="supported_lodgings")

    assert broken(problem, ("BEDROOMS",)) == []
    assert "BEDROOMS" not in checker.broken_rules(problem, person, option)
