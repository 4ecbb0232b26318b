"""Each hard rule alone: one young person, one option, allowed or refused — vectorised and checker agree."""

from dataclasses import replace
from datetime import timedelta

import pytest

from housing.rules import bedrooms_needed
from matching import solve
from matching.checker import broken_rules
from tests.matching.instances import AS_OF, link, option, person, preference, problem


def arc_exists(young_person, an_option, **fields) -> bool:
    instance = problem([young_person], [an_option], **fields)
    vectorised = solve(instance).candidates.size == 1
    scalar = not broken_rules(instance, young_person, an_option)
    assert vectorised == scalar, broken_rules(instance, young_person, an_option)
    return vectorised


def refused_by(young_person, an_option, **fields) -> list[str]:
    instance = problem([young_person], [an_option], **fields)
    assert solve(instance).candidates.size == 0
    return broken_rules(instance, young_person, an_option)


def test_a_plain_pair_is_allowed():
    assert arc_exists(person(), option())


@pytest.mark.parametrize(("age", "allowed"), [(15, False), (16, True), (25, True), (26, False)])
def test_age_on_the_need_date_within_the_options_range(age, allowed):
    assert arc_exists(person(age=age), option(min_age=16, max_age=25)) == allowed


def test_staying_put_only_for_its_own_young_person_while_the_carer_is_willing():
    offer = option(route="staying_put", young_person="yp1", carer_willing=True, registered_16_17=None)
    assert arc_exists(person("yp1"), offer)
    assert refused_by(person("yp2"), offer) == ["STAYING_PUT"]
    assert refused_by(person("yp1"), replace(offer, carer_willing=False)) == ["STAYING_PUT"]


def test_support_level_must_be_catered_for():
    assert refused_by(person(support_level="high"), option(support_levels=frozenset({"low"}))) == ["SUPPORT"]


@pytest.mark.parametrize(
    ("needs", "features", "allowed"),
    [
        ({"wheelchair": True}, {"wheelchair": True}, True),
        ({"wheelchair": True}, {"step_free": True}, False),
        ({"step_free": True}, {"step_free": True}, True),
        ({"step_free": True}, {"wheelchair": True}, True),
        ({"step_free": True}, {}, False),
    ],
)
def test_access_needs(needs, features, allowed):
    assert arc_exists(person(**needs), option(**features)) == allowed


@pytest.mark.parametrize(
    ("children", "accepts", "bedrooms", "allowed"),
    [(0, False, 1, True), (1, True, 2, True), (1, False, 2, False), (3, True, 2, False), (3, True, 3, True)],
)
def test_children_need_an_option_that_takes_them_with_enough_bedrooms(children, accepts, bedrooms, allowed):
    parent = person(children=children, bedrooms_needed=bedrooms_needed(children))
    assert arc_exists(parent, option(accepts_children=accepts, bedrooms=bedrooms)) == allowed


@pytest.mark.parametrize(
    ("immigration", "route", "allowed"),
    [
        ("leave_granted", "register_vacancy", True),
        ("awaiting_decision", "register_vacancy", False),
        ("appeal_rights_exhausted", "house_project", False),
        ("awaiting_decision", "supported_accommodation", True),
        ("awaiting_decision", "private_rented", False),  # a landlord's right-to-rent check
        ("not_applicable", "private_rented", True),
    ],
)
def test_a_tenancy_needs_a_settled_status(immigration, route, allowed):
    fields = {"registered_16_17": None, "uasc_specialist": None} if route != "supported_accommodation" else {}
    assert arc_exists(person(immigration=immigration), option(route=route, **fields)) == allowed


def test_a_register_vacancy_needs_an_application_to_that_district():
    vacancy = option(route="register_vacancy", registered_16_17=None, uasc_specialist=None)
    assert arc_exists(person(applied_districts=frozenset({"crawley"})), vacancy)
    assert refused_by(person(applied_districts=frozenset({"horsham"})), vacancy) == ["APPLIED"]


def test_uasc_specialist_places_are_for_uasc_only():
    assert arc_exists(person(uasc=True), option(uasc_specialist=True))
    assert refused_by(person(uasc=False), option(uasc_specialist=True)) == ["SPECIALIST"]


def test_avoided_places_and_districts_are_never_proposed():
    assert refused_by(person(avoid_places=frozenset({"Crawley"})), option()) == ["AVOID"]
    assert refused_by(person(avoid_districts=frozenset({"crawley"})), option()) == ["AVOID"]
    assert arc_exists(person(avoid_districts=frozenset({"horsham"})), option())


@pytest.mark.parametrize(
    ("available_from", "available_until", "allowed"),
    [
        (60 + 28, None, True),
        (60 + 29, None, False),
        (0, 60, True),
        (0, 59, False),
    ],
)
def test_available_within_28_days_of_the_need_date_and_not_ended(available_from, available_until, allowed):
    until = AS_OF + timedelta(days=available_until) if available_until is not None else None
    an_option = option(available_from=AS_OF + timedelta(days=available_from), available_until=until)
    assert arc_exists(person(), an_option) == allowed  # the need date is 60 days after as_of


@pytest.mark.parametrize(
    ("age", "registered", "allowed"), [(17, False, False), (17, True, True), (18, False, True)]
)
def test_under_18s_in_supported_routes_need_registered_provision(age, registered, allowed):
    assert arc_exists(person(age=age), option(registered_16_17=registered)) == allowed


def test_reach_is_within_80_km_of_a_link_or_named_in_a_preference():
    chichester_only = person(links=(link("Chichester"),))
    assert arc_exists(chichester_only, option(place="Worthing"))  # 29 km
    assert refused_by(chichester_only, option(place="London")) == ["REACH"]  # 87 km
    named = replace(chichester_only, preferences=(preference(1, place="London"),))
    assert arc_exists(named, option(place="London"))
    assert arc_exists(person(links=()), option(place="London"))  # no links: reaches everywhere
    assert arc_exists(chichester_only, option(place="London"), reach_km=100)


def test_a_rejected_pair_is_never_proposed_again():
    assert refused_by(person(), option(), rejected=frozenset({("yp1", "o1")})) == ["REJECTED"]
    assert arc_exists(person(), option(), rejected=frozenset({("yp1", "other")}))


def test_an_option_with_no_place_remaining_offers_none():
    assert refused_by(person(), option(remaining=0)) == ["CAPACITY"]
