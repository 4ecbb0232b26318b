"""The officers' home page shows the share of care leavers in suitable accommodation by age."""

from tests.builders import aged, judged


def test_the_officers_home_page_shows_the_share_in_suitable_accommodation_by_age(
    client, officer, person_signing_in
):
    judged(client, officer, aged(client, officer, "A", 19), "U", True)
    judged(client, officer, aged(client, officer, "B", 20), "V", False)
    judged(client, officer, aged(client, officer, "C", 23), "U", True)
    person_signing_in(client)

    page = client.get("/").get_data(as_text=True)

    assert "In suitable accommodation" in page
    assert "18 to 21</th>" in page
    assert "50%" in page
    assert "100%" in page
    assert "None judged yet" in page  # nobody aged 16 or 17 judged
    assert "reported 93% of 18 to 21-year-olds" in page


def test_the_young_persons_page_says_where_they_live_and_whether_it_suits_them(
    client, officer, person_signing_in
):
    person = aged(client, officer, "A", 19)
    judged(client, officer, person, "E", False)
    person_signing_in(client)

    page = client.get(f"/young-people/{person}").get_data(as_text=True)

    where = page[page.index('id="where-they-live"') :]
    assert "Supported lodgings" in where
    assert "No, judged" in where
