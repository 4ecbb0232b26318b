"""The young person told what is theirs to do (issue 32, contract v1.2 *Notifications*): a viewing
set for them and their review falling due reach them through their own account, once, in plain
words, with a link to their pages and nothing of the record; a young person with no account is not
told (their worker tells them)."""

from datetime import date, timedelta

from sqlalchemy import func, select, update

from housing.models import MoveStep, Notification, User, YoungPerson
from housing.services import accounts, emails
from housing.vocabulary import Role
from tests.builders import own_headers, seventeen, shared_proposal
from tests.plain_words import reading_ease

TODAY = date.today()  # noqa: DTZ011 - the service dates a move's steps by its own today


def agreed(client, officer, reference: str) -> str:
    """A young person whose pathway is agreed on a supported place: their move can be recorded."""
    person, proposal = shared_proposal(client, officer, reference)
    accepted = client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer)
    assert accepted.status_code == 200, accepted.json
    return person


def step(client, officer, person, kind, on):
    return client.post(f"/api/v1/young-people/{person}/move-steps", json={"kind": kind, "on": on.isoformat()},
                       headers=officer)  # fmt: skip


def theirs(db, reference_email: str, kind: str) -> list[Notification]:
    db.rollback()
    user = db.scalar(select(User).where(User.email == reference_email))
    return list(
        db.scalars(select(Notification).where(Notification.user_id == user.id, Notification.kind == kind))
    )


def test_a_viewing_set_ahead_tells_the_young_person_once_in_plain_words_with_a_link(app, client, officer, db):
    person = agreed(client, officer, "YP-VIEW")
    own_headers(app, "YP-VIEW", "view@young.example")
    on = TODAY + timedelta(days=10)

    set_ = step(client, officer, person, "viewing", on)
    offered = step(client, officer, person, "offer_made", TODAY)  # recorded today, before the viewing

    assert set_.status_code == 201, set_.json
    assert offered.status_code == 201, offered.json
    [told] = theirs(db, "view@young.example", "viewing_set")
    assert told.link == "/me"
    assert f"{on.day} {on:%B %Y}" in told.body
    assert reading_ease(f"{told.subject}. {told.body}") >= 70, told.body
    for word in ("Worthing", "Seaview", "YP-VIEW", "supported", "placement"):
        assert word not in told.body + told.subject
    everyone = db.scalars(select(Notification).where(Notification.kind == "viewing_set")).all()
    assert [n.user_id for n in everyone] == [told.user_id]  # the officer is not told: they set it
    with app.extensions["pathways"].writer_factory() as session:  # by the channel they have: email
        email = emails.claim(session, told.id, "outbox", link_base="http://pathways.test", footer="")
        assert (email.to, email.subject) == ("view@young.example", "A day to see your new place")
        assert email.body == f"{told.body}\n\nhttp://pathways.test/me"


def test_a_viewing_recorded_after_it_was_held_is_no_news_and_none_is_told_without_an_account_in_use(
    app, client, officer, db
):
    held = agreed(client, officer, "YP-HELD")
    own_headers(app, "YP-HELD", "held@young.example")
    with app.extensions["pathways"].writer_factory() as session, session.begin():  # agreed a week ago
        session.execute(update(YoungPerson).where(YoungPerson.id == held)
                        .values(pathway_agreed_on=TODAY - timedelta(days=7)))  # fmt: skip
    no_account = agreed(client, officer, "YP-NOACCOUNT")
    disabled = agreed(client, officer, "YP-DISABLED")
    own_headers(app, "YP-DISABLED", "disabled@young.example")
    with app.extensions["pathways"].writer_factory() as session:
        accounts.disable(session, "disabled@young.example")

    assert step(client, officer, held, "viewing", TODAY - timedelta(days=1)).status_code == 201
    assert step(client, officer, no_account, "viewing", TODAY + timedelta(days=3)).status_code == 201
    assert step(client, officer, disabled, "viewing", TODAY + timedelta(days=3)).status_code == 201

    assert theirs(db, "held@young.example", "viewing_set") == []
    assert db.scalar(select(func.count(Notification.id)).where(Notification.kind == "viewing_set")) == 0


def test_a_viewing_is_set_at_most_eight_weeks_ahead_and_other_steps_never_ahead(app, client, officer, db):
    person = agreed(client, officer, "YP-AHEAD")
    own_headers(app, "YP-AHEAD", "ahead@young.example")

    too_far = step(client, officer, person, "viewing", TODAY + timedelta(days=57))
    signed_ahead = step(client, officer, person, "signed", TODAY + timedelta(days=1))

    assert too_far.status_code == 422
    assert "8 weeks" in too_far.json["errors"]["json"]["on"][0]
    assert signed_ahead.status_code == 422
    assert "today or earlier" in signed_ahead.json["errors"]["json"]["on"][0]
    db.rollback()
    assert db.scalars(select(MoveStep).where(MoveStep.young_person_id == person)).all() == []
    assert theirs(db, "ahead@young.example", "viewing_set") == []
    assert step(client, officer, person, "viewing", TODAY + timedelta(days=56)).status_code == 201


def test_their_review_due_tells_them_once_and_no_one_without_an_account(app, client, officer, db):
    seventeen(client, officer, "YP-REVIEW", "Reviewname")
    seventeen(client, officer, "YP-NOREVIEW", "Otherreview")
    own_headers(app, "YP-REVIEW", "review@young.example")

    for _ in range(2):
        with app.app_context():
            app.extensions["pathways_tasks"]["morning"].call_local()

    [told] = theirs(db, "review@young.example", "review_due")
    assert told.link == "/me"
    assert reading_ease(f"{told.subject}. {told.body}") >= 70, told.body
    assert "Reviewname" not in told.body
    young_people_told = db.scalars(
        select(Notification.user_id).join(User).where(User.role == Role.YOUNG_PERSON)
    ).all()
    assert young_people_told == [told.user_id]  # YP-NOREVIEW has no account: nothing for them
