"""A live server and Debian's Chromium, driven by Playwright, for tests a person would recognise.

No browser is downloaded: Playwright drives /usr/bin/chromium (`apt-get install chromium`, which
.ci/run does). Without it these tests are skipped, and say so.
"""

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from housing.services import accounts
from housing.vocabulary import Role
from tests import payloads

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parents[2] / "docs" / "screenshots"
AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "a long test password"
# Chromium as root in a sandbox-less container, and no calls home on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
WCAG_22_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium): browser tests not run")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only where a browser exists

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(app) -> Iterator[str]:
    """The app served on a free port. A test using it runs once, on SQLite (tests/conftest.py's
    `one_database`): PostgreSQL is covered by the API tests."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def page(chromium, live_server):
    # bypass_csp lets the test inject axe-core; the pages themselves run under the service's CSP.
    context = chromium.new_context(
        base_url=live_server, viewport={"width": 1200, "height": 900}, bypass_csp=True
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def user(app, auth):
    """Create a user with a password for the pages; returns their email."""

    def make(role: Role, district: str | None = None) -> str:
        auth.token(role, district)
        email = f"{role.value}.{district or ('crawley' if role is Role.DISTRICT_OFFICER else 'county')}@test.example"
        with app.extensions["pathways"].writer_factory() as session:
            accounts.set_password(session, email, PASSWORD)
        return email

    return make


def sign_in_with_the_keyboard(page, email: str) -> None:
    page.goto("/sign-in")
    page.keyboard.press("Tab")  # the skip link
    page.focus("#email")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def axe_violations(page) -> list[dict]:
    """Scan the page as it stands with axe-core for WCAG 2.2 A and AA rules."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_A_AA)
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]]


def navigate(page, action) -> None:
    """Do something that loads a new page (a click, a key), and wait until it has."""
    with page.expect_navigation():
        action()


def snapshot(page, name: str) -> None:
    """With PATHWAYS_SCREENSHOTS set, keep the page as the README shows it."""
    if os.environ.get("PATHWAYS_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


SHOTS = os.environ.get("PATHWAYS_SCREENSHOTS")


def shot(page, name: str, **options) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True, **options)


def seed(client, officer) -> str:
    urgent = payloads.young_person(reference="WS-2041", given_name="Jordan", family_name="Testerton-417",
                                   date_of_birth=payloads.born_aged(17, 150))  # fmt: skip
    person = client.post("/api/v1/young-people", json=urgent, headers=officer).json["id"]
    later = payloads.young_person(reference="WS-2077", given_name="Alex", family_name="Sampleford-88",
                                  date_of_birth=payloads.born_aged(16, 30), home_district="crawley",
                                  local_links=[{"kind": "work", "place": "Crawley", "importance": 2}])  # fmt: skip
    client.post("/api/v1/young-people", json=later, headers=officer)
    for town, name in (("Worthing", "Seaview scheme (Worthing)"), ("Lancing", "Beach Road host 4 (Lancing)"),
                       ("Horsham", "Hill House scheme (Horsham)")):  # fmt: skip
        place = payloads.option("supported_accommodation", place=town, available_from="2026-01-01", min_age=16,
                                step_free=True, name=name)  # fmt: skip
        assert client.post("/api/v1/options", json=place, headers=officer).status_code == 201
    vacancy = payloads.option(
        "register_vacancy",
        place="Crawley",
        min_age=18,
        step_free=True,
        available_from="2026-11-01",
        name="Quota CRAWLEY-00127, 2-bed (Crawley)",
    )
    client.post("/api/v1/options", json=vacancy, headers=officer)
    return person


def press(page, locator) -> None:
    """Move focus to a control and press Enter on it, as a keyboard user does."""
    locator.focus()
    navigate(page, lambda: page.keyboard.press("Enter"))
