"""The casework notifications the periodic jobs send (issue 31): review_due to the allocated officer, or
in one daily digest to housing officers; sign_off_requested to team managers; each once, naming no one."""

from sqlalchemy import select

from housing.models import Notification, User
from housing.vocabulary import Role
from tests.builders import nominated, seventeen


def test_review_due_goes_to_the_allocated_officer_and_the_rest_in_one_digest_once(
    app, client, officer, auth, db
):
    allocated = seventeen(client, officer, "R-1", "Allocatedname")
    seventeen(client, officer, "R-2", "Unallocatedname")
    officer_id = db.scalar(select(User.id).where(User.role == Role.HOUSING_OFFICER))
    db.rollback()
    given = client.post(f"/api/v1/young-people/{allocated}/workers", json={"kind": "housing_officer", "worker": officer_id},
                        headers=auth.headers(Role.TEAM_MANAGER))  # fmt: skip
    assert given.status_code == 201, given.json

    for _ in range(2):
        with app.app_context():
            app.extensions["pathways_tasks"]["morning"].call_local()

    told = db.scalars(
        select(Notification).where(Notification.kind == "review_due").order_by(Notification.link)
    ).all()
    assert [(n.subject, n.link) for n in told] == [
        ("1 pathway review is due or overdue with no officer allocated", "/reviews"),
        ("A pathway review is overdue", f"/young-people/{allocated}"),
    ]
    assert all(n.user_id == officer_id for n in told)
    assert not any(name in n.body for n in told for name in ("Allocatedname", "Unallocatedname"))


def test_team_managers_are_told_once_of_a_decision_awaiting_them_and_not_its_agreeing_officer(
    app, client, officer, auth, db
):
    manager = auth.headers(Role.TEAM_MANAGER)
    client.put("/api/v1/sign-off/routes", json={"routes": ["register_vacancy"]}, headers=manager)
    nominated(client, officer)
    for _ in range(2):
        with app.app_context():
            app.extensions["pathways_tasks"]["casework_notices"].call_local()
    told = db.scalars(select(Notification).where(Notification.kind == "sign_off_requested")).all()
    assert len(told) == 1
    assert db.get(User, told[0].user_id).role is Role.TEAM_MANAGER
    assert told[0].link.startswith("/sign-offs/")


def test_the_officer_who_agreed_is_told_when_a_decision_is_sent_back(app, client, officer, auth, db):
    manager = auth.headers(Role.TEAM_MANAGER)
    client.put("/api/v1/sign-off/routes", json={"routes": ["register_vacancy"]}, headers=manager)
    nominated(client, officer)
    [awaiting] = client.get("/api/v1/sign-offs", headers=manager).json["items"]
    client.post(f"/api/v1/sign-offs/{awaiting['id']}/decision", json={"decision": "sent_back", "reason": "Band"},
                headers=manager)  # fmt: skip
    with app.app_context():
        app.extensions["pathways_tasks"]["casework_notices"].call_local()
    [told] = db.scalars(select(Notification).where(Notification.kind == "decision_sent_back")).all()
    assert db.get(User, told.user_id).email == "housing_officer.county@test.example"
    assert told.link == f"/young-people/{awaiting['young_person']}"
