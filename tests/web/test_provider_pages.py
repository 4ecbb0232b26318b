"""Providers on pages: searched, added and changed with errors beside each field; a scheme names its
provider and weekly cost, shown on the options list in words; commissioners read, never change."""

import io
from pathlib import Path

from sqlalchemy import select

from housing.clock import today
from housing.models import Option, Provider
from housing.vocabulary import Role
from tests.web.conftest import csrf

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
OAK = {"name": "Oak Housing Ltd", "ofsted_number": "2712345", "rating": "good",
       "inspected_on-day": "4", "inspected_on-month": "3", "inspected_on-year": "2025"}  # fmt: skip


def post(client, path, form):
    return client.post(path, data={**form, "csrf_token": csrf(client, "/")})


def test_an_officer_adds_a_provider_finds_it_and_changes_its_rating(client, person_signing_in, db):
    person_signing_in(client)

    added = post(client, "/providers/new", OAK)

    assert added.status_code == 302
    listed = client.get(added.headers["Location"]).get_data(as_text=True)
    assert "Provider added" in listed
    assert "Oak Housing Ltd" in listed
    assert "inspected 4 March 2025" in listed
    made = db.scalar(select(Provider))
    assert "No provider matches Birch." in client.get("/providers?q=Birch").get_data(as_text=True)
    changed = post(
        client, f"/providers/{made.id}/edit", OAK | {"rating": "outstanding", "inspected_on-year": "2026"}
    )
    assert changed.status_code == 302
    db.rollback()
    assert (db.get(Provider, made.id).rating, db.get(Provider, made.id).inspected_on.year) == (
        "outstanding",
        2026,
    )


def test_a_wrong_provider_is_named_beside_each_field_with_what_was_typed_kept(
    client, person_signing_in, row_counts
):
    person_signing_in(client)
    before = row_counts()["providers"]

    refused = post(client, "/providers/new", OAK | {"ofsted_number": "12-34", "inspected_on-day": "",
                                                   "inspected_on-month": "", "inspected_on-year": ""})  # fmt: skip

    text = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert 'href="#ofsted_number">The Ofsted number must be Ofsted' in text
    assert (
        'href="#inspected_on">The date inspected must be given with a rating: the date of the inspection'
        in text
    )
    assert 'value="12-34"' in text
    assert row_counts()["providers"] == before


def test_a_number_held_already_is_said_beside_it(client, person_signing_in):
    person_signing_in(client)
    post(client, "/providers/new", OAK)

    again = post(client, "/providers/new", OAK | {"name": "Copy Ltd"})

    assert again.status_code == 400
    assert "Another provider is registered with Ofsted number 2712345" in again.get_data(as_text=True)


def test_a_scheme_names_its_provider_and_weekly_cost_and_the_list_says_them(client, person_signing_in, db):
    person_signing_in(client)
    post(client, "/providers/new", OAK)
    made = db.scalar(select(Provider))
    start = today()
    form = {"name": "Oak House", "place": "Worthing", "capacity": "4", "available_from-day": str(start.day),
            "available_from-month": str(start.month), "available_from-year": str(start.year), "min_age": "16",
            "max_age": "21", "support_levels": ["low"], "bedrooms": "1", "accepts_children": "no",
            "registered_16_17": "yes", "uasc_specialist": "no", "provider": made.id, "weekly_cost": "£1,450"}  # fmt: skip
    assert "Weekly cost of a place" in client.get("/options/new?route=supported_accommodation").get_data(
        as_text=True
    )

    saved = post(client, "/options/new?route=supported_accommodation", form)

    assert saved.status_code == 302
    db.rollback()
    stored = db.scalar(select(Option).where(Option.name == "Oak House"))
    assert (stored.provider_id, stored.weekly_cost) == (made.id, 1450)
    listed = client.get("/options?route=supported_accommodation").get_data(as_text=True)
    assert "Run by Oak Housing Ltd (Ofsted: Good, inspected 4 March 2025)" in listed
    assert "£1,450 a week a place" in listed
    assert "Local Housing Allowance" not in listed  # the rates' note is for private rents only
    assert "1 with 4 places" in client.get("/providers").get_data(as_text=True)


def test_a_commissioner_reads_providers_but_may_not_add_or_change_them(client, officer, person_signing_in):
    client.post("/api/v1/providers", json={"name": "Oak Housing Ltd", "ofsted_number": "2712345",
                                           "rating": "good", "inspected_on": "2025-03-04"}, headers=officer)  # fmt: skip
    person_signing_in(client, Role.COMMISSIONER)

    shown = client.get("/providers").get_data(as_text=True)

    assert "Oak Housing Ltd" in shown
    assert "Add a provider" not in shown
    assert client.get("/providers/new").status_code == 403


def test_the_command_line_and_the_page_bring_them_in_too(app, client, person_signing_in):
    result = app.test_cli_runner().invoke(args=["import", "providers", str(FIXTURES / "providers_bad.csv")])
    assert result.exit_code == 1
    assert "line 10, column URN: the same Ofsted number as line 9" in result.stderr
    result = app.test_cli_runner().invoke(
        args=["import", "providers", str(FIXTURES / "providers_ofsted.csv")]
    )
    assert result.exit_code == 0, result.output
    assert "Imported providers_ofsted.csv: 4 added, 0 updated, 0 already as in the file." in result.stdout

    person_signing_in(client)
    bad = (FIXTURES / "providers_bad.csv").read_bytes()
    page = client.post("/imports", data={"csrf_token": csrf(client, "/imports"), "kind": "providers",
                                         "file": (io.BytesIO(bad), "providers.csv")},
                       content_type="multipart/form-data")  # fmt: skip
    assert page.status_code == 422
    assert 'value="providers" checked' in page.get_data(as_text=True)
    assert "the same Ofsted number as line 9" in page.get_data(as_text=True)
