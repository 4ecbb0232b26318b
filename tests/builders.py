"""Builders the tests share: records made through the API or the pages, and what a test reads back.

One module, so no test module imports another; each builder asserts its request succeeded.
"""

import io
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from flask import Flask
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from housing.clock import today
from housing.lifedates import add_months
from housing.models import (
    AuditEntry,
    MatchingRun,
    Notification,
    Option,
    Proposal,
    YoungPerson,
)
from housing.services import accounts, own_access
from housing.vocabulary import Role
from tests import payloads
from tests.districts.conftest import MARKERS
from tests.web.conftest import csrf

# Young people and runs as the scenario's day sees them.

SCENARIO_DAY = "2026-11-23"


def add_young_person(client, headers, reference, **overrides):
    """A young person as tests/payloads.py writes one (step-free, near Worthing)."""
    body = payloads.young_person(reference=reference, **overrides)
    response = client.post("/api/v1/young-people", json=body, headers=headers)
    assert response.status_code == 201, response.json
    return response.json["id"]


def matching_run(client, headers, **body):
    """A matching run as of the scenario's day."""
    response = client.post("/api/v1/matching/runs", json={"as_of": SCENARIO_DAY, **body}, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


# A young person needing a move today, an option, a run, a placement and its end.

TODAY = today()
LATER = TODAY + timedelta(days=14)


def young_person(client, officer, reference, **overrides):
    """A 19-year-old needing a move today, near Worthing."""
    body = payloads.young_person(reference=reference, date_of_birth=payloads.born_aged(19), **overrides)
    body.setdefault("move_date", TODAY.isoformat())
    response = client.post("/api/v1/young-people", json=body, headers=officer)
    assert response.status_code == 201, response.json
    return response.json["id"]


def option(client, officer, route="supported_accommodation", **overrides):
    fields = {"place": "Worthing", "available_from": "2026-01-01", "step_free": True, "min_age": 16}
    if route == "staying_put":
        fields |= {"carer_willing": True}
    response = client.post(
        "/api/v1/options", json=payloads.option(route, **(fields | overrides)), headers=officer
    )
    assert response.status_code == 201, response.json
    return response.json["id"]


def run(client, officer, as_of=TODAY, **body):
    response = client.post(
        "/api/v1/matching/runs", json={"as_of": as_of.isoformat(), **body}, headers=officer
    )
    assert response.status_code == 201, response.json
    return response.json


def accept(client, officer, proposal):
    return client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer)


def placed(client, officer, person, place):
    """Run for one young person, accept the one proposal, and return their placement."""
    [proposal] = run(client, officer, young_people=[person])["proposals"]
    assert proposal["option"] == place
    assert accept(client, officer, proposal).status_code == 200
    return record(client, officer, person)["placements"][0]


def record(client, officer, person):
    return client.get(f"/api/v1/young-people/{person}", headers=officer).json


def end(client, headers, placement_id, **body):
    body = {"ends_on": LATER.isoformat(), "reason": "moved_on", **body}
    return client.post(f"/api/v1/placements/{placement_id}/end", json=body, headers=headers)


# A supported place the matcher can offer.


def supported_place(client, headers, place="Worthing", capacity=1, **overrides):
    # Step-free, since the young people of these tests need it (payloads.young_person).
    body = payloads.option(
        "supported_accommodation", place=place, capacity=capacity, available_from="2026-01-01", min_age=16,
        step_free=True, **overrides,
    )  # fmt: skip
    response = client.post("/api/v1/options", json=body, headers=headers)
    assert response.status_code == 201, response.json
    return response.json["id"]


# Sufficiency and what-if: someone due soon, a place in Worthing.


def due_soon(reference: str, **overrides) -> dict:
    """A 17-year-old whose 17½ date is a month away: urgent."""
    born = add_months(today() + timedelta(days=30), -(12 * 17 + 6)).isoformat()
    return payloads.young_person(reference=reference, date_of_birth=born, **overrides)


def create(client, headers, path, body) -> str:
    response = client.post(path, json=body, headers=headers)
    assert response.status_code == 201, response.json
    return response.json["id"]


def worthing_place(client, headers, capacity=1, place="Worthing", **overrides) -> str:
    body = payloads.option(
        "supported_accommodation", place=place, capacity=capacity, min_age=16, step_free=True,
        available_from="2026-01-01", **overrides,
    )  # fmt: skip
    return create(client, headers, "/api/v1/options", body)


# Current accommodation judged, and a young person of a given age.


def judged(client, officer, person, code, suitable, judged_on=TODAY):
    body = {"current_accommodation": {"code": code, "suitable": suitable, "judged_on": judged_on.isoformat()}}
    return client.patch(f"/api/v1/young-people/{person}", json=body, headers=officer)


def aged(client, officer, reference, years):
    body = payloads.young_person(reference=reference, date_of_birth=payloads.born_aged(years))
    return client.post("/api/v1/young-people", json=body, headers=officer).json["id"]


# An unaccompanied asylum-seeking young person awaiting a decision.

UASC = {"step_free": True, "uasc": True, "immigration": "awaiting_decision"}


# Every API route and its view function, for the walks over them.


def api_routes(app: Flask):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1"):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield rule, method


def handler(app: Flask, rule, method: str):
    view = app.view_functions[rule.endpoint]
    view_class = getattr(view, "view_class", None)
    return getattr(view_class, method.lower()) if view_class else view


# Officers racing for one place, on real connections.


def a_young_person(n: str) -> YoungPerson:
    return YoungPerson(
        reference=n, given_name="Racy", family_name=f"Contest-{n}", date_of_birth=date(2008, 5, 1),
        home_district="crawley", current_place="Crawley", support_level="low", immigration="not_applicable",
        step_free=False, wheelchair=False, children=0, uasc=False, avoid_places=[], avoid_districts=[],
    )  # fmt: skip


def an_option(n: str) -> Option:
    return Option(
        route="supported_lodgings", name=f"Room {n}", place="Crawley", district="crawley", capacity=1,
        available_from=date(2026, 1, 1), min_age=16, max_age=25, support_levels=["low"],
        registered_16_17=True,
    )  # fmt: skip


def contest(app, trial: int, contenders: int, same_place: bool) -> list[str]:
    """Proposals that compete: many young people for one place, or one young person for many places."""
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        people = [a_young_person(f"T{trial}-{n}") for n in range(contenders if same_place else 1)]
        options = [an_option(f"{trial}-{n}") for n in range(1 if same_place else contenders)]
        run = MatchingRun(
            as_of=date(2026, 11, 23), created_at=datetime.now(UTC), created_by="test", status="optimal",
            objective=0, solver="test", wall_ms=0, snapshot={}, digest="-", unmatched=[], summary={},
        )  # fmt: skip
        session.add_all([*people, *options, run])
        session.flush()
        proposals = [
            Proposal(
                run_id=run.id,
                position=n,
                young_person_id=people[0 if not same_place else n].id,
                option_id=options[0 if same_place else n].id,
                route="supported_lodgings",
                place="Crawley",
                cost=0,
                explanation={},
            )
            for n in range(contenders)
        ]
        session.add_all(proposals)
        session.flush()
        return [p.id for p in proposals]


def race(app, headers: dict, proposal_ids: list[str]) -> list[int]:
    start = threading.Barrier(len(proposal_ids))
    statuses: list[int] = []
    lock = threading.Lock()

    def accept(proposal_id: str) -> None:
        client = app.test_client()
        start.wait()
        status = client.post(f"/api/v1/proposals/{proposal_id}/accept", headers=headers).status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=accept, args=(pid,)) for pid in proposal_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(statuses)


# A young person's record on the pages.


def details(**overrides):
    form = {
        "reference": "WS-5001", "given_name": "Robin", "family_name": "Hartley",
        "date_of_birth-day": "14", "date_of_birth-month": "3", "date_of_birth-year": str(today().year - 17),
        "home_district": "crawley", "current_place": "Crawley", "support_level": "medium",
        "access": ["step_free"], "children": "0", "uasc": "no", "immigration": "not_applicable",
        "move_date-day": "", "move_date-month": "", "move_date-year": "", "wishes": "Near my college, please.",
    }  # fmt: skip
    form.update(overrides)
    return form


def post(client, path, form):
    return client.post(path, data={**form, "csrf_token": csrf(client, "/")})


def existing(client, officer, **overrides):
    response = client.post("/api/v1/young-people", json=payloads.young_person(**overrides), headers=officer)
    assert response.status_code == 201
    return response.json["id"]


def records(row_counts) -> dict[str, int]:
    """Every table's rows but the audit's: showing a form again views the record, and that is audited."""
    return {table: n for table, n in row_counts().items() if table not in ("audit", "audit_shown")}


def audit_details(db, person_id):
    db.rollback()
    return [
        (e.action, e.detail)
        for e in db.scalars(select(AuditEntry).where(AuditEntry.young_person_id == person_id))
    ]


# Runs on the pages.


def run_for(client, data) -> str:
    response = client.post("/runs", data={"csrf_token": csrf(client, "/runs"), **data})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response.headers["Location"]


def accept_on_page(client, run_url, proposal_id):
    run_id = run_url.rsplit("/", 1)[1]
    return client.post(
        f"/proposals/{proposal_id}/accept", data={"csrf_token": csrf(client, "/runs"), "run": run_id}
    )


# A nomination to Crawley.


def nominated(client, officer):
    """A Crawley applicant, accepted for a Crawley vacancy: a pending nomination."""
    body = payloads.young_person(reference="NOM-1", wishes="MARKER-WISHES-QZX", home_district="crawley")
    person = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    client.post(f"/api/v1/young-people/{person}/applications",
                json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
    vacancy = payloads.option("register_vacancy", place="Crawley", available_from="2026-11-01", step_free=True,
                              name="Flat 3, Ifield")  # fmt: skip
    client.post("/api/v1/options", json=vacancy, headers=officer)
    [proposal] = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json[
        "proposals"
    ]
    client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer)
    return person


# What a council officer's answers carry.

NOMINATION_FIELDS = {
    "id", "young_person", "reference", "option", "status", "reason", "decided_at", "district", "created_at", "seen_at",
}  # fmt: skip


def leaks(text: str) -> list[str]:
    return [name for name, marker in MARKERS.items() if marker in text]


def text_of(response) -> str:
    """What a person would read: the JSON or CSV as text, an XLSX workbook's cells."""
    if response.mimetype.endswith("spreadsheetml.sheet"):
        sheet = load_workbook(io.BytesIO(response.data), read_only=True).active
        return "\n".join(",".join(str(v) for v in row) for row in sheet.iter_rows(values_only=True))
    return response.get_data(as_text=True)


# Horsham's records, for another district's officer to be refused.


def horsham_records(client, officer, auth) -> dict[str, str]:
    """Horsham's vacancy and a pending nomination to it, which no Crawley officer may touch."""
    person = client.post(
        "/api/v1/young-people",
        json=payloads.young_person(reference="H-1", home_district="horsham", current_place="Horsham"),
        headers=officer,
    ).json["id"]
    client.post(
        f"/api/v1/young-people/{person}/applications",
        json={"district": "horsham", "band": "A", "applied_on": "2026-06-01"},
        headers=officer,
    )
    vacancy = client.post(
        "/api/v1/options",
        json=payloads.option(place="Horsham", available_from="2026-11-01", step_free=True),
        headers=auth.headers(Role.DISTRICT_OFFICER, "horsham"),
    ).json
    run = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    [proposal] = run["proposals"]
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    [nomination] = client.get(
        "/api/v1/districts/horsham/nominations", headers=auth.headers(Role.DISTRICT_OFFICER, "horsham")
    ).json["items"]
    return {"option": vacancy["id"], "nomination": nomination["id"], "person": person}


# A decision awaiting a team manager's sign-off, and a task, for the walks over every operation.


def awaiting_sign_off(app: Flask, proposal_id: str) -> str:
    """A sign-off awaited on an accepted proposal, written directly (as if sign-off was on then)."""
    from housing.models import SignOff  # noqa: PLC0415 (only the walks need it)

    with app.extensions["pathways"].writer_factory() as session, session.begin():
        proposal = session.get(Proposal, proposal_id)
        found = SignOff(young_person_id=proposal.young_person_id, proposal_id=proposal.id, route=proposal.route,
                        status="awaiting", agreed_by="someone.else@test.example", agreed_at=datetime.now(UTC))  # fmt: skip
        session.add(found)
        session.flush()
        return found.id


def a_task(client, headers, person) -> str:
    body = {"title": "Ring the landlord", "due_on": TODAY.isoformat()}
    return create(client, headers, f"/api/v1/young-people/{person}/tasks", body)


# Casework: young people of a given age, and the advisers a team manager allocates.


def casework_person(client, officer, reference, months_old=204, place="Worthing", links=None, given="Testy"):
    """A young person `months_old` months old today (204: 17), linked to `place`."""
    body = payloads.young_person(
        reference=reference,
        given_name=given,
        date_of_birth=add_months(TODAY - timedelta(days=1), -months_old).isoformat(),
        local_links=links or [{"kind": "college", "place": place, "importance": 3}],
        current_place=place,
    )
    response = client.post("/api/v1/young-people", json=body, headers=officer)
    assert response.status_code == 201, response.json
    return response.json["id"]


def adviser(client, manager, name="Pat Exampleworth", base="Worthing"):
    response = client.post("/api/v1/advisers", json={"name": name, "base": base}, headers=manager)
    assert response.status_code == 201, response.json
    return response.json["id"]


# Decisions on the pages: a Crawley applicant proposed a Crawley council home.


def a_crawley_proposal(client, officer) -> tuple[str, str, str]:
    """A Crawley applicant and a Crawley council home proposed for them: (person, run, proposal)."""
    body = payloads.young_person(reference="CHK-1", home_district="crawley")
    person = client.post("/api/v1/young-people", json=body, headers=officer).json["id"]
    client.post(f"/api/v1/young-people/{person}/applications",
                json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
    vacancy = payloads.option("register_vacancy", place="Crawley", available_from="2026-11-01", step_free=True,
                              name="Flat 3, Ifield")  # fmt: skip
    client.post("/api/v1/options", json=vacancy, headers=officer)
    run = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    [proposal] = run["proposals"]
    return person, run["id"], proposal["id"]


# A council's vacancy file, and its upload.

HEADER = "name,place,capacity,available_from,available_until,support_levels,bedrooms,accepts_children"


def upload(client, headers, content: bytes, filename="vacancies.csv", slug="crawley"):
    return client.post(
        f"/api/v1/districts/{slug}/vacancies",
        data={"file": (io.BytesIO(content), filename)},
        content_type="multipart/form-data",
        headers=headers,
    )


def xlsx(*rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# The young person's own view (issue 32).


def own_headers(app: Flask, reference: str, email: str) -> dict[str, str]:
    """API headers of a young person's own account, bound to the record with this reference."""
    with app.extensions["pathways"].session_factory() as session:
        token = accounts.create_user(session, email, Role.YOUNG_PERSON, None, young_person=reference)
    return {"Authorization": f"Bearer {token}"}


def shared_proposal(client, officer, reference: str, **overrides) -> tuple[str, dict]:
    """A young person needing a move, one place for them, its proposal shared with them (with its run)."""
    person = young_person(client, officer, reference, **overrides)
    supported_place(client, officer)
    made = run(client, officer, young_people=[person])
    [proposal] = made["proposals"]
    shared = client.post(f"/api/v1/proposals/{proposal['id']}/share", headers=officer)
    assert shared.status_code == 200, shared.json
    return person, {**shared.json, "run": made["id"]}


def signed_in_by_link(app: Flask, client, reference: str, email: str) -> str:
    """A young person's account for the record, signed in on `client` by a one-time link; the link."""
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(session, email, Role.YOUNG_PERSON, None, young_person=reference)
        link = session.get(Notification, own_access.ask_for_link(session, email)).link
    assert "Press the button" in client.get(link).get_data(as_text=True)
    used = client.post(link, data={"csrf_token": csrf(client, link)})
    assert used.status_code == 302, used.status_code
    assert used.headers["Location"].endswith("/me")
    return link


def seventeen(client, officer, reference, given):
    """Aged 17 with no review held: their review is overdue (due six months after 16)."""
    body = payloads.young_person(reference=reference, given_name=given, date_of_birth=payloads.born_aged(17))
    return client.post("/api/v1/young-people", json=body, headers=officer).json["id"]


IMPORTS = Path(__file__).parent / "fixtures" / "imports"


def send_import(client, headers, kind, name, content=None):
    """POST /api/v1/imports/{kind}: the fixture `name`, or `content` sent under that file name."""
    content = (IMPORTS / name).read_bytes() if content is None else content
    return client.post(
        f"/api/v1/imports/{kind}",
        data={"file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
        headers=headers,
    )
