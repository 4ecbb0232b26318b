"""The officer's home page: who is due by tier (moves that cannot wait first), counts that filter, and
those with nothing due apart."""

import re
from datetime import date, timedelta

from sqlalchemy import func, select

from housing.clock import today
from housing.lifedates import birthday
from housing.models import AuditEntry
from tests import payloads


def young_person(client, officer, reference, years, days_ago=30, **overrides):
    body = payloads.young_person(
        reference=reference, date_of_birth=payloads.born_aged(years, days_ago), **overrides
    )
    response = client.post("/api/v1/young-people", json=body, headers=officer)
    assert response.status_code == 201, response.json
    return response.json


def rows(text: str, table: str) -> list[str]:
    """The references listed in a table, or in every band of the due list (`due-list`), in order."""
    end_of = "</table>" if table != "due-list" else '<nav class="govuk-pagination'
    body = text.split(f'id="{table}"', 1)[1].split(end_of, 1)[0].split('id="nothing-due"', 1)[0]
    return re.findall(r">(WS-[A-Z0-9-]+|[A-Z][A-Z0-9-]+)</span>", body)


def broken_down_today(client, officer, reference: str) -> None:
    """A 19-year-old placed in supported accommodation in Worthing whose placement broke down today."""
    person = young_person(client, officer, reference, 19, move_date=today().isoformat())["id"]
    body = payloads.option("supported_accommodation", place="Worthing", min_age=16, step_free=True)
    place = client.post("/api/v1/options", json=body, headers=officer).json["id"]
    run = client.post("/api/v1/matching/runs", json={"young_people": [person]}, headers=officer).json
    [proposal] = run["proposals"]
    assert (proposal["option"], proposal["young_person"]) == (place, person)
    assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    placement = client.get(f"/api/v1/young-people/{person}", headers=officer).json["placements"][0]
    ended = {"ends_on": today().isoformat(), "reason": "breakdown"}
    assert (
        client.post(f"/api/v1/placements/{placement['id']}/end", json=ended, headers=officer).status_code
        == 200
    )


def band(text: str, tier: str) -> list[str]:
    return rows(text, f"band-{tier}")


def count(text: str, when: str) -> int:
    return int(re.search(rf'id="count-{when}".*?pathways-count__number">(\d+)<', text, re.S).group(1))


def test_the_home_page_leads_with_moves_that_cannot_wait_then_overdue_then_the_next_90_days(
    client, officer, person_signing_in
):
    young_person(client, officer, "LATER", 16)  # 17½ in about 17 months
    young_person(client, officer, "OVERDUE", 17, 200)  # turned 17½ about three weeks ago
    young_person(client, officer, "SOON", 17, 120, home_district="crawley")  # 17½ in about two months
    in_12_days = today() + timedelta(days=12)
    young_person(client, officer, "MOVER", 21, move_date=in_12_days.isoformat())
    young_person(client, officer, "SETTLED", 22)  # nothing due
    person_signing_in(client)

    page = client.get("/")
    text = page.get_data(as_text=True)

    assert page.status_code == 200
    assert rows(text, "due-list") == ["MOVER", "OVERDUE", "SOON", "LATER"]
    assert (band(text, "move_now"), band(text, "overdue"), band(text, "soon"), band(text, "later")) == (
        ["MOVER"], ["OVERDUE"], ["SOON"], ["LATER"]
    )  # fmt: skip
    assert rows(text, "nothing-list") == ["SETTLED"]
    assert "Needs to move now (1)" in text
    assert f"Needs to move by {in_12_days.day} {in_12_days:%B}" in text
    assert "in 12 days" in text
    assert "Pathway by 17½" in text
    assert re.search(r"\d+ days ago", text)
    tags = re.findall(r'<strong class="govuk-tag (govuk-tag--\w+)">\s*([^<]+?)\s*</strong>', text)
    assert ("govuk-tag--red", "Move now") in tags
    assert ("govuk-tag--orange", "Overdue") in tags
    assert ("govuk-tag--yellow", "Due within 90 days") in tags
    assert ("govuk-tag--grey", "Due later") in tags
    counts = [count(text, tier) for tier in ("move_now", "overdue", "soon", "later", "none")]
    assert counts == [1, 1, 1, 1, 1]


def test_a_placement_breakdown_today_comes_first_in_its_own_words(client, officer, person_signing_in):
    young_person(client, officer, "OVERDUE", 17, 300)  # 17½ long past
    broken_down_today(client, officer, "BROKE")
    person_signing_in(client)

    text = client.get("/").get_data(as_text=True)

    assert rows(text, "due-list") == ["BROKE", "OVERDUE"]
    first = text.split('id="band-move_now"', 1)[1].split("</tr>", 2)[1]
    assert "Placement breakdown" in first
    assert f"Needs to move by {today().day} {today():%B} — today" in first
    assert "govuk-tag--red" in first


def test_an_18_year_old_with_no_move_date_is_overdue_and_reads_as_what_it_is(
    client, officer, person_signing_in
):
    dob = payloads.born_aged(18, days_ago=40)
    young_person(client, officer, "EIGHTEEN", 18, 40)
    person_signing_in(client)

    text = client.get("/").get_data(as_text=True)

    eighteenth = birthday(date.fromisoformat(dob), 18)
    assert band(text, "overdue") == ["EIGHTEEN"]
    assert f"18 since {eighteenth.day} {eighteenth:%B}, no move date recorded" in text


def test_the_counts_are_links_that_filter_by_tier_and_keep_the_other_filters(
    client, officer, person_signing_in
):
    young_person(client, officer, "OVERDUE", 17, 200)
    young_person(client, officer, "SOON", 17, 120, home_district="crawley")
    young_person(client, officer, "SOON-TOO", 17, 120)
    young_person(client, officer, "SETTLED", 22)
    person_signing_in(client)

    text = client.get("/?home_district=worthing").get_data(as_text=True)
    link = re.search(r'href="([^"]+)" id="count-soon"', text).group(1)
    assert "home_district=worthing" in link
    assert "due_tier=soon" in link

    filtered = client.get("/" + link.replace("&amp;", "&")).get_data(as_text=True)
    assert rows(filtered, "due-list") == ["SOON-TOO"]
    assert 'id="nothing-list"' not in filtered
    assert count(filtered, "overdue") == 1  # the counts stay whole, so the other links still lead somewhere
    nothing = client.get("/?due_tier=none").get_data(as_text=True)
    assert 'id="due-list"' not in nothing
    assert rows(nothing, "nothing-list") == ["SETTLED"]
    assert rows(client.get("/?due_tier=overdue").get_data(as_text=True), "due-list") == ["OVERDUE"]
    assert rows(client.get("/?due_tier=urgent").get_data(as_text=True), "due-list") == [
        "OVERDUE",
        "SOON",
        "SOON-TOO",
    ]  # fmt: skip - an unknown tier is as if none was chosen


def test_filters_by_district_status_age_and_what_is_due(client, officer, person_signing_in):
    young_person(client, officer, "SIXTEEN", 16)
    young_person(client, officer, "SEVENTEEN", 17, 120, home_district="crawley")
    young_person(client, officer, "MOVER", 21, move_date=(today() + timedelta(days=5)).isoformat())
    person_signing_in(client)

    def due(query):
        return rows(client.get("/?" + query).get_data(as_text=True), "due-list")

    assert due("home_district=crawley") == ["SEVENTEEN"]
    assert due("age=16-17") == ["SEVENTEEN", "SIXTEEN"]
    assert due("age=19-21") == ["MOVER"]
    assert due("due=move") == ["MOVER"]
    assert due("due=pathway") == ["SEVENTEEN", "SIXTEEN"]
    assert due("status=agreed") == []
    assert due("status=not_started") == ["MOVER", "SEVENTEEN", "SIXTEEN"]
    assert due("due_tier=move_now") == ["MOVER"]
    assert due("age=nonsense&due=whatever") == [
        "MOVER",
        "SEVENTEEN",
        "SIXTEEN",
    ]  # unknown choices are ignored


def test_the_search_box_finds_by_name_or_reference_in_the_header_of_every_officer_page(
    client, officer, person_signing_in
):
    record = young_person(client, officer, "WS-77", 17, given_name="Robin", family_name="Hartley")
    young_person(client, officer, "WS-88", 17, given_name="Sam", family_name="Okafor")
    person_signing_in(client)

    found = client.get("/?q=robin+HART").get_data(as_text=True)
    assert rows(found, "due-list") == ["WS-77"]
    assert rows(client.get("/?q=ws-8").get_data(as_text=True), "due-list") == ["WS-88"]
    record_page = client.get(f"/young-people/{record['id']}").get_data(as_text=True)
    assert 'role="search"' in record_page
    assert 'id="header-search"' in record_page


def test_every_young_person_shown_on_the_home_page_is_an_audited_view(client, officer, person_signing_in, db):
    due = young_person(client, officer, "DUE", 17)
    settled = young_person(client, officer, "SETTLED", 22)
    person_signing_in(client)

    before = db.scalar(select(func.max(AuditEntry.id))) or 0

    client.get("/")

    db.rollback()
    [view] = db.scalars(select(AuditEntry).where(AuditEntry.id > before, AuditEntry.action == "view")).all()
    assert view.detail == "home page (2 young people shown)"  # one entry for one view (issue 30)
    assert set(view.shown_ids) == {due["id"], settled["id"]}


def test_the_header_is_the_countys_own_without_the_gov_uk_crown(client, person_signing_in):
    person_signing_in(client)
    text = client.get("/").get_data(as_text=True)
    assert "West Sussex County Council" in text
    assert "Pathways" in text
    assert "govuk-logo" not in text
    assert "govuk-header" not in text
    assert "Crown copyright" not in text
