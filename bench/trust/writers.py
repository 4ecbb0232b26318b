"""The writers of `make crash`: threads sending journeys of creates and an accept, each create with an
Idempotency-Key, and a ledger of what each answer told them.

A 200/201 is an acknowledged write; a dropped connection or a 5xx is unknown, and is sent again
with the same key once the trials are over (`retry`), as a client would.
"""

import os
import random
import threading
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import requests

from housing.clock import today

WRITERS = 6
PLACES = ("Crawley", "Horsham", "Worthing", "Chichester", "Bognor Regis")


@dataclass
class Ledger:
    """What the clients were told, and what they still have to send again."""

    acknowledged: list[tuple[str, str]] = field(default_factory=list)  # (kind, id)
    unknown: list[tuple[str, str, dict | None, str | None, str]] = field(
        default_factory=list
    )  # and key, kind
    keys: dict[str, str] = field(default_factory=dict)  # key -> kind, for every create sent
    accepted: list[str] = field(default_factory=list)  # proposals a 200 said were accepted
    replayed: int = 0  # retries answered with the record an unanswered send had made
    lock: threading.Lock = field(default_factory=threading.Lock)


class Client:
    """Sends one request and writes down what it was told: acknowledged, or unknown."""

    def __init__(self, base: str, token: str, ledger: Ledger) -> None:
        self.base, self.ledger = base, ledger
        self.headers = {"Authorization": f"Bearer {token}"}

    def send(
        self, http: requests.Session, method: str, path: str, body: dict | None, *, key: str | None, kind: str
    ) -> dict | None:
        headers = self.headers | ({"Idempotency-Key": key} if key else {})
        if key:
            with self.ledger.lock:
                self.ledger.keys[key] = kind
        try:
            answer = http.request(
                method, self.base + "/api/v1" + path, json=body, headers=headers, timeout=30
            )
        except requests.RequestException:
            answer = None
        if answer is not None and answer.status_code in (200, 201):
            made = answer.json()
            with self.ledger.lock:
                self.ledger.replayed += answer.headers.get("Idempotent-Replayed") == "true"
                self.ledger.acknowledged.append((kind, made["id"]))
                if kind == "accept" and made["status"] == "accepted":
                    self.ledger.accepted.append(made["id"])
            return made
        if answer is None or answer.status_code >= 500:
            with self.ledger.lock:
                self.ledger.unknown.append((method, path, body, key, kind))
        return None


class Writers:
    """Threads sending journeys: a young person, a room for them, a run over them, an accept."""

    def __init__(self, client: Client) -> None:
        self.send = client.send
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._write, args=(n,), daemon=True) for n in range(WRITERS)]

    def __enter__(self) -> "Writers":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def _write(self, writer: int) -> None:
        http = requests.Session()
        journey = 0
        while not self.stopping.is_set():
            journey += 1
            self._journey(http, f"{os.getpid()}-{writer}-{journey}")

    def _journey(self, http: requests.Session, tag: str) -> None:
        person = self.send(
            http, "POST", "/young-people", young_person(tag), key=f"{tag}-p", kind="young_person"
        )
        if person is None:
            return
        room = self.send(http, "POST", "/options", room_for(tag, person), key=f"{tag}-o", kind="option")
        if room is None:
            return
        run = self.send(
            http, "POST", "/matching/runs", {"young_people": [person["id"]]}, key=f"{tag}-r", kind="run"
        )
        for proposal in (run or {}).get("proposals", [])[:1]:
            self.send(http, "POST", f"/proposals/{proposal['id']}/accept", None, key=None, kind="accept")


def young_person(tag: str) -> dict[str, Any]:
    return {
        "reference": f"CRASH-{tag}",
        "given_name": "Synthetic",
        "family_name": f"Crash{tag}",
        "date_of_birth": (today() - timedelta(days=int(365.25 * 18) + 40)).isoformat(),
        "home_district": "crawley",
        "current_place": random.choice(PLACES),
        "support_level": "low",
        "needs": {"immigration": "not_applicable"},
        "local_links": [{"kind": "work", "place": random.choice(PLACES), "importance": 2}],
        "preferences": [{"rank": 1, "route": "supported_lodgings"}],
    }


def room_for(tag: str, person: dict) -> dict[str, Any]:
    return {
        "route": "supported_lodgings",
        "name": f"Crash room {tag}",
        "place": person["current_place"],
        "capacity": 1,
        "available_from": today().isoformat(),
        "available_until": None,
        "min_age": 16,
        "max_age": 25,
        "support_levels": ["low"],
        "step_free": False,
        "wheelchair": False,
        "bedrooms": 1,
        "accepts_children": False,
        "registered_16_17": True,
    }


def retry(base: str, token: str, ledger: Ledger) -> int:
    """A client's retry of every write whose answer it never got, with the same key."""
    pending, ledger.unknown = ledger.unknown, []
    client, http = Client(base, token, ledger), requests.Session()
    for method, path, body, key, kind in pending:
        client.send(http, method, path, body, key=key, kind=kind)
    assert not ledger.unknown, f"{len(ledger.unknown)} retries still unanswered"
    return len(pending)
