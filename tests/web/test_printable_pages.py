"""The printable pages for the Joint Housing Pathway Planning Meeting, and the pathway summary."""

import re

from sqlalchemy import select

from housing.models import YoungPerson
from tests import payloads
from tests.builders import accept_on_page, add_young_person, option, run_for
from tests.districts.conftest import MARKERS


def test_the_printable_run_lists_everyone_most_due_first(client, officer, person_signing_in):
    add_young_person(client, officer, "LATER", date_of_birth=payloads.born_aged(16, 30))
    add_young_person(client, officer, "SOONER", date_of_birth=payloads.born_aged(17, 150))
    option(client, officer)
    option(client, officer, place="Lancing")
    person_signing_in(client)
    run_id = run_for(client, {"scope": "everyone"}).rsplit("/", 1)[1]

    printed = client.get(f"/runs/{run_id}/print")

    text = printed.get_data(as_text=True)
    assert printed.status_code == 200
    assert 'media="print"' in text
    assert text.index("SOONER") < text.index("LATER")
    assert client.get(f"/runs/{run_id}/print?district=kent").status_code == 404


def test_the_printable_page_for_a_council_carries_only_what_the_council_may_see(
    client, officer, person_signing_in, db
):
    body = {
        "reference": "CL-1", "date_of_birth": MARKERS["date_of_birth"], "home_district": "crawley", "current_place": "Crawley",
        "needs": {"immigration": MARKERS["immigration"], "custody_release_date": MARKERS["custody_release_date"],
               "avoid_places": [MARKERS["avoid_place"]], "avoid_districts": [MARKERS["avoid_district"]]},
        "local_links": [{"kind": "college", "place": "Crawley", "importance": 3, "note": MARKERS["note"]},
                     {"kind": "family", "place": MARKERS["outside_link"], "importance": 2}],
        "wishes": MARKERS["wishes"],
    }  # fmt: skip
    young = add_young_person(client, officer, **body)
    client.post(f"/api/v1/young-people/{young}/applications", json={"district": "crawley", "band": "A+",
                "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
    option(client, officer, "register_vacancy", place="Crawley", available_from="2026-11-01", min_age=18)
    person_signing_in(client)
    run = client.post("/api/v1/matching/runs", json={"as_of": "2027-10-20"}, headers=officer).json
    assert run["proposals"], run["unmatched"]

    printed = client.get(f"/runs/{run['id']}/print?district=crawley").get_data(as_text=True)
    county = client.get(f"/runs/{run['id']}/print").get_data(as_text=True)

    assert "CL-1" in printed
    assert "College in Crawley" in printed
    assert [name for name, marker in MARKERS.items() if marker in printed] == []
    assert "17 March 2027" not in printed
    assert "11 April 2009" not in printed
    assert MARKERS["outside_link"] in county  # the county's own print does carry them
    assert "CL-1" not in client.get(f"/runs/{run['id']}/print?district=horsham").get_data(as_text=True)


def test_the_printable_pathway_summary_shows_the_decision_who_made_it_and_when(
    client, officer, person_signing_in, db
):
    young = add_young_person(client, officer, "A")
    option(client, officer, name="Seaview scheme (Worthing)")
    person_signing_in(client)
    run_url = run_for(client, {"scope": "one", "young_person": young})
    proposal = re.search(r'href="/proposals/(\w+)/accept', client.get(run_url).get_data(as_text=True)).group(
        1
    )
    accept_on_page(client, run_url, proposal)

    summary = client.get(f"/young-people/{young}/summary")

    text = summary.get_data(as_text=True)
    assert summary.status_code == 200
    assert "Pathway summary" in text
    assert "Seaview scheme, Worthing" in text
    assert "housing_officer.county@test.example on " in text
    assert '<svg viewBox="0 0 640 406"' in text
    assert "College in Worthing" in text
    assert client.get("/young-people/nobody/summary").status_code == 404
    db.rollback()
    assert db.scalar(select(YoungPerson.pathway_status).where(YoungPerson.id == young)) == "agreed"
