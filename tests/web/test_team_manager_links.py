"""A team manager follows every link their pages show, and none answers 403 (issue 31): a link they
may not follow is not shown to them."""

import re
from collections import deque

from housing.vocabulary import Role
from tests.builders import UASC, nominated, placed, run, supported_place, young_person

HREF = re.compile(r'href="(/[^"#?]*)(?:\?[^"#]*)?[^"]*"')
SKIPPED = ("/assets/", "/static/", "/sign-out")


def test_no_link_on_a_team_managers_pages_leads_to_a_403(client, officer, auth, person_signing_in):
    manager = auth.headers(Role.TEAM_MANAGER)
    client.put("/api/v1/sign-off/routes", json={"routes": ["register_vacancy"]}, headers=manager)
    nominated(client, officer)
    person = young_person(client, officer, "WS-1", needs=UASC)
    placed(client, officer, person, supported_place(client, officer, uasc_specialist=True))
    waiting = young_person(client, officer, "WS-2")
    supported_place(client, officer, place="Lancing")
    assert run(client, officer, young_people=[waiting])["proposals"]  # an open proposal on their record
    person_signing_in(client, Role.TEAM_MANAGER)

    seen, forbidden, queue = set(), [], deque([("/team", "sign-in")])
    while queue and len(seen) < 150:
        path, found_on = queue.popleft()
        if path in seen or path.startswith(SKIPPED):
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code == 403:
            forbidden.append(f"{path} (linked from {found_on})")
            continue
        if response.status_code == 200 and response.mimetype == "text/html":
            queue.extend((link, path) for link in HREF.findall(response.get_data(as_text=True)))

    assert forbidden == [], "\n".join(forbidden)
    assert "Run the matcher" not in client.get("/").get_data(as_text=True)  # a button to a 403, likewise
    assert len(seen) > 20  # the walk reached the record, sign-off, notes, runs and more
