"""A commissioner plans places on the seeded county in a real browser; an officer reads a run's fairness.

Each page is scanned with axe-core; the screenshots in docs/screenshots/ are taken on the way
(set PATHWAYS_SCREENSHOTS=1 to write them).
"""

import os
import re
from pathlib import Path

import pytest

from housing.clock import today
from housing.vocabulary import Role
from seeds.load import write_scenario
from seeds.scenario import generate
from tests.browser.conftest import axe_violations, navigate, sign_in_with_the_keyboard

SCREENSHOTS = Path(__file__).parents[2] / "docs" / "screenshots"


def keep(page, name: str, section: str | None = None) -> None:
    """Save a screenshot of the whole page, or of one section of it."""
    if os.environ.get("PATHWAYS_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = str(SCREENSHOTS / f"{name}.png")
        if section:
            page.locator(section).screenshot(path=path)
        else:
            page.screenshot(path=path, full_page=True)


def keep_around(page, name: str, top: str, bottom: str) -> None:
    """Save what the user sees from one element down to another (an open list overflows its field)."""
    if os.environ.get("PATHWAYS_SCREENSHOTS"):
        page.locator(top).evaluate("element => element.scrollIntoView({block: 'start'})")
        first, last = page.locator(top).bounding_box(), page.locator(bottom).bounding_box()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        clip = {"x": 0, "y": max(first["y"] - 16, 0), "width": page.viewport_size["width"],
                "height": last["y"] + last["height"] - first["y"] + 32}  # fmt: skip
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), clip=clip)


@pytest.fixture
def county(app):
    with app.extensions["pathways"].writer_factory() as session:
        write_scenario(session, generate(2026, 1.0, today()))
        session.commit()


def test_a_commissioner_reads_sufficiency_and_tries_a_what_if(page, user, county):
    sign_in_with_the_keyboard(page, user(Role.COMMISSIONER))

    assert page.title().startswith("Sufficiency")
    assert page.locator("#grid tbody tr").count() >= 7
    assert "One more" in page.inner_text("#sentences")
    assert axe_violations(page) == []
    keep(page, "sufficiency")

    navigate(page, page.get_by_role("link", name="What if", exact=True).click)
    assert axe_violations(page) == []
    page.get_by_label("Places to add (or remove, as -1)").first.fill("two")
    page.get_by_label("Supported lodgings").check()
    navigate(page, page.get_by_role("button", name="See what would change").click)
    summary = page.locator(".govuk-error-summary")
    assert "Choose the option to change" in summary.inner_text()
    assert "Choose the town of the new option" in summary.inner_text()
    assert page.get_by_label("Places to add (or remove, as -1)").first.input_value() == "two"
    assert axe_violations(page) == []
    keep(page, "what-if-mistakes")

    # Over a thousand options: typed for in GOV.UK's accessible autocomplete, chosen with the keyboard.
    # The suggestions have no district headings, as the plain select's groups were: each says its own.
    page.focus("#change-0-option")
    page.keyboard.type("Arun")
    page.wait_for_selector("#change-0-option__listbox li")
    suggested = page.locator("#change-0-option__listbox li").all_inner_texts()
    assert suggested
    assert all("in Arun district" in said for said in suggested)
    assert axe_violations(page) == []
    keep_around(page, "what-if-autocomplete", "label[for=change-0-option]", "#change-0-option__listbox")
    page.keyboard.press("Control+a")
    page.keyboard.press("Backspace")
    page.keyboard.type("Worthing")
    page.wait_for_selector("#change-0-option__listbox li")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    chosen = page.locator("#change-0-option").input_value()
    assert "Worthing" in chosen
    assert re.search(r"(in \w[\w ]* district|out of county) \(\d+ left\)$", chosen)
    page.get_by_label("Places to add (or remove, as -1)").first.fill("2")
    page.get_by_label("Town").select_option("Worthing")
    page.get_by_label("Number of places").fill("3")
    navigate(page, page.get_by_role("button", name="See what would change").click)

    assert re.search(r"matched: \d+", page.inner_text("#result"))
    assert page.locator("#by-home-district tbody tr").count() >= 2
    assert "Private rented" in page.inner_text("#by-route")  # routes in words, never their codes
    assert "_" not in page.inner_text("#by-route")
    assert f"2 more places: {chosen}" in page.inner_text("main")  # the scenario said above its answer
    assert "A new supported lodgings option in Worthing with 3 places" in page.inner_text("main")
    assert axe_violations(page) == []
    keep(page, "what-if")

    page.reload()  # kept in the address: filled in again, to be changed
    assert page.locator("#change-0-option").input_value() == chosen
    assert page.get_by_label("Number of places").input_value() == "3"
    page.get_by_label("Number of places").fill("5")
    navigate(page, page.get_by_role("button", name="See what would change").click)
    assert "with 5 places" in page.inner_text("main")


def test_an_officer_reads_the_fairness_of_a_run_of_the_county(page, user, client, officer, county):
    run = client.post("/api/v1/matching/runs", json={}, headers=officer).json
    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))

    navigate(page, lambda: page.goto(f"/runs/{run['id']}#fairness"))

    assert "Is this run fair?" in page.inner_text("#fairness")
    assert page.locator("#fairness-distances tbody tr").count() >= 7 + 3 + 2 + 2 + 2
    assert axe_violations(page) == []
    keep(page, "run-fairness", section="#fairness")
