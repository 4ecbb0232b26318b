"""The health monitor of `make crash`: what a user polling the service would have seen."""

import threading
import time
from collections import Counter

import requests

POLL_EVERY = 0.025  # seconds between polls
WAIT = 5  # seconds a poll waits for its answer


class Monitor:
    """Polls /api/v1/health every 25 ms over one kept-alive connection, as a browser would. The longest
    stretch without a 200 is the outage a user saw; each failed poll is counted by what it got, to
    tell a dropped connection (its worker killed) from an answer that never came."""

    def __init__(self, base: str) -> None:
        self.base, self.stopping = base, threading.Event()
        self.longest = 0.0
        self.failures: Counter[str] = Counter()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def __enter__(self) -> "Monitor":
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self.thread.join()

    def _poll(self) -> None:
        http, last_ok = requests.Session(), time.perf_counter()
        while not self.stopping.is_set():
            failure = self._once(http)
            now = time.perf_counter()
            if failure is None:
                last_ok = now
            else:
                self.failures[failure] += 1
                self.longest = max(self.longest, now - last_ok)
            time.sleep(POLL_EVERY)

    def _once(self, http: requests.Session) -> str | None:
        try:
            status = http.get(self.base + "/api/v1/health", timeout=WAIT).status_code
        except requests.Timeout:
            return "no answer within 5 s"
        except requests.ConnectionError:
            return "connection refused or dropped"
        return None if status == 200 else f"status {status}"
