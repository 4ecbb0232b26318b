"""The young person's own pages (issue 32): getting in by a one-time link under the staff session
rules, their plan in plain words, their answer reaching the officer, and nothing else of anyone's."""

import gzip
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from housing.errors import Invalid
from housing.models import AuditEntry, Notification, PageSession, SentEmail, User
from housing.services import accounts, emails, own_access
from housing.vocabulary import Role
from tests.builders import shared_proposal, signed_in_by_link, young_person
from tests.plain_words import reading_ease, visible_text
from tests.web.conftest import csrf

STAFF_PAGES = ("/", "/runs", "/options", "/audit", "/my-young-people", "/young-people/new", "/sufficiency")


def test_an_invited_young_person_signs_in_by_link_once_and_the_session_rules_hold(app, client, officer, db):
    person = young_person(client, officer, "YP-LINK")
    yp = app.test_client()

    link = signed_in_by_link(app, yp, "YP-LINK", "link@test.example")

    assert "Your plan" in yp.get("/me").get_data(as_text=True)
    again = app.test_client()
    refused = again.post(link, data={"csrf_token": csrf(again, link)})
    assert refused.status_code == 400
    refused_page = refused.get_data(as_text=True)
    assert "expired or has been used" in refused_page
    assert "<title>Error: This link does not work" in refused_page  # an error state, read as one
    assert 'class="govuk-error-summary"' in refused_page
    assert 'href="#new-link"' in refused_page
    assert 'id="new-link"' in refused_page
    # 30 minutes idle ends the session, as for staff.
    user = db.scalar(select(User).where(User.young_person_id == person))
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.execute(update(PageSession).where(PageSession.user_id == user.id)
                        .values(seen_at=datetime.now(UTC) - timedelta(minutes=31)))  # fmt: skip
    assert yp.get("/me").status_code == 302


def test_disabling_the_account_ends_the_session_and_refuses_a_new_link(app, client, officer):
    young_person(client, officer, "YP-OFF")
    yp = app.test_client()
    signed_in_by_link(app, yp, "YP-OFF", "off@test.example")
    with app.extensions["pathways"].writer_factory() as session:
        accounts.disable(session, "off@test.example")

    assert yp.get("/me").status_code == 302
    sent = yp.post("/me/sign-in", data={"email": "off@test.example", "csrf_token": csrf(yp, "/me/sign-in")})
    assert sent.status_code == 200  # the same answer for everyone: no one learns who has an account
    assert "If off@test.example is on Pathways" in sent.get_data(as_text=True)


def test_a_link_is_emailed_once_a_minute_at_most_and_the_answer_never_says_who_is_known(
    app, client, officer, db
):
    young_person(client, officer, "YP-FLOOD")
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(session, "flood@test.example", Role.YOUNG_PERSON, None, young_person="YP-FLOOD")
    answers = []
    for email in ("flood@test.example", "flood@test.example", "stranger@test.example"):
        sent = client.post("/me/sign-in", data={"email": email, "csrf_token": csrf(client, "/me/sign-in")})
        page = re.sub(r'nonce="[^"]+"', "", sent.get_data(as_text=True))  # a new nonce each answer
        answers.append(page.replace(email, "EMAIL"))
    assert answers[0] == answers[1] == answers[2]
    assert len(db.scalars(select(Notification).where(Notification.kind == "sign_in_link")).all()) == 1


def test_sign_out_ends_the_session_on_the_server(app, client, officer):
    young_person(client, officer, "YP-OUT")
    yp = app.test_client()
    signed_in_by_link(app, yp, "YP-OUT", "out@test.example")
    yp.post("/sign-out", data={"csrf_token": csrf(yp, "/me")})
    assert yp.get("/me").status_code == 302


def test_a_young_person_has_no_password(app, client, officer):
    young_person(client, officer, "YP-NOPASS")
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(
            session, "nopass@test.example", Role.YOUNG_PERSON, None, young_person="YP-NOPASS"
        )
        with pytest.raises(Invalid, match="link"):
            accounts.set_password(session, "nopass@test.example", "correct horse battery")


def test_an_officer_invites_them_on_the_record_and_the_email_carries_a_link(
    app, client, officer, person_signing_in, db
):
    person = young_person(client, officer, "YP-INVITE")
    person_signing_in(client)
    page = f"/young-people/{person}/invite"

    empty = client.post(page, data={"email": "not an email", "csrf_token": csrf(client, page)})
    assert empty.status_code == 400
    assert 'value="not an email"' in empty.get_data(as_text=True)
    sent = client.post(page, data={"email": "invite@test.example", "csrf_token": csrf(client, page)})

    assert sent.status_code == 302
    record = client.get(sent.headers["Location"]).get_data(as_text=True)
    assert "Invitation sent" in record
    assert "Invited at invite@test.example" in record
    [told] = db.scalars(select(Notification).where(Notification.kind == "sign_in_link")).all()
    assert told.link.startswith("/me/sign-in/")
    assert "YP-INVITE" not in told.body
    assert db.scalar(select(AuditEntry).where(AuditEntry.action == "young person invited")) is not None


def test_every_staff_page_is_refused_and_another_persons_proposal_is_not_found(app, client, officer):
    _, theirs = shared_proposal(client, officer, "YP-A")
    own_person = young_person(client, officer, "YP-B")
    yp = app.test_client()
    signed_in_by_link(app, yp, "YP-B", "b@test.example")

    for path in (*STAFF_PAGES, f"/young-people/{own_person}", f"/runs/{theirs['run']}"):
        assert yp.get(path).status_code == 403, path
    assert yp.get(f"/me/proposals/{theirs['id']}").status_code == 404


def test_their_plan_in_plain_words_and_nothing_of_notes_costs_or_scores(app, client, officer):
    _, proposal = shared_proposal(client, officer, "YP-PLAIN")
    yp = app.test_client()
    signed_in_by_link(app, yp, "YP-PLAIN", "plain@test.example")

    for path in ("/me", "/me/about-you", f"/me/proposals/{proposal['id']}", "/me/this-is-wrong?about=links"):
        html = yp.get(path).get_data(as_text=True)
        text = visible_text(html)
        assert reading_ease(text) >= 70, (path, round(reading_ease(text)), text)
        for word in ("cost", "score", "audit", "level 3 course", "WS-", "YP-PLAIN", "penalty"):
            assert word not in text, (path, word)
    home = visible_text(yp.get("/me").get_data(as_text=True))
    assert "Your worker has shared a place with you." in home
    assert "Stay near my college." in visible_text(yp.get("/me/about-you").get_data(as_text=True))


def test_an_answer_in_their_words_reaches_the_officer_at_accept(app, client, officer, person_signing_in, db):
    _, proposal = shared_proposal(client, officer, "YP-ANSWER")
    yp = app.test_client()
    signed_in_by_link(app, yp, "YP-ANSWER", "answer@test.example")
    page = f"/me/proposals/{proposal['id']}"

    missing = yp.post(page, data={"words": "Far from my sister", "csrf_token": csrf(yp, page)})
    assert missing.status_code == 400
    assert "Choose yes, no or not sure" in missing.get_data(as_text=True)
    assert "Far from my sister" in missing.get_data(as_text=True)  # what they typed is kept
    done = yp.post(page, data={"view": "not_sure", "words": "Far from my sister", "csrf_token": csrf(yp, page)},
                   follow_redirects=True)  # fmt: skip
    assert "Your worker can see your answer" in done.get_data(as_text=True)

    person_signing_in(client)
    check = client.get(f"/proposals/{proposal['id']}/accept").get_data(as_text=True)
    assert "Their answer: <strong>Not sure</strong>" in check
    assert "Far from my sister" in check
    assert db.scalar(select(Notification).where(Notification.kind == "view_given")) is not None


def test_an_accept_on_the_page_against_their_no_asks_for_a_reason(app, client, officer, person_signing_in):
    _, proposal = shared_proposal(client, officer, "YP-SAYS-NO")
    yp = app.test_client()
    signed_in_by_link(app, yp, "YP-SAYS-NO", "saysno@test.example")
    page = f"/me/proposals/{proposal['id']}"
    yp.post(page, data={"view": "no", "csrf_token": csrf(yp, page)})
    person_signing_in(client)
    check = f"/proposals/{proposal['id']}/accept"

    refused = client.post(check, data={"run": proposal["run"], "csrf_token": csrf(client, check)})
    assert refused.status_code == 400
    assert "enter why you accept it" in refused.get_data(as_text=True)
    accepted = client.post(check, data={"run": proposal["run"], "reason": "Only step-free place",
                                        "csrf_token": csrf(client, check)})  # fmt: skip
    assert accepted.status_code == 302


def test_this_is_wrong_reaches_their_worker_on_the_record(app, client, officer, person_signing_in):
    person = young_person(client, officer, "YP-WRONG")
    yp = app.test_client()
    signed_in_by_link(app, yp, "YP-WRONG", "wrongpage@test.example")
    page = "/me/this-is-wrong?about=links"

    empty = yp.post(page, data={"about": "links", "words": " ", "csrf_token": csrf(yp, page)})
    assert empty.status_code == 400
    sent = yp.post(page, data={"about": "links", "words": "My college is in Crawley now",
                               "csrf_token": csrf(yp, page)}, follow_redirects=True)  # fmt: skip
    assert "We have told your worker" in sent.get_data(as_text=True)

    person_signing_in(client)
    assert "My college is in Crawley now" in client.get(f"/young-people/{person}").get_data(as_text=True)


def test_each_page_is_light_on_a_phone(app, client, officer):
    """Each page's HTML under 30 KB compressed; a first visit under 150 KB compressed with the
    stylesheets and scripts it loads (and the modules those import). No web font is fetched: the
    county's stylesheet sets Arial, so the typeface files are never used."""
    _, proposal = shared_proposal(client, officer, "YP-LIGHT")
    yp = app.test_client()
    signed_in_by_link(app, yp, "YP-LIGHT", "light@test.example")

    for path in (
        "/me",
        "/me/about-you",
        f"/me/proposals/{proposal['id']}",
        "/me/this-is-wrong",
        "/me/sign-in",
        "/notifications",  # their messages
    ):
        html = yp.get(path).data
        assert len(gzip.compress(html)) < 30_000, path
        assets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
        assets += re.findall(rb'<script[^>]+src="([^"]+)"', html)
        total, seen = len(gzip.compress(html)), set()
        while assets:
            asset = assets.pop().decode()
            if asset in seen:
                continue
            seen.add(asset)
            with yp.get(asset) as response:  # a file sent from disk: closed once read
                body = response.data
            assert body, asset
            total += len(gzip.compress(body))
            assets += re.findall(rb'from "(/[^"]+)"', body)  # the modules a script imports
        assert total < 150_000, (path, total)
        assert "/assets/accessible-autocomplete.min.js" not in seen


def test_a_used_link_is_kept_nowhere_not_in_the_notification_nor_its_email(app, client, officer, db):
    young_person(client, officer, "YP-SPENT")
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(session, "spent@test.example", Role.YOUNG_PERSON, None, young_person="YP-SPENT")
        notification_id = own_access.ask_for_link(session, "spent@test.example")
        link = session.get(Notification, notification_id).link
        emails.claim(session, notification_id, "outbox", link_base="http://pathways.test", footer="")
    yp = app.test_client()

    assert yp.post(link, data={"csrf_token": csrf(yp, link)}).status_code == 302

    db.rollback()
    assert db.get(Notification, notification_id).link == "/me/sign-in"
    [email] = db.scalars(select(SentEmail).where(SentEmail.notification_id == notification_id)).all()
    assert link not in email.body
    assert "http://pathways.test/me/sign-in" in email.body


def test_a_link_sent_by_email_leaves_no_copy_in_the_store(app, client, officer, db):
    young_person(client, officer, "YP-SENT")
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(session, "sent@test.example", Role.YOUNG_PERSON, None, young_person="YP-SENT")
        notification_id = own_access.ask_for_link(session, "sent@test.example")
        link = session.get(Notification, notification_id).link
        email = emails.claim(session, notification_id, "smtp", link_base="http://pathways.test", footer="")
        assert link in email.body  # what the reader is sent

        emails.sent(session, email.id, {})

    db.rollback()
    assert db.get(Notification, notification_id).link == "/me/sign-in"
    assert link not in db.get(SentEmail, email.id).body
