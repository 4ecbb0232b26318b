"""A young person's "this is wrong", dealt with on the pages (issue 32): the officer marks it from the
record with a note, errors beside the field keeping what was typed; the record shows it dealt with,
and the young person reads what was done on About you, in plain words."""

from housing.vocabulary import Role
from tests.builders import signed_in_by_link, young_person
from tests.plain_words import reading_ease, visible_text
from tests.web.conftest import csrf


def said_wrong(app, client, officer, reference: str):
    """A young person signed in on their own client who said their links are wrong; (id, client)."""
    person = young_person(client, officer, reference)
    yp = app.test_client()
    signed_in_by_link(app, yp, reference, f"{reference.lower()}@young.example")
    page = "/me/this-is-wrong?about=links"
    yp.post(
        page, data={"about": "links", "words": "My college is in Crawley now", "csrf_token": csrf(yp, page)}
    )
    return person, yp


def mark_link(record: str) -> str:
    start = record.index('href="', record.index("Mark as dealt with") - 200) + 6
    return record[start : record.index('"', start)]


def test_an_officer_marks_it_dealt_with_and_the_young_person_reads_what_was_done(
    app, client, officer, person_signing_in
):
    person, yp = said_wrong(app, client, officer, "YP-MARK")
    person_signing_in(client)
    record = client.get(f"/young-people/{person}").get_data(as_text=True)
    assert "To do" in record
    page = mark_link(record)

    empty = client.post(page, data={"note": "  ", "csrf_token": csrf(client, page)})
    long = client.post(page, data={"note": "I rang the college. " * 30, "csrf_token": csrf(client, page)})
    done = client.post(page, data={"note": "I changed your college to Crawley College.",
                                   "csrf_token": csrf(client, page)})  # fmt: skip

    assert empty.status_code == 400
    text = empty.get_data(as_text=True)
    assert "<title>Error: Mark as dealt with" in text
    assert "There is a problem" in text
    assert 'href="#note">Enter what you did, for them to read' in text
    assert long.status_code == 400
    assert "I rang the college. I rang" in long.get_data(as_text=True)  # what was typed is kept
    assert "500 characters or fewer" in long.get_data(as_text=True)
    assert done.status_code == 302
    record = visible_text(client.get(done.headers["Location"]).get_data(as_text=True))
    assert "Marked as dealt with" in record
    assert "Dealt with on" in record
    assert "“I changed your college to Crawley College.”" in record
    about = visible_text(yp.get("/me/about-you").get_data(as_text=True))
    assert "Done Your worker put it right on" in about
    assert "They said: “I changed your college to Crawley College.”" in about
    assert reading_ease(about) >= 70, about
    again = client.post(page, data={"note": "Again", "csrf_token": csrf(client, page)})
    assert again.status_code == 409
    assert "marked as dealt with already" in again.get_data(as_text=True)


def test_a_young_person_sees_it_waiting_until_it_is_dealt_with(app, client, officer):
    _, yp = said_wrong(app, client, officer, "YP-WAIT")
    about = visible_text(yp.get("/me/about-you").get_data(as_text=True))
    assert "On " in about
    assert "you said: “My college is in Crawley now” Not done yet Your worker will put it right." in about


def test_roles_that_may_not_get_no_link_and_a_403_and_another_persons_request_is_a_404(
    app, client, officer, person_signing_in
):
    person, yp = said_wrong(app, client, officer, "YP-MAYNOT")
    other = young_person(client, officer, "YP-ELSE")
    person_signing_in(client)
    page = mark_link(client.get(f"/young-people/{person}").get_data(as_text=True))
    change_id = page.split("/")[-2]

    assert client.get(f"/young-people/{other}/changes/{change_id}/done").status_code == 404
    assert client.get(f"/young-people/{person}/changes/no-such/done").status_code == 404
    assert yp.get(page).status_code == 403
    manager = app.test_client()
    person_signing_in(manager, Role.TEAM_MANAGER)
    record = manager.get(f"/young-people/{person}").get_data(as_text=True)
    assert "My college is in Crawley now" in record
    assert "Mark as dealt with" not in record
    assert manager.get(page).status_code == 403
    assert manager.post(page, data={"note": "x", "csrf_token": csrf(manager, "/")}).status_code == 403
