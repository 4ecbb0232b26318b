"""The monthly figures: what an inspector asks for, month by month, from the dates in the store."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from housing.clock import today
from housing.lifedates import add_months
from housing.models import Adviser, Allocation, AuditEntry
from housing.vocabulary import Role, WorkerKind
from tests.builders import a_young_person, nominated, text_of

MONTH = add_months(today().replace(day=1), -3)  # a whole month, three months back
DAY = MONTH + timedelta(days=9)


def people_reaching(app, age_months: int, count: int, prefix: str) -> list:
    """`count` young people who reach `age_months` on the 10th of MONTH."""
    people = []
    for n in range(count):
        person = a_young_person(f"{prefix}-{n}")
        person.date_of_birth = add_months(DAY, -age_months)
        people.append(person)
    return people


def store(app, *rows) -> None:
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.add_all(rows)


def twelve_deadlines_seven_met(app) -> None:
    """12 reach 17½ on DAY: 7 agreed before it, 1 after it, 4 not at all."""
    people = people_reaching(app, 210, 12, "DUE")
    for person in people[:7]:
        person.pathway_agreed_on = DAY - timedelta(days=30)
    people[7].pathway_agreed_on = DAY + timedelta(days=2)
    store(app, *people)


def row_of(text: str, section: str, month: str) -> str:
    table = text.split(f'id="{section}-caption"')[1].split("</table>", maxsplit=1)[0]
    return table.split(month)[1].split("</tr>")[0]


def cells(row: str) -> list[str]:
    return [cell.split(">", 1)[1].split("<")[0].strip() for cell in row.split("<td")[1:]]


def test_a_team_manager_reads_the_share_agreed_by_seventeen_and_a_half_month_by_month(
    app, client, person_signing_in
):
    twelve_deadlines_seven_met(app)
    person_signing_in(client, Role.TEAM_MANAGER)

    page = client.get("/reports/monthly")

    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert cells(row_of(text, "agreed_by_17_and_a_half", MONTH.strftime("%B %Y"))) == ["12", "7", "58%"]
    later = add_months(MONTH, 1).strftime("%B %Y")
    assert cells(row_of(text, "agreed_by_17_and_a_half", later)) == ["0", "0", "–"]
    assert cells(row_of(text, "agreed_by_17_and_a_half", "The last 12 months")) == ["12", "7", "58%"]
    assert "Monthly figures" in text_of(client.get("/team"))  # in the team manager's navigation


def test_advisers_by_sixteen_and_a_half_count_only_those_allocated_by_that_day(
    app, client, person_signing_in
):
    people = people_reaching(app, 198, 10, "PA")
    adviser = Adviser(name="Sam Adviser", base="Crawley")
    store(app, adviser, *people)
    # 6 allocated the day before they reached 16½, 2 five days after, 2 never.
    allocations = [
        Allocation(
            young_person_id=person.id,
            kind=WorkerKind.PERSONAL_ADVISER,
            adviser_id=adviser.id,
            starts_on=DAY - timedelta(days=1 if n < 6 else -5),
            allocated_by="manager@test.example",
            allocated_at=datetime.now(UTC),
        )
        for n, person in enumerate(people[:8])
    ]
    store(app, *allocations)
    person_signing_in(client, Role.TEAM_MANAGER)

    text = client.get("/reports/monthly").get_data(as_text=True)

    assert cells(row_of(text, "adviser_by_16_and_a_half", MONTH.strftime("%B %Y"))) == ["10", "6", "60%"]


def test_a_commissioner_sees_every_count_rounded_and_no_share_of_so_few(app, client, person_signing_in):
    twelve_deadlines_seven_met(app)
    person_signing_in(client, Role.COMMISSIONER)

    text = client.get("/reports/monthly").get_data(as_text=True)

    assert cells(row_of(text, "agreed_by_17_and_a_half", MONTH.strftime("%B %Y"))) == ["10", "5", "–"]
    assert "rounded to the nearest 5" in text
    csv = client.get("/reports/monthly.csv").get_data(as_text=True)
    assert f"{MONTH:%Y-%m},Pathway agreed by 17½,10,5,\r" in csv
    assert ",12," not in csv


def test_nominations_are_counted_by_council_and_what_became_of_them(app, client, auth, person_signing_in):
    nominated(client, auth.headers(Role.HOUSING_OFFICER))
    person_signing_in(client, Role.ADMIN)

    text = client.get("/reports/monthly").get_data(as_text=True)

    row = row_of(text, "nominations", today().strftime("%B %Y"))
    assert "Crawley" in row
    assert cells(row)[1:3] == ["1", "1"]  # made, awaiting an answer
    csv = client.get("/reports/monthly.csv").get_data(as_text=True)
    assert f"{today():%Y-%m},Crawley,1,1,0,0,0,0" in csv


def test_reading_the_figures_is_audited_naming_no_one(app, client, person_signing_in, db):
    person_signing_in(client, Role.COMMISSIONER)

    client.get("/reports/monthly")

    [entry] = db.scalars(select(AuditEntry).where(AuditEntry.action == "report read")).all()
    assert entry.young_person_id is None
    assert entry.role == "commissioner"


def test_councils_and_coordinators_cannot_read_the_figures(client, person_signing_in):
    for role in (Role.DISTRICT_OFFICER, Role.HOUSE_PROJECT_COORDINATOR):
        person_signing_in(client, role)
        assert client.get("/reports/monthly").status_code == 403
        assert client.get("/reports/monthly.csv").status_code == 403


def test_a_commissioner_sees_a_share_of_enough_young_people_worked_out_from_the_rounded_counts(
    app, client, person_signing_in
):
    people = people_reaching(app, 210, 33, "MANY")
    for person in people[:21]:
        person.pathway_agreed_on = DAY - timedelta(days=30)
    store(app, *people)
    person_signing_in(client, Role.COMMISSIONER)

    text = client.get("/reports/monthly").get_data(as_text=True)

    assert cells(row_of(text, "agreed_by_17_and_a_half", MONTH.strftime("%B %Y"))) == ["35", "20", "57%"]
