"""A council officer in a real browser: deciding from a nomination card, then uploading vacancies."""

from housing.vocabulary import Role
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard, snapshot
from tests.builders import nominated

HEADER = "name,place,capacity,available_from"


def test_a_council_officer_decides_from_the_card_and_uploads_a_bad_then_a_good_file(
    page, user, client, officer, tmp_path
):
    nominated(client, officer)
    sign_in_with_the_keyboard(page, user(Role.DISTRICT_OFFICER))
    assert page.title().startswith("Nominations to decide")
    assert "Flat 3, Ifield, Crawley" in page.inner_text(".govuk-summary-card")
    assert axe_violations(page) == []
    snapshot(page, "district-nominations")

    navigate(page, page.get_by_role("button", name="Decline the nomination of NOM-1").click)
    assert page.locator(".govuk-error-summary").is_visible()  # a decline needs a reason
    assert axe_violations(page) == []
    page.get_by_label("Reason to decline the nomination of NOM-1").fill("Band too low for this property")
    navigate(page, page.get_by_role("button", name="Decline the nomination of NOM-1").click)
    assert "Nomination of Testy Exampleton (NOM-1) declined." in page.inner_text(".govuk-notification-banner")
    assert "None waiting." in page.inner_text("main")

    navigate(page, page.get_by_role("link", name="Decided nominations").click)
    assert "Band too low for this property" in page.inner_text("main")
    assert axe_violations(page) == []
    snapshot(page, "district-decided")

    navigate(page, page.get_by_role("link", name="Applicants").click)
    page.get_by_label("Needs a home before").fill("March")
    navigate(page, page.get_by_role("button", name="Show applicants").click)
    assert "Enter a month as year and month" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    page.get_by_label("Needs a home before").fill("")
    page.get_by_label("Band").select_option("A")
    navigate(page, page.get_by_role("button", name="Show applicants").click)
    assert "NOM-1" in page.inner_text("#applicants")
    assert axe_violations(page) == []
    snapshot(page, "district-applicants")

    navigate(page, page.get_by_role("link", name="Vacancies").click)
    bad = tmp_path / "vacancies.csv"
    bad.write_text(f"{HEADER}\nFlat 1,Crawley,1,2026-12-01\nFlat 2,Worthing,two,2026-12-01\n")
    page.get_by_label("File of vacancies").set_input_files(str(bad))
    navigate(page, page.get_by_role("button", name="Upload vacancies").click)
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "line 3, column capacity: must be a whole number, like 3" in summary
    assert page.title().startswith("Error: Vacancies")
    assert axe_violations(page) == []
    snapshot(page, "district-upload-error")

    bad.write_text(f"{HEADER}\nFlat 1,Crawley,1,2026-12-01\nFlat 2,Crawley,2,2026-12-01\n")
    page.get_by_label("File of vacancies").set_input_files(str(bad))
    navigate(page, page.get_by_role("button", name="Upload vacancies").click)
    assert "2 vacancies added to your register" in page.inner_text(".govuk-notification-banner")
    assert "Flat 2" in page.inner_text("#vacancies")
    assert axe_violations(page) == []
    snapshot(page, "district-vacancies")
