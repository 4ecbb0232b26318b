"""The README's screenshots: the seeded county served locally, each page shot in Debian's Chromium.

Run from the worktree root: `PYTHONPATH=. .venv/bin/python -m tests.browser.screenshots [NAME …]`.
It seeds a fresh SQLite database in a temporary folder; nothing it makes is kept but the PNGs.
"""

import sys
import tempfile
import threading
from pathlib import Path

from flask_migrate import upgrade
from playwright.sync_api import sync_playwright
from sqlalchemy import select
from werkzeug.serving import make_server

from api import create_app
from housing.actors import of_user
from housing.clock import today
from housing.due import DueKind
from housing.models import User, YoungPerson
from housing.reads.due_columns import due_order
from housing.services import accounts, own_view
from housing.vocabulary import DueTier, Role
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PASSWORD

OUT = Path(__file__).parents[2] / "docs" / "screenshots"
EMAIL = "officer@pathways.example"


def shots(first_due: str) -> dict[str, str]:
    """Name → path of each page shot, with the first young person due on the home page."""
    return {
        "home": "/",
        "home-filtered": "/?due_tier=soon&age=16-17",
        "young-person": f"/young-people/{first_due}",
        "young-person-record": f"/young-people/{first_due}",
        "young-person-new": "/young-people/new",
        "young-person-errors": "/young-people/new#errors",
        "young-person-change": f"/young-people/{first_due}/edit",
        "local-link": f"/young-people/{first_due}/links/new",
        "preference": f"/young-people/{first_due}/preferences/new",
        "application": f"/young-people/{first_due}/applications/new",
        "accommodation": f"/young-people/{first_due}/accommodation",
        "accommodation-errors": f"/young-people/{first_due}/accommodation#errors",
        "options": "/options",
        "option-staying-put": f"/options/new?route=staying_put&young_person={first_due}",
        "option-errors": "/options/new?route=supported_accommodation#errors",
        "outcomes": "/outcomes",
    }


def said_wrong(app, young_person_id: str) -> None:
    """Their own pages in use: invited, and two "this is wrong" of theirs, one dealt with (issue 32)."""
    with app.extensions["pathways"].writer_factory() as session:
        reference = session.get(YoungPerson, young_person_id).reference
        accounts.create_user(
            session, "their.own@young.example", Role.YOUNG_PERSON, None, young_person=reference
        )
        young = of_user(session.scalar(select(User).where(User.email == "their.own@young.example")))
        officer = of_user(session.scalar(select(User).where(User.email == EMAIL)))
        done, _ = own_view.ask_change(session, young, "links", "My college is in Crawley now, not Worthing")
        own_view.ask_change(session, young, "wishes", "I want to live near my sister")
        own_view.deal_with(session, officer, done.id, "I changed your college to Crawley College.")


def main(wanted: list[str]) -> None:
    folder = Path(tempfile.mkdtemp())
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'shots.db'}", "SECRET_KEY": "shots",
                      "SESSION_COOKIE_SECURE": False})  # fmt: skip
    with app.app_context():
        upgrade()
    result = app.test_cli_runner().invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    with app.extensions["pathways"].writer_factory() as session:
        accounts.create_user(session, EMAIL, Role.HOUSING_OFFICER, None)
        accounts.set_password(session, EMAIL, PASSWORD)
    with app.extensions["pathways"].session_factory() as session:
        # Someone a few weeks from 17½: the young person an officer opens first in the morning.
        someone = next(
            standing.young_person_id
            for standing in due_order(session, [], today())
            if standing.due.kind == DueKind.PATHWAY and standing.tier == DueTier.SOON
        )
    said_wrong(app, someone)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(base_url=base, viewport={"width": 1280, "height": 900})
        page.goto("/sign-in")
        if not wanted or "sign-in" in wanted:
            page.screenshot(path=str(OUT / "sign-in.png"))
        page.fill("#email", EMAIL)
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        for name, path in shots(someone).items():
            if wanted and name not in wanted:
                continue
            page.goto(path.split("#")[0])
            if path.endswith("#errors"):
                page.locator("form button[type=submit]").last.click()
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=not name.startswith(("home", "options")))
            print(name, path)  # noqa: T201 - a script's report
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
