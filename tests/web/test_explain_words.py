"""The explanation in words: due dates, distances, why not, and option names without codes."""

from datetime import date
from types import SimpleNamespace

from web.explain import due_sentence, why_not
from web.unmatched import lead
from web.words import distance, from_today, option_name

TODAY = date(2026, 11, 29)
CHOSEN = {"links": [{"kind": "family", "place": "Crawley", "importance": 2, "distance_km": 2.0},
                    {"kind": "college", "place": "Crawley", "importance": 3, "distance_km": 2.0}],
          "preference_rank": 1}  # fmt: skip


def test_what_is_due_reads_from_the_due_fields_when_the_matcher_gives_them():
    pathway = {
        "due": "pathway",
        "due_date": "2026-12-11",
        "days_to_due": 12,
        "pathway_deadline": "2026-12-11",
    }
    move = {"due": "move", "due_date": "2026-10-29", "days_to_due": -31, "pathway_deadline": "2020-01-01"}
    nothing = {"due": None, "due_date": None, "days_to_due": None, "pathway_deadline": "2020-01-01"}

    assert due_sentence(pathway, TODAY) == "Pathway due by 17½: 11 December 2026 (in 12 days)."
    assert due_sentence(move, TODAY) == "Move due: 29 October 2026 (31 days ago)."
    assert due_sentence(nothing, TODAY) == "Nothing is due yet."
    assert (
        due_sentence({"pathway_deadline": "2026-11-29"}, TODAY)
        == "Pathway due by 17½: 29 November 2026 (today)."
    )


def test_why_not_says_how_much_further_from_the_link_that_matters_most():
    further = {"why_not_code": "costs_more", "link_distances_km": [3.0, 8.0], "preference_rank": 1}
    same_place = {"why_not_code": "costs_more", "link_distances_km": [2.0, 2.0], "preference_rank": None}
    taken = {"why_not_code": "taken_by_more_urgent", "link_distances_km": [0.2, 0.2]}

    assert why_not(further, CHOSEN) == "a place 6 km further from their college"  # not "1 km from family"
    assert why_not(same_place, CHOSEN) == "it meets none of their preferences"
    assert why_not(taken, CHOSEN) == "taken by someone due sooner (it is 2 km nearer their college)"
    assert (
        why_not({"why_not": "an old explanation"}, CHOSEN) == "an old explanation"
    )  # runs made before the codes


def test_words_for_distances_days_and_options():
    assert [distance(0.2), distance(0.7), distance(12.4)] == ["in the same town", "less than 1 km", "12 km"]
    assert [from_today(date(2026, 11, 30), TODAY), from_today(date(2026, 11, 28), TODAY)] == [
        "tomorrow",
        "yesterday",
    ]
    vacancy = SimpleNamespace(route="register_vacancy", name="Quota CRAWLEY-00127, 2-bed (Ifield)", place="Ifield",
                              district="crawley", available_from=date(2027, 3, 3))  # fmt: skip
    scheme = SimpleNamespace(route="supported_accommodation", name="on-site scheme 38 (Shoreham-by-Sea)",
                             place="Shoreham-by-Sea")  # fmt: skip
    host = SimpleNamespace(route="supported_lodgings", name="Supported lodgings host 12 (Bognor Regis)",
                           place="Bognor Regis", district="arun")  # fmt: skip
    assert (
        option_name(vacancy, {"crawley": "Crawley"})
        == "Council home, 2 bedrooms, Ifield (Crawley register), free from 3 March 2027"
    )
    assert option_name(scheme, {}) == "On-site scheme 38, Shoreham-by-Sea"
    assert option_name(host, {}) == "Supported lodgings host 12, Bognor Regis"


def test_the_unmatched_lead_names_the_councils_to_apply_to_or_the_main_obstacle():
    councils = {"crawley": "Crawley", "horsham": "Horsham", "worthing": "Worthing"}
    access = [
        {"code": "REACH", "count": 40},
        {"code": "ACCESS", "count": 12},
        {"code": "COMPETITION", "count": 2},
    ]

    assert lead([], ["crawley", "horsham"], councils) == (
        "No application to a register with a vacancy within reach: apply to Crawley or Horsham."
    )
    assert lead([], list(councils), councils).endswith("apply to any council's register.")
    assert lead(access, [], councils).startswith("No place within reach is accessible enough")
