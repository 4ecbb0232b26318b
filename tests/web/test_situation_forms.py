"""Leave to remain and current accommodation recorded on pages: the row written, the audit kept, the
notice that follows a grant, and a form with problems shown again with what was typed."""

from datetime import timedelta

from sqlalchemy import select

from housing.lifedates import add_months
from housing.models import AuditEntry, Placement, YoungPerson
from housing.vocabulary import Role
from tests.builders import LATER, TODAY, UASC, details, option, placed, post, records, young_person
from tests.web.conftest import csrf

GRANTED = TODAY - timedelta(days=10)
NOTICE_ENDS = add_months(GRANTED, 3)


def boxes(name, day):
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


def judgement(code="E", suitable="yes", judged_on=TODAY):
    return {"code": code, "suitable": suitable, **boxes("judged_on", judged_on)}


def updates(db, person_id):
    db.rollback()
    query = select(AuditEntry.detail).where(
        AuditEntry.young_person_id == person_id, AuditEntry.action == "update"
    )
    return list(db.scalars(query))


def test_an_officer_records_leave_to_remain_and_the_block_contract_placement_ends_at_the_notice(
    client, officer, person_signing_in, db
):
    person = young_person(client, officer, "U", needs=UASC)
    placement = placed(
        client, officer, person, option(client, officer, uasc_specialist=True, name="UASC scheme")
    )
    person_signing_in(client)
    record_page = client.get(f"/young-people/{person}").get_data(as_text=True)
    assert f'href="/young-people/{person}/leave-to-remain"' in record_page
    form = client.get(f"/young-people/{person}/leave-to-remain").get_data(as_text=True)
    assert "They live at UASC scheme, Worthing, the county’s block-contract supported accommodation" in form

    response = post(client, f"/young-people/{person}/leave-to-remain", boxes("leave_granted_on", GRANTED))

    assert response.status_code == 302
    assert response.headers["Location"] == f"/young-people/{person}?done=leave-granted"
    db.rollback()
    row = db.get(YoungPerson, person)
    assert (row.immigration, row.leave_granted_on, row.move_date) == ("leave_granted", GRANTED, NOTICE_ENDS)
    ended = db.get(Placement, placement["id"])
    assert (ended.ends_on, ended.end_reason) == (NOTICE_ENDS, "notice_to_leave")
    assert (
        "changed immigration status (not shown); date leave to remain was granted (not shown); "
        f"move date from {TODAY.strftime('%-d %B %Y')} to {NOTICE_ENDS.strftime('%-d %B %Y')}"
    ) in updates(db, person)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Leave to remain recorded" in page
    assert f"Their placement at UASC scheme, Worthing, ends on {NOTICE_ENDS.strftime('%-d %B %Y')}" in page
    assert f"Leave to remain, granted on {GRANTED.strftime('%-d %B %Y')}; the notice to leave" in page


def test_leave_granted_in_supported_lodgings_leaves_the_placement_as_it_is(
    client, officer, person_signing_in, db
):
    person = young_person(client, officer, "U", needs=UASC)
    placement = placed(
        client, officer, person, option(client, officer, "supported_lodgings", name="Host home")
    )
    person_signing_in(client)
    form = client.get(f"/young-people/{person}/leave-to-remain").get_data(as_text=True)
    assert "They live at Host home, Worthing. This placement continues after a grant" in form

    response = post(client, f"/young-people/{person}/leave-to-remain", boxes("leave_granted_on", GRANTED))

    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Their placement at Host home, Worthing, continues; their move date has not changed." in page
    db.rollback()
    assert db.get(Placement, placement["id"]).status == "active"
    assert db.get(YoungPerson, person).leave_granted_on == GRANTED


def test_leave_granted_with_no_placement_makes_the_move_due_when_the_notice_ends(
    client, officer, person_signing_in, db
):
    person = young_person(client, officer, "U", needs=UASC, move_date=None)
    person_signing_in(client)
    form = client.get(f"/young-people/{person}/leave-to-remain").get_data(as_text=True)
    assert "No placement is recorded for them, so they will be due a move 3 months after" in form

    typed = boxes("leave_granted_on", GRANTED) | {"leave_type": "limited_leave"}
    response = post(
        client, f"/young-people/{person}/leave-to-remain", typed | boxes("leave_expires_on", LATER)
    )

    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"They are due a move on {NOTICE_ENDS.strftime('%-d %B %Y')}, when the notice ends" in page
    assert f"Limited leave to remain, granted on {GRANTED.strftime('%-d %B %Y')}, expires on" in page
    db.rollback()
    row = db.get(YoungPerson, person)
    assert (row.move_date, row.leave_type, row.leave_expires_on) == (NOTICE_ENDS, "limited_leave", LATER)


def test_leave_with_an_expiry_before_the_grant_and_no_type_is_refused_with_both_messages(
    client, officer, person_signing_in, row_counts
):
    person = young_person(client, officer, "U", needs=UASC)
    person_signing_in(client)
    before = records(row_counts)
    typed = boxes("leave_granted_on", TODAY + timedelta(days=3)) | {"leave_type": "indefinite_leave"}

    response = post(
        client, f"/young-people/{person}/leave-to-remain", typed | boxes("leave_expires_on", GRANTED)
    )

    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The date leave to remain was granted must not be in the future" in text
    assert "The date the leave expires must be left empty: indefinite leave does not expire" in text
    assert records(row_counts) == before


def test_a_grant_with_no_date_or_a_future_one_is_refused_beside_the_field_and_nothing_changes(
    client, officer, person_signing_in, row_counts, db
):
    person = young_person(client, officer, "U", needs=UASC)
    person_signing_in(client)
    before = records(row_counts)
    url = f"/young-people/{person}/leave-to-remain"

    blank = post(
        client, url, {"leave_granted_on-day": "", "leave_granted_on-month": "", "leave_granted_on-year": ""}
    )
    future = post(client, url, boxes("leave_granted_on", TODAY + timedelta(days=1)))
    ancient = post(client, url, {**boxes("leave_granted_on", GRANTED), "leave_granted_on-year": "1850"})

    assert blank.status_code == future.status_code == ancient.status_code == 400
    text = blank.get_data(as_text=True)
    assert "There is a problem" in text
    assert 'href="#leave_granted_on">Enter the date leave to remain was granted<' in text
    assert "</span> Enter the date leave to remain was granted" in text  # beside the field too
    text = future.get_data(as_text=True)
    assert "The date leave to remain was granted must not be in the future" in text
    assert f'value="{TODAY.year}"' in text  # what was typed is kept
    assert "must be a real date" in ancient.get_data(as_text=True)
    assert 'value="1850"' in ancient.get_data(as_text=True)
    assert records(row_counts) == before
    db.rollback()
    assert db.get(YoungPerson, person).leave_granted_on is None


def test_an_officer_records_where_they_live_now_and_whether_it_suits_them(
    client, officer, person_signing_in, db
):
    person = young_person(client, officer, "A")
    person_signing_in(client)
    assert "Not judged yet" in client.get(f"/young-people/{person}").get_data(as_text=True)
    form = client.get(f"/young-people/{person}/accommodation").get_data(as_text=True)
    assert ">Supported lodgings</option>" in form
    assert f'value="{TODAY.day}"' in form  # today, ready for a first judgement

    judged_last_week = TODAY - timedelta(days=7)  # a judgement may be recorded after the day it was made
    response = post(client, f"/young-people/{person}/accommodation", judgement("E", "no", judged_last_week))

    assert response.status_code == 302
    assert response.headers["Location"] == f"/young-people/{person}?done=accommodation-judged"
    db.rollback()
    row = db.get(YoungPerson, person)
    assert (row.accommodation_code, row.accommodation_suitable, row.accommodation_judged_on) == (
        "E",
        False,
        judged_last_week,
    )
    assert (
        "changed current accommodation from none to supported lodgings, not suitable "
        f"(judged on {judged_last_week.strftime('%-d %B %Y')})"
    ) in updates(db, person)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Their current accommodation is recorded" in page
    assert "Supported lodgings" in page
    assert f"No, judged {judged_last_week.strftime('%-d %B %Y')}" in page
    again = client.get(f"/young-people/{person}/accommodation").get_data(as_text=True)
    assert 'value="E" selected' in again  # the record, to change, judged again today
    assert f"Last judged on {judged_last_week.strftime('%-d %B %Y')}" in again


def test_a_judgement_with_problems_is_shown_again_with_each_reason_and_what_was_typed(
    client, officer, person_signing_in, row_counts
):
    person = young_person(client, officer, "A")
    person_signing_in(client)
    before = records(row_counts)
    url = f"/young-people/{person}/accommodation"

    nothing = post(
        client, url, {"code": "", "judged_on-day": "", "judged_on-month": "", "judged_on-year": ""}
    )
    future = post(client, url, judgement("U", "yes", TODAY + timedelta(days=3)))
    homeless = post(client, url, judgement("S", "yes"))
    impossible = post(client, url, {**judgement("U"), "judged_on-day": "31", "judged_on-month": "2"})

    assert {r.status_code for r in (nothing, future, homeless, impossible)} == {400}
    text = nothing.get_data(as_text=True)
    for field, message in (("code", "Choose the kind of accommodation"), ("suitable", "Choose whether it is suitable"),
                           ("judged_on", "Enter the date you judged it")):  # fmt: skip
        assert f'href="#{field}">{message}<' in text, field
        assert f"</span> {message}" in text, field
    text = future.get_data(as_text=True)
    assert "The date you judged it must not be in the future" in text
    assert 'value="U" selected' in text
    assert "No fixed abode or homeless is never recorded as suitable" in homeless.get_data(as_text=True)
    assert "The date you judged it must be a real date" in impossible.get_data(as_text=True)
    assert 'value="31"' in impossible.get_data(as_text=True)
    assert records(row_counts) == before


def test_only_officers_reach_the_forms_and_an_unknown_young_person_is_a_404(
    client, officer, person_signing_in, db
):
    person = young_person(client, officer, "U", needs=UASC)
    person_signing_in(client, Role.DISTRICT_OFFICER)

    assert client.get(f"/young-people/{person}/leave-to-remain").status_code == 403
    assert client.get(f"/young-people/{person}/accommodation").status_code == 403
    token = {"csrf_token": csrf(client, "/district")}
    assert client.post(f"/young-people/{person}/accommodation", data=judgement() | token).status_code == 403
    granted = boxes("leave_granted_on", GRANTED) | token
    assert client.post(f"/young-people/{person}/leave-to-remain", data=granted).status_code == 403
    db.rollback()
    row = db.get(YoungPerson, person)
    assert (row.accommodation_code, row.leave_granted_on) == (None, None)
    person_signing_in(client)
    assert client.get("/young-people/nobody/accommodation").status_code == 404
    assert client.get("/young-people/nobody/leave-to-remain").status_code == 404


def test_saving_the_details_keeps_the_grant_and_the_judgement_they_do_not_show(
    client, officer, person_signing_in, db
):
    person = young_person(client, officer, "U", needs=UASC)
    person_signing_in(client)
    post(client, f"/young-people/{person}/leave-to-remain", boxes("leave_granted_on", GRANTED))
    post(client, f"/young-people/{person}/accommodation", judgement("E", "yes"))
    form = client.get(f"/young-people/{person}/edit").get_data(as_text=True)
    assert "Choosing another status removes that date" in form

    kept = post(
        client,
        f"/young-people/{person}/edit",
        details(reference="U", uasc="yes", immigration="leave_granted"),
    )
    db.rollback()
    row = db.get(YoungPerson, person)
    assert kept.status_code == 302
    assert (row.leave_granted_on, row.accommodation_code, row.accommodation_suitable) == (GRANTED, "E", True)

    changed = post(client, f"/young-people/{person}/edit", details(reference="U", uasc="yes",
                                                                   immigration="awaiting_decision"))  # fmt: skip
    db.rollback()
    row = db.get(YoungPerson, person)
    assert changed.status_code == 302
    assert (row.immigration, row.leave_granted_on, row.accommodation_code) == ("awaiting_decision", None, "E")


def test_html_in_an_options_name_is_shown_as_text_in_the_leave_to_remain_banner(
    client, officer, person_signing_in
):
    """Issue 27: a <meta refresh> in an option's name sent an admin's tab elsewhere."""
    name = '<meta http-equiv="refresh" content="0;url=https://evil.example">Scheme'
    person = young_person(client, officer, "U", needs=UASC)
    placed(client, officer, person, option(client, officer, uasc_specialist=True, name=name))
    person_signing_in(client)

    response = post(client, f"/young-people/{person}/leave-to-remain", boxes("leave_granted_on", GRANTED))
    page = client.get(response.headers["Location"]).get_data(as_text=True)

    assert "Leave to remain recorded" in page
    assert "<meta http-equiv" not in page
    assert "&lt;meta http-equiv=&#34;refresh&#34;" in page
