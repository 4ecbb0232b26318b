"""The plan of the coming months on instances small enough to work out by hand."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from matching.horizon import PlaceMonths, month_arcs, plan, without
from matching.months_once import month_tables, of_problems
from matching.problem import Hold
from tests.matching.instances import link, option, person, problem
from tests.matching.strategies import problems

MONTHS = tuple(date(2027, m, 1) for m in range(1, 7))
PENALTY = 1_000


def test_a_place_is_held_from_someone_due_later_for_someone_due_in_three_months() -> None:
    # One place free now. "later" is due in a year; "soon" comes into scope next month (turning
    # 16), is due in month 3 and can only use this place. Given now to "later", "soon" would have
    # nothing in time.
    problem = PlaceMonths.of(
        MONTHS,
        [("later", "lodgings", m, 10) for m in range(6)] + [("soon", "lodgings", m, 10) for m in range(1, 6)],
        {"later": PENALTY, "soon": PENALTY},
        {("lodgings", 0): 1},
        in_time={"later": 12, "soon": 3},
        wait_cost=1,
    )

    planned = plan(problem)

    assert planned.now == []
    assert planned.held_back == {"lodgings": Hold(places=1, from_month=date(2027, 2, 1))}
    assert [(p, o) for p, o, _m, _c in planned.agreements] == [("soon", "lodgings")]


def test_the_held_place_is_held_from_the_month_its_young_person_is_planned_to_take_it() -> None:
    # "soon" is known now but only in scope (allowed) from month 3.
    problem = PlaceMonths.of(
        MONTHS,
        [("later", "lodgings", 0, 10)] + [("soon", "lodgings", m, 10) for m in (3, 4, 5)],
        {"later": PENALTY, "soon": PENALTY},
        {("lodgings", 0): 1},
        in_time={"later": 12, "soon": 4},
        wait_cost=1,
    )

    assert plan(problem).held_back == {"lodgings": Hold(places=1, from_month=date(2027, 4, 1))}


def test_nothing_is_held_when_no_one_due_sooner_could_use_the_place() -> None:
    # "soon" can use only the hostel, so the lodgings place goes to "later" now.
    problem = PlaceMonths.of(
        MONTHS,
        [("later", "lodgings", m, 10) for m in range(6)] + [("soon", "hostel", m, 10) for m in range(6)],
        {"later": PENALTY, "soon": PENALTY},
        {("lodgings", 0): 1, ("hostel", 0): 1},
        in_time={"later": 12, "soon": 3},
    )

    planned = plan(problem)

    assert planned.held_back == {}
    assert sorted(planned.now) == [("later", "lodgings"), ("soon", "hostel")]


def test_nothing_is_held_when_a_place_known_to_come_serves_the_one_due_sooner_in_time() -> None:
    # A second lodgings place appears in month 2, before "soon" is due in month 3.
    problem = PlaceMonths.of(
        MONTHS,
        [("later", "lodgings", m, 10) for m in range(6)] + [("soon", "lodgings", m, 10) for m in range(6)],
        {"later": PENALTY, "soon": PENALTY},
        {("lodgings", 0): 1, ("lodgings", 2): 1},
        in_time={"later": 12, "soon": 3},
        wait_cost=1,
    )

    planned = plan(problem)

    assert planned.held_back == {}
    assert ("later", "lodgings") in planned.now or ("soon", "lodgings") in planned.now
    assert len(planned.agreements) == 2


def test_a_place_appearing_later_cannot_be_agreed_before_it_appears() -> None:
    problem = PlaceMonths.of(
        MONTHS,
        [("soon", "cohort", m, 10) for m in range(6)],
        {"soon": PENALTY},
        {("cohort", 3): 15},
        in_time={"soon": 5},
    )

    planned = plan(problem)

    assert planned.now == []
    assert [a[2] for a in planned.agreements] == [3]
    assert planned.held_back == {}


def test_agreeing_in_time_outweighs_any_saving_in_distance() -> None:
    # The near place is the only one "soon" can use; "later" is cheaper there but can wait for
    # the far one: in time first, then distance.
    problem = PlaceMonths.of(
        MONTHS[:2],
        [("later", "near", 0, 1), ("later", "far", 0, 900), ("soon", "near", 0, 500)],
        {"later": PENALTY, "soon": PENALTY},
        {("near", 0): 1, ("far", 0): 1},
        in_time={"later": 0, "soon": 0},
    )

    assert sorted(plan(problem).now) == [("later", "far"), ("soon", "near")]


def test_among_plans_equal_on_everything_else_the_plan_agrees_sooner() -> None:
    problem = PlaceMonths.of(
        MONTHS,
        [("soon", "lodgings", m, 10) for m in range(6)],
        {"soon": PENALTY},
        {("lodgings", 0): 1},
        in_time={"soon": 5},
        wait_cost=1,
    )

    assert plan(problem).now == [("soon", "lodgings")]


def test_a_months_arcs_are_the_same_whether_its_options_were_encoded_for_another_month_or_afresh() -> None:
    # The plan encodes one problem a month over the very same options; the second month starts from
    # the first's option columns (`options_once`): its arcs must be what a fresh encoding gives.
    options = (option("crawley", "Crawley"), option("worthing", "Worthing"), option("sp", "Horsham",
               route="staying_put", young_person="b", carer_willing=True))  # fmt: skip
    first = problem([person("a", links=(link("Crawley", 2),))], options)
    second = problem(
        [person("b", links=(link("Worthing", 3),)), person("c", links=(link("Horsham", 1),))], options
    )

    month_arcs(first)
    reused, fresh = (
        month_arcs(second),
        month_arcs(replace(second, options=options[:1] + options[1:])),
    )  # an equal tuple, not the same

    assert reused.person.tolist() == fresh.person.tolist()
    assert reused.option.tolist() == fresh.option.tolist()
    assert reused.cost.tolist() == fresh.cost.tolist()
    assert (0, 2) in zip(reused.person.tolist(), reused.option.tolist(), strict=True)  # b's carer's offer


@settings(max_examples=200, deadline=None)
@given(problems(), st.data())
def test_a_months_arcs_less_a_rejected_pair_are_those_made_afresh_with_it_rejected(drawn, data) -> None:
    # The service keeps a month's arcs from before a rejection (`coming_months`) and takes the pair
    # out: arcs, costs and penalties (whose floor is read from the dearest arc) must be the fresh ones.
    pairs = [(p.id, o.id) for p in drawn.young_people for o in drawn.options]
    assume(pairs)
    rejected = frozenset(data.draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=3)))
    unrejected = replace(drawn, rejected=frozenset(), penalty_scale=None)

    kept = without(month_arcs(unrejected), rejected)
    fresh = month_arcs(replace(unrejected, rejected=rejected))

    assert kept.person.tolist() == fresh.person.tolist()
    assert kept.option.tolist() == fresh.option.tolist()
    assert kept.cost.tolist() == fresh.cost.tolist()
    assert kept.penalty.tolist() == fresh.penalty.tolist()


@settings(max_examples=200, deadline=None)
@given(problems(), st.data())
def test_the_months_tables_built_at_once_are_those_built_month_by_month(drawn, data) -> None:
    # The service builds the plan's tables for all months at once (`months_once`): with young people
    # coming and going, ageing, and their need and due dates moving, each month's arcs, costs,
    # penalties and due dates must be those its own problem publishes.
    base = replace(drawn, rejected=frozenset())
    with_places = tuple(replace(o, remaining=1) for o in drawn.options)  # the tables give each a place
    months = []
    for m in range(data.draw(st.integers(1, 4))):
        people = tuple(
            replace(
                p,
                age=p.age + data.draw(st.integers(0, 2)),
                need_date=p.need_date + timedelta(days=data.draw(st.integers(-40, 90))),
                due_date=data.draw(st.sampled_from([p.due_date, None, base.as_of + timedelta(days=30 * m)])),
            )
            for p in base.young_people
            if data.draw(st.integers(0, 3))  # in scope three months in four
        )
        months.append(replace(base, as_of=base.as_of + timedelta(days=30 * m), young_people=people))

    at_once = month_tables(*of_problems(months))

    assert len(at_once) == len(months)
    for built, month in zip(at_once, months, strict=True):
        fresh = month_arcs(replace(month, options=with_places))
        assert (built.people, built.options, built.due) == (fresh.people, fresh.options, fresh.due)
        assert built.person.tolist() == fresh.person.tolist()
        assert built.option.tolist() == fresh.option.tolist()
        assert built.cost.tolist() == fresh.cost.tolist()
        assert built.penalty.tolist() == fresh.penalty.tolist()
