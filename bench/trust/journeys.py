"""The load's journeys as Locust users: what officers, district officers and coordinators do in a day.

Each task is one request, so a user's pace (`constant_throughput`) is its request rate. Every
request goes to a worker chosen at random, so a journey's next step seldom meets the worker that
served the last: whatever one worker kept in memory would be missing on the next.

Answers a busy service gives on purpose count as success: 409 when another user took the place or
made the decision first. Anything 5xx, a connection refused, or an unexpected status is a failure.
"""

import collections
import itertools
import random
import re
import time
import uuid
from datetime import timedelta
from typing import Any, ClassVar

from locust import FastHttpUser, constant_throughput, task

from housing.clock import today
from housing.vocabulary import NEXT_STAGES, Stage

# Each Locust user sends 5 requests a second: Locust's own latency grows with its number of users on
# this 2-core machine (the health endpoint, 2 ms to a plain client: 8 ms from 10 Locust users, 30 ms
# from 50), so fewer, busier users measure the service rather than the client.
PER_USER_RATE = 5
WORKERS: list[str] = []  # base URLs, one per worker, filled in by the load run
TOKENS: dict[str, Any] = {}
SERVED_BY: collections.Counter = collections.Counter()  # requests per worker
MOVED: collections.Counter = collections.Counter()  # a user's request on another worker than its last, or not
SIGNED_IN = itertools.count()  # each officer user takes the next officer's account
MARKERS: list[str] = []  # every marker value sent, for the log scan afterwards
ERROR_BODIES: list[str] = []  # bodies of error answers, scanned for markers too
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")
PASSWORD = f"load-{uuid.uuid4().hex}"  # the page readers' password, set on their accounts by the load run
# The pages read during the main step (issue 34, part 1: each page's p95 at 50 requests/s), by the
# role that reads them; {id} is a young person the officer's list showed.
PAGES = {
    "officer": ("/", "/?due_tier=overdue", "/my-young-people", "/young-people/{id}", "/options", "/runs",
                "/nominations", "/reviews", "/cohorts"),
    "district": ("/district", "/district/applicants", "/district/vacancies"),
}  # fmt: skip
PAGE_EMAILS = {"officer": "officer@load.example", "district": "crawley@load.example"}
PLACES = ("Crawley", "Worthing", "Horsham", "Bognor Regis", "Chichester", "Haywards Heath", "Shoreham-by-Sea")


def marker(kind: str) -> str:
    value = f"Mrk{kind}{uuid.uuid4().hex[:10]}"
    MARKERS.append(value)
    return value


class Journey(FastHttpUser):
    abstract = True
    host = "http://127.0.0.1"  # each request names its worker
    wait_time = constant_throughput(PER_USER_RATE)
    role: ClassVar[str] = ""

    def on_start(self) -> None:
        tokens = {
            "officer": lambda: TOKENS["officers"][next(SIGNED_IN) % len(TOKENS["officers"])],
            "district": lambda: TOKENS["districts"][self.district],
            "coordinator": lambda: TOKENS["coordinator"],
        }
        token = tokens[self.role]()
        self.headers = {"Authorization": f"Bearer {token}"}
        time.sleep(random.random() / PER_USER_RATE)  # out of step with each other (cooperative under Locust)

    def call(self, method: str, path: str, name: str, ok: tuple[int, ...] = (200,), **kwargs: Any) -> Any:
        worker = random.choice(WORKERS)
        SERVED_BY[worker] += 1
        MOVED[worker != getattr(self, "last_worker", worker)] += 1
        self.last_worker = worker
        url = worker + "/api/v1" + path
        with self.client.request(
            method,
            url,
            name=name,
            headers=self.headers | kwargs.pop("headers", {}),
            catch_response=True,
            **kwargs,
        ) as response:
            if response.status_code and any(h not in response.headers for h in SECURITY_HEADERS):
                response.failure("a response without the security headers")
                return None
            if response.status_code >= 400:  # expected or not, scanned for personal data afterwards
                ERROR_BODIES.append(response.text)
            if response.status_code in ok:
                response.success()
                return response.json() if "json" in response.headers.get("Content-Type", "") else None
            response.failure(
                f"status {response.status_code}" if response.status_code else repr(response.error)
            )
            return None


class Officer(Journey):
    """Lists deadlines, opens records, records a young person, runs the matcher, accepts."""

    weight = 6
    role = "officer"

    def on_start(self) -> None:
        super().on_start()
        self.seen: list[str] = []
        self.mine: list[str] = []
        self.proposals: list[tuple[str, str]] = []

    @task(4)
    def deadlines(self) -> None:
        before = (today() + timedelta(days=365)).isoformat()
        found = self.call("GET", f"/young-people?deadline_before={before}&page_size=50", "GET /young-people")
        if found:
            self.seen = [person["id"] for person in found["items"]]

    @task(6)
    def open_record(self) -> None:
        if self.seen:
            self.call("GET", f"/young-people/{random.choice(self.seen)}", "GET /young-people/{id}")

    @task(2)
    def options(self) -> None:
        self.call(
            "GET",
            f"/options?route={random.choice(['register_vacancy', 'supported_lodgings'])}&page_size=50",
            "GET /options",
        )

    @task(1)
    def record_young_person(self) -> None:
        body = {
            "reference": marker("ref"),
            "given_name": marker("given"),
            "family_name": marker("family"),
            "date_of_birth": (
                today() - timedelta(days=int(365.25 * 17) + random.randint(0, 300))
            ).isoformat(),
            "home_district": "crawley",
            "current_place": random.choice(PLACES),
            "support_level": "low",
            "needs": {"immigration": "not_applicable"},
            "local_links": [
                {"kind": "college", "place": random.choice(PLACES), "importance": 3, "note": marker("note")}
            ],
            "preferences": [{"rank": 1, "route": "supported_lodgings"}],
            "wishes": marker("wish"),
        }
        made = self.call(
            "POST",
            "/young-people",
            "POST /young-people",
            ok=(201,),
            json=body,
            headers={"Idempotency-Key": uuid.uuid4().hex},
        )
        if made:
            self.mine.append(made["id"])
            self.call(
                "POST",
                f"/young-people/{made['id']}/applications",
                "POST /young-people/{id}/applications",
                ok=(201,),
                json={
                    "district": random.choice(["crawley", "horsham", "worthing"]),
                    "band": "B",
                    "applied_on": today().isoformat(),
                },
                headers={"Idempotency-Key": uuid.uuid4().hex},
            )

    @task(1)
    def run_matcher(self) -> None:
        """For the young people this officer recorded and has not placed yet: their cases."""
        if not self.mine:
            return
        run = self.call(
            "POST",
            "/matching/runs",
            "POST /matching/runs",
            ok=(201,),
            json={"young_people": self.mine[-5:]},
            headers={"Idempotency-Key": uuid.uuid4().hex},
        )
        if run:
            self.proposals = [(proposal["id"], proposal["young_person"]) for proposal in run["proposals"]]

    @task(2)
    def accept(self) -> None:
        if self.proposals:
            proposal, person = self.proposals.pop()
            answer = self.call(
                "POST", f"/proposals/{proposal}/accept", "POST /proposals/{id}/accept", ok=(200, 409)
            )
            if answer and answer.get("status") == "accepted" and person in self.mine:
                self.mine.remove(person)  # agreed: out of the next run's scope


class DistrictOfficer(Journey):
    """Reads the county-wide applicants to the district's register, and decides nominations."""

    weight = 3
    role = "district"

    def on_start(self) -> None:
        self.district = random.choice(list(TOKENS["districts"]))
        super().on_start()
        self.pending: list[str] = []

    @task(5)
    def applicants(self) -> None:
        self.call(
            "GET", f"/districts/{self.district}/applicants?page_size=50", "GET /districts/{slug}/applicants"
        )

    @task(2)
    def nominations(self) -> None:
        found = self.call(
            "GET",
            f"/districts/{self.district}/nominations?status=pending",
            "GET /districts/{slug}/nominations",
        )
        if found:
            self.pending = [nomination["id"] for nomination in found["items"]]

    @task(1)
    def decide(self) -> None:
        if self.pending:
            decision = random.choice(["accepted", "declined"])
            self.call(
                "POST",
                f"/nominations/{self.pending.pop()}/decision",
                "POST /nominations/{id}/decision",
                ok=(200, 409),
                json={"decision": decision, "reason": "load test"},
            )


class Coordinator(Journey):
    """Reads the cohorts board and moves members on a stage."""

    weight = 1
    role = "coordinator"

    def on_start(self) -> None:
        super().on_start()
        self.cohorts: list[str] = []

    @task(2)
    def board(self) -> None:
        found = self.call("GET", "/cohorts?page_size=50", "GET /cohorts")
        if found:
            self.cohorts = [cohort["id"] for cohort in found["items"]]

    @task(3)
    def move_member(self) -> None:
        if not self.cohorts:
            return
        cohort_id = random.choice(self.cohorts)
        cohort = self.call("GET", f"/cohorts/{cohort_id}", "GET /cohorts/{id}")
        active = [m for m in (cohort or {}).get("members", []) if NEXT_STAGES[Stage(m["stage"])]]
        if active:
            member = random.choice(active)
            stage = NEXT_STAGES[Stage(member["stage"])][0]
            self.call(
                "PATCH",
                f"/cohorts/{cohort_id}/members/{member['young_person']}",
                "PATCH /cohorts/{id}/members/{young_person}",
                ok=(200, 409, 422),
                json={"stage": stage},
            )


class PageReader(Journey):
    """Signs in to the pages with a password, as a person does, and reads them in turn: an officer's
    and a district officer's. One such user among the main step's (`fixed_count`)."""

    fixed_count = 1
    role = "officer"

    def on_start(self) -> None:
        self.headers, self.cookies = {}, {}
        self.ids: list[str] = []
        for role in PAGES:
            self.sign_in(role)
        time.sleep(random.random() / PER_USER_RATE)

    def sign_in(self, role: str) -> None:
        """The sign-in form, then the form sent with its CSRF token; the session cookie is kept by
        hand: it is `Secure` (`__Host-`), which a cookie jar keeps from plain http."""
        worker = random.choice(WORKERS)
        form = self.client.get(worker + "/sign-in", name="sign-in (page readers)")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        signed = self.client.post(
            worker + "/sign-in",
            name="sign-in (page readers)",
            data={"email": PAGE_EMAILS[role], "password": PASSWORD, "csrf_token": token},
            headers={"Cookie": _cookie(form)},
            allow_redirects=False,
        )
        self.cookies[role] = _cookie(signed)

    @task
    def read(self) -> None:
        role = random.choice(list(PAGES))
        path = random.choice(PAGES[role])
        if "{id}" in path:
            if not self.ids:
                return
            path = path.replace("{id}", random.choice(self.ids))
            name = "GET /young-people/{id} (page)"
        else:
            name = f"GET {path} (page)"
        worker = random.choice(WORKERS)
        SERVED_BY[worker] += 1
        with self.client.get(
            worker + path, name=name, headers={"Cookie": self.cookies[role]}, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif any(h not in response.headers for h in SECURITY_HEADERS):
                response.failure("a response without the security headers")
            else:
                response.success()
                if path == "/":
                    self.ids = re.findall(r'href="/young-people/([0-9a-f]{32})"', response.text)


def _cookie(response: Any) -> str:
    """The session cookie a response set, as a `Cookie` header sends it back."""
    return response.headers.get("Set-Cookie", "").split(";", 1)[0]


class Floor(Journey):
    """The baseline of the same run: /api/v1/health alone, at the same rate from as many users. What
    it measures is the client's, the network's and gunicorn's own share of every figure."""

    role = "coordinator"

    @task
    def health(self) -> None:
        self.call("GET", "/health", "GET /health (baseline)")
