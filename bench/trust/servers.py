"""The service as it runs in production, started by the trust measurements: gunicorn over PostgreSQL.

Everything here is started by this process and stopped by the ids it got back; nothing else on the
machine is touched. Databases are made fresh for each measurement and seeded with the county.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
from flask_migrate import upgrade
from sqlalchemy import select

from api import create_app
from housing.models import YoungPerson
from housing.services import accounts
from housing.vocabulary import PathwayStatus, Role
from seeds.load import load_reference, write_scenario
from seeds.scenario import generate

ROOT = Path(__file__).resolve().parents[2]
SHARED_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
DISTRICTS = ("adur", "arun", "chichester", "crawley", "horsham", "mid-sussex", "worthing")


@dataclass
class Tokens:
    officer: str
    admin: str
    coordinator: str
    commissioner: str
    team_manager: str
    young_person: str  # bound to one young person of the county whose pathway is in progress
    districts: dict[str, str]
    officers: list[str]  # one account each for the load's officers, as in a county's team


def fresh_database(name: str) -> str:
    """A new, empty database on the machine's PostgreSQL, for this measurement alone."""
    with psycopg.connect(SHARED_SERVER, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def seed_county(url: str, as_of: date, officers: int = 0) -> Tokens:
    """Migrate, seed the West Sussex scenario, and sign in one user per role (and district), and
    `officers` housing officers more. The young person's account is bound to the first young person
    (by reference) whose pathway is in progress, as `users create --young-person` binds one."""
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "trust"})
    with app.app_context():
        upgrade()
    store = app.extensions["pathways"]
    with store.writer_factory() as session:
        load_reference(session)
        write_scenario(session, generate(2026, 1.0, as_of))

    def user(email: str, role: Role, district: str | None = None, young_person: str | None = None) -> str:
        with store.writer_factory() as session:
            return accounts.create_user(session, email, role, district, young_person=young_person)

    with store.writer_factory() as session:
        in_progress = session.scalar(
            select(YoungPerson.reference)
            .where(YoungPerson.pathway_status == PathwayStatus.IN_PROGRESS)
            .order_by(YoungPerson.reference)
            .limit(1)
        )

    tokens = Tokens(
        officer=user("officer@load.example", Role.HOUSING_OFFICER),
        admin=user("admin@load.example", Role.ADMIN),
        coordinator=user("coordinator@load.example", Role.HOUSE_PROJECT_COORDINATOR),
        commissioner=user("commissioner@load.example", Role.COMMISSIONER),
        team_manager=user("manager@load.example", Role.TEAM_MANAGER),
        young_person=user("young.person@load.example", Role.YOUNG_PERSON, young_person=in_progress),
        districts={d: user(f"{d}@load.example", Role.DISTRICT_OFFICER, d) for d in DISTRICTS},
        officers=[user(f"officer{n}@load.example", Role.HOUSING_OFFICER) for n in range(officers)],
    )
    store.engine.dispose()
    return tokens


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn(url: str, port: int, workers: int, log: Path) -> subprocess.Popen:
    """gunicorn serving the app factory; its log (errors and access lines) goes to `log`."""
    environment = os.environ | {
        "DATABASE_URL": url,
        "SECRET_KEY": "trust-secret-key",
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py"),
               "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]  # fmt: skip
    with log.open("ab") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT)
    wait_until_serving(port, process)
    return process


def wait_until_serving(port: int, process: subprocess.Popen | None = None, timeout: float = 60) -> float:
    """Seconds until /api/v1/health answers 200 (the database answering too)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2) as answer:
                if answer.status == 200:
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"nothing served on port {port} within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def own_postgres() -> Iterator["OwnPostgres"]:
    """A PostgreSQL server of our own: initdb in a temporary folder, its own port, run as the
    `postgres` system user (the server refuses root). Stopped and removed afterwards."""
    server = OwnPostgres()
    try:
        server.start()
        yield server
    finally:
        server.stop("fast")
        shutil.rmtree(server.folder, ignore_errors=True)


class OwnPostgres:
    def __init__(self) -> None:
        self.bin = Path(subprocess.check_output(["pg_config", "--bindir"], text=True).strip())
        self.folder = Path(tempfile.mkdtemp(prefix="pathways-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        shutil.chown(self.folder, "postgres", "postgres")
        self._as_postgres(
            [str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync"]
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=on"
        self._as_postgres(
            [
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "log"),
                "-o",
                options,
                "-w",
                "start",
            ]
        )

    def stop(self, mode: str) -> None:
        """`immediate` is a crash: the server quits at once, without a checkpoint."""
        if (self.data / "postmaster.pid").exists():
            self._as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"])

    def _as_postgres(self, command: list[str]) -> None:
        prefix = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]
        subprocess.run([*prefix, *command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
