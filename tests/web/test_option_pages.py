"""Housing options on pages: every route recorded, changed and withdrawn, with the API's rules and audit."""

from datetime import timedelta

from sqlalchemy import select

from housing.clock import today
from housing.models import AuditEntry, Option
from tests import payloads
from tests.web.conftest import csrf


def option_form(**overrides):
    start = today()
    form = {
        "name": "Oak House", "place": "Worthing", "capacity": "4",
        "available_from-day": str(start.day), "available_from-month": str(start.month), "available_from-year": str(start.year),
        "min_age": "16", "max_age": "21", "support_levels": ["low", "medium"], "access": ["step_free"],
        "bedrooms": "1", "accepts_children": "no",
    }  # fmt: skip
    form.update(overrides)
    return form


def post(client, path, form):
    return client.post(path, data={**form, "csrf_token": csrf(client, "/")})


def young_person(client, officer, **overrides):
    response = client.post("/api/v1/young-people", json=payloads.young_person(**overrides), headers=officer)
    assert response.status_code == 201
    return response.json["id"]


def records(row_counts) -> dict[str, int]:
    return {table: n for table, n in row_counts().items() if table != "audit"}


def test_the_routes_are_offered_and_each_form_asks_its_own_questions(client, person_signing_in):
    person_signing_in(client)
    routes = client.get("/options/new").get_data(as_text=True)
    for words in (
        "Council home",
        "Staying Put",
        "Supported lodgings",
        "Supported accommodation",
    ):
        assert words in routes
    scheme = client.get("/options/new?route=supported_accommodation").get_data(as_text=True)
    assert "registered with Ofsted for 16 and 17 year olds" in scheme
    assert "specialise in unaccompanied asylum-seeking" in scheme
    lodgings = client.get("/options/new?route=supported_lodgings").get_data(as_text=True)
    assert "specialise in unaccompanied" not in lodgings
    assert "carer willing" not in client.get("/options/new?route=register_vacancy").get_data(as_text=True)


def test_a_supported_accommodation_scheme_is_recorded_with_registration_and_uasc_specialism(
    client, person_signing_in, db
):
    person_signing_in(client)

    response = post(client, "/options/new?route=supported_accommodation",
                    option_form(registered_16_17="yes", uasc_specialist="yes"))  # fmt: skip

    assert response.status_code == 302
    assert response.headers["Location"] == "/options?route=supported_accommodation&done=recorded"
    option = db.scalar(select(Option).where(Option.name == "Oak House"))
    assert (option.route, option.place, option.district, option.capacity) == (
        "supported_accommodation",
        "Worthing",
        "worthing",
        4,
    )
    assert (option.registered_16_17, option.uasc_specialist, option.step_free) == (True, True, True)
    assert option.support_levels == ["low", "medium"]
    listed = client.get("/options?route=supported_accommodation&done=recorded").get_data(as_text=True)
    assert "Option recorded" in listed
    assert "Oak House" in listed
    assert "4 of 4" in listed


def test_a_supported_route_without_its_registration_answer_is_refused_beside_it(
    client, person_signing_in, row_counts
):
    person_signing_in(client)
    before = records(row_counts)

    malformed = post(client, "/options/new?route=supported_lodgings", option_form(capacity="0"))
    unanswered = post(client, "/options/new?route=supported_lodgings", option_form(min_age="22"))

    assert malformed.status_code == unanswered.status_code == 400
    assert "The number of places must be between 1 and 10000" in malformed.get_data(as_text=True)
    assert 'value="Oak House"' in malformed.get_data(as_text=True)
    text = unanswered.get_data(as_text=True)
    assert 'href="#registered_16_17">Choose whether it is registered for 16 and 17 year olds<' in text
    assert "The youngest age must not be above the oldest age (21)" in text
    assert records(row_counts) == before


def test_a_staying_put_offer_for_a_named_young_person_is_recorded_from_their_record_and_audited(
    client, officer, person_signing_in, db
):
    person_id = young_person(client, officer)
    person_signing_in(client)
    form = client.get(f"/options/new?route=staying_put&young_person={person_id}").get_data(as_text=True)
    assert "Testy Exampleton" in form  # whose offer it is, in the summary card

    response = post(client, f"/options/new?route=staying_put&young_person={person_id}",
                    option_form(name="The Smith household", place="Lancing", capacity="1", young_person_id=person_id,
                                carer_willing="yes", min_age="18"))  # fmt: skip

    assert response.status_code == 302
    assert response.headers["Location"] == f"/young-people/{person_id}?done=staying-put"
    option = db.scalar(select(Option).where(Option.route == "staying_put"))
    assert (option.young_person_id, option.carer_willing, option.place) == (person_id, True, "Lancing")
    actions = db.scalars(
        select(AuditEntry.detail).where(
            AuditEntry.young_person_id == person_id, AuditEntry.action == "create"
        )
    )
    assert f"Staying Put offer {option.name}, Lancing" in list(actions)  # names, not ids
    shown = db.scalars(select(AuditEntry.action).where(AuditEntry.young_person_id == person_id))
    assert "view" in list(shown)  # the summary on the form is an audited view of the record
    assert "Staying Put offer recorded" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_staying_put_offer_needs_a_known_reference_and_the_carers_answer(
    client, officer, person_signing_in, row_counts
):
    young_person(client, officer)
    person_signing_in(client)
    before = records(row_counts)

    unknown = post(client, "/options/new?route=staying_put", option_form(young_person="NOBODY-1"))
    unanswered = post(client, "/options/new?route=staying_put", option_form(young_person="WS-0001"))

    assert "No young person has this case reference" in unknown.get_data(as_text=True)
    assert 'href="#carer_willing">Choose whether the carer is willing<' in unanswered.get_data(as_text=True)
    assert records(row_counts) == before


def test_an_option_is_changed_and_withdrawn(client, officer, person_signing_in, db):
    made = client.post(
        "/api/v1/options", json=payloads.option("register_vacancy", name="Flat 9"), headers=officer
    ).json
    person_signing_in(client)
    assert 'value="Flat 9"' in client.get(f"/options/{made['id']}/edit").get_data(as_text=True)

    changed = post(
        client,
        f"/options/{made['id']}/edit",
        option_form(name="Flat 9A", place="Crawley", min_age="18", capacity="2"),
    )
    assert changed.status_code == 302
    db.rollback()
    assert (db.get(Option, made["id"]).name, db.get(Option, made["id"]).capacity) == ("Flat 9A", 2)

    withdrawn = post(client, f"/options/{made['id']}/withdraw", {})
    assert withdrawn.status_code == 302
    db.rollback()
    option = db.get(Option, made["id"])
    assert option.available_until == today() - timedelta(days=1)
    assert option.available_from <= option.available_until
    assert "Option withdrawn" in client.get(withdrawn.headers["Location"]).get_data(as_text=True)


def test_a_change_below_the_places_taken_or_on_an_unknown_option_is_refused(client, person_signing_in):
    person_signing_in(client)
    assert client.get("/options/nothing/edit").status_code == 404
    assert post(client, "/options/nothing/withdraw", {}).status_code == 404
    bad = post(client, "/options/new?route=register_vacancy", option_form(min_age="20", max_age="18"))
    assert "The youngest age must not be above the oldest age (18)" in bad.get_data(as_text=True)


def test_every_problem_of_an_option_form_is_named_in_one_pass_in_plain_words(
    client, person_signing_in, row_counts
):
    """Issue 30: the ages out of order come with the fields' own problems, not after they are fixed."""
    person_signing_in(client)
    before = records(row_counts)

    refused = post(client, "/options/new?route=supported_lodgings",
                   option_form(name="", capacity="x", min_age="22", max_age="18"))  # fmt: skip

    text = refused.get_data(as_text=True)
    assert refused.status_code == 400
    for message in (
        "The number of places must be a whole number",
        "The youngest age must not be above the oldest age (18)",
        "Choose whether it is registered for 16 and 17 year olds",
    ):
        assert message in text
    assert "Length must be" not in text
    assert "Not a valid" not in text
    assert records(row_counts) == before
