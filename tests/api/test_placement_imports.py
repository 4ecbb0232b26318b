"""Current placements brought in through the API: all or nothing, by reference, as an accept leaves them.

The invariants run after every test (tests/conftest.py): each option's count agrees with its
placements, every agreed pathway has its placement, no young person has two.
"""

from datetime import date

from sqlalchemy import select

from housing.models import AuditEntry, Option, Placement, YoungPerson
from tests import builders, payloads
from tests.builders import IMPORTS, send_import


def named_option(client, officer, name, route="supported_accommodation", **overrides) -> str:
    fields = {"name": name, "place": "Worthing", "available_from": "2026-01-01", "min_age": 16}
    response = client.post(
        "/api/v1/options", json=payloads.option(route, **(fields | overrides)), headers=officer
    )
    assert response.status_code == 201, response.json
    return response.json["id"]


def the_county(client, officer) -> dict[str, str]:
    """The young people of the case system's report and the options placements_lcs.csv names."""
    assert send_import(client, officer, "young-people", "young_people_lcs.csv").status_code == 201
    return {
        "Worthing Foyer": named_option(client, officer, "Worthing Foyer", capacity=2),
        "Haywards Heath lodgings": named_option(
            client, officer, "Haywards Heath lodgings", "supported_lodgings", place="Haywards Heath"
        ),
        "Bognor council flat": named_option(
            client, officer, "Bognor council flat", "register_vacancy", place="Bognor Regis", min_age=16
        ),
    }


def person(db, reference) -> YoungPerson:
    db.rollback()
    return db.scalars(select(YoungPerson).where(YoungPerson.reference == reference)).one()


def placements_of(db, reference) -> list[Placement]:
    found = person(db, reference)
    return list(
        db.scalars(
            select(Placement).where(Placement.young_person_id == found.id).order_by(Placement.starts_on)
        )
    )


def test_each_placement_takes_its_place_and_agrees_the_pathway_as_an_accept_does(client, officer, db):
    options = the_county(client, officer)

    response = send_import(client, officer, "placements", "placements_lcs.csv")

    assert response.status_code == 201, response.json
    assert len(response.json["created"]) == 3
    amara = person(db, "LCS-1001")
    assert (amara.pathway_status, amara.pathway_option_id) == ("agreed", options["Worthing Foyer"])
    assert (amara.pathway_route, amara.pathway_agreed_on) == ("supported_accommodation", date(2026, 11, 1))
    [placement] = placements_of(db, "LCS-1001")
    assert (placement.status, placement.starts_on) == ("active", date(2026, 11, 1))
    assert db.get(Option, options["Worthing Foyer"]).placed == 1
    assert db.get(Option, options["Bognor council flat"]).placed == 1
    assert person(db, "LCS-1004").pathway_route == "register_vacancy"
    shown = client.get(f"/api/v1/young-people/{amara.id}", headers=officer).json
    assert shown["placements"][0]["starts_on"] == "2026-11-01"
    details = {e.detail for e in db.scalars(select(AuditEntry).where(AuditEntry.young_person_id == amara.id))}
    assert (
        "placement at Worthing Foyer, Worthing (supported accommodation) from 1 November 2026, from an imported file"
        in details
    )


def test_a_file_sent_again_changes_nothing_and_a_new_start_moves_the_placement(
    client, officer, db, row_counts
):
    the_county(client, officer)
    send_import(client, officer, "placements", "placements_lcs.csv")
    before = row_counts()

    again = send_import(client, officer, "placements", "placements_lcs.csv")

    assert (again.json["created"], again.json["updated"], again.json["unchanged"]) == ([], [], 3)
    assert {k: v for k, v in row_counts().items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }
    moved = (IMPORTS / "placements_lcs.csv").read_bytes().replace(b"01/11/2026", b"20/11/2026")
    response = send_import(client, officer, "placements", "p.csv", moved)

    assert len(response.json["updated"]) == 1
    [placement] = placements_of(db, "LCS-1001")
    assert placement.starts_on == date(2026, 11, 20)


def test_a_young_person_placed_elsewhere_leaves_their_place_the_day_the_new_one_starts(client, officer, db):
    options = the_county(client, officer)
    send_import(client, officer, "placements", "placements_lcs.csv")
    elsewhere = named_option(client, officer, "Crawley Foyer", place="Crawley")

    response = send_import(client, officer, "placements", "p.csv",
                    b"reference,option,starts_on,route\nLCS-1001,Crawley Foyer,2026-12-01,supported_accommodation\n")  # fmt: skip

    assert response.status_code == 201, response.json
    before, now = placements_of(db, "LCS-1001")
    assert (before.status, before.end_reason, before.ends_on) == ("ended", "moved_on", date(2026, 12, 1))
    assert before.held_until == date(2026, 12, 1)  # a supported place is free again from then
    assert (now.option_id, now.status) == (elsewhere, "active")
    assert db.get(Option, options["Worthing Foyer"]).placed == 0
    assert person(db, "LCS-1001").pathway_option_id == elsewhere


def test_every_bad_row_is_named_with_its_line_and_column_and_nothing_is_written(
    client, officer, db, row_counts
):
    the_county(client, officer)
    named_option(client, officer, "Shared Name")
    named_option(client, officer, "shared  name", place="Crawley")
    named_option(client, officer, "Tiny Room", capacity=1)
    for n in range(1, 6):
        builders.young_person(client, officer, f"BAD-000{n}")
    named_option(client, officer, "Staying Put with carer (Crawley)", "staying_put", place="Crawley",
                 young_person=person(db, "LCS-1005").id, carer_willing=True, min_age=17)  # fmt: skip
    before = row_counts()

    response = send_import(client, officer, "placements", "placements_bad.csv")

    assert response.status_code == 422
    assert row_counts() == before
    tiny = (
        "Tiny Room has 1 place(s); with this file's placements it would hold 2 on one day: correct the "
        "file, or end a placement there first"
    )
    assert response.json["errors"]["files"]["file"] == [
        "line 2, column Child ID: no young person has this reference: import young people first, or check it",
        "line 3, column Placement Name: no option has this name or id: check it against the list of options",
        "line 4, column Placement Name: 2 options have this name: give the option's id (on its page's address) instead",
        "line 5, column Placement Type: this option is supported accommodation, not staying put",
        "line 6, column Start Date: must be a real date, like 27/03/2026 (day/month/year) or 2026-03-27",
        "line 7, column Placement Type: must be one of register_vacancy, staying_put, supported_lodgings, "
        "supported_accommodation, house_project, private_rented",
        "line 8, column Child ID: the same young person as line 3",
        f"line 9, column Placement Name: {tiny}",
        f"line 10, column Placement Name: {tiny}",
        "line 11, column Placement Name: looks like a spreadsheet formula; enter the value itself",
        "line 12, column Start Date: required: fill in this cell",
        "line 13, column Placement Name: this Staying Put offer is another young person's",
    ]


def test_a_young_person_awaiting_a_councils_decision_keeps_their_nomination(client, officer, db, row_counts):
    builders.nominated(client, officer)
    named_option(client, officer, "Worthing Foyer")
    before = row_counts()

    response = send_import(client, officer, "placements", "p.csv",
                    b"reference,option,starts_on,route\nNOM-1,Worthing Foyer,2026-12-01,supported_accommodation\n")  # fmt: skip

    assert response.status_code == 422
    assert response.json["errors"]["files"]["file"] == [
        "line 2, column reference: a council has not yet decided their nomination: wait for its decision first"
    ]
    assert row_counts() == before


def test_a_large_file_of_5000_placements_is_imported_whole(client, officer, db):
    assert send_import(client, officer, "young-people", "young_people_large.csv").status_code == 201
    schemes = [named_option(client, officer, f"Bulk scheme {n}", capacity=1000) for n in range(1, 6)]

    response = send_import(client, officer, "placements", "placements_large.csv")

    assert response.status_code == 201, response.json
    assert len(response.json["created"]) == 5000
    db.rollback()
    assert [db.get(Option, scheme).placed for scheme in schemes] == [1000] * 5
