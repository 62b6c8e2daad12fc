"""Server fixtures: the real app on SQLite and on a real PostgreSQL (started by build_scripts/dev.sh).

Every server test runs against both databases. PostgreSQL comes from SAYPRO_TEST_POSTGRES_URL;
without it the PostgreSQL half is skipped (dev.sh always sets it; CI fails if it is missing).
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, delete, insert, make_url, text
from sqlalchemy.orm import Session

from saypro_core.ids import new_id
from saypro_server import admin, security
from saypro_server.app import create_app
from saypro_server.db import make_engine, make_session_factory
from saypro_server.migrate import migrate
from saypro_server.settings import Settings
from saypro_server.tables import Base, FeedCounter

POSTGRES_URL = os.environ.get("SAYPRO_TEST_POSTGRES_URL")
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _quick_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Still argon2, at its cheapest cost: the production cost (~100 ms a hash) is the point of it
    in the field and only slows the hundreds of sign-ins these tests make."""
    monkeypatch.setattr(security, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def _postgres_url_for_this_worker(url: str) -> str:
    """Tests running in parallel (pytest-xdist) each get a database of their own on the cluster."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    name = f"saypro_test_{worker}"
    admin_engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin_engine.connect() as connection:
            if connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is None:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin_engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("SAYPRO_TEST_POSTGRES_URL is not set: run the tests through build_scripts/dev.sh test")
        pytest.skip("no PostgreSQL (SAYPRO_TEST_POSTGRES_URL): run the tests through build_scripts/dev.sh test")
    return _postgres_url_for_this_worker(POSTGRES_URL)


@pytest.fixture(scope="session")
def _postgres_engine(postgres_url: str) -> Iterator[Engine]:
    engine = make_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    migrate(engine)
    yield engine
    engine.dispose()


def _empty(engine: Engine) -> None:
    """Every table back to what `migrate` leaves (keeps the schema and the signing key)."""
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name != "server_secrets":
                connection.execute(delete(table))
        connection.execute(insert(FeedCounter).values(id=1, position=0, epoch=new_id()))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite'}"
        fresh = make_engine(url)
        migrate(fresh)
        fresh.dispose()
        return url
    shared: Engine = request.getfixturevalue("_postgres_engine")
    _empty(shared)
    return str(request.getfixturevalue("postgres_url"))


@dataclass
class Account:
    username: str
    user_id: str
    device_id: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


class Server:
    """The app on a test client, plus the admin operations a test needs."""

    def __init__(self, url: str) -> None:
        self.settings = Settings(database_url=url)
        self.app = create_app(self.settings)
        self.client = TestClient(self.app)
        self.session_factory = make_session_factory(self.app.state.engine)

    def session(self) -> Session:
        return self.session_factory()

    def user(self, username: str, *, role: str = "staff", team: str | None = None) -> str:
        with self.session() as session:
            return admin.create_user(session, username, PASSWORD, role=role, team=team).id

    def team(self, name: str, supervisor: str | None = None) -> None:
        with self.session() as session:
            admin.create_team(session, name, supervisor)

    def login(self, username: str, device_id: str | None = None) -> Account:
        device_id = device_id or new_id()
        response = self.client.post("/api/v1/auth/login", json={
            "username": username, "password": PASSWORD, "device_id": device_id})
        assert response.status_code == 200, response.text
        body = response.json()
        return Account(username, body["user"]["id"], device_id, body["access_token"], body["refresh_token"])

    def sync(self, account: Account, changes: list[dict[str, Any]] | None = None, cursor: int = 0,
             *, expect: int = 200, **extra: Any) -> dict[str, Any]:
        payload = {"v": 1, "dev": account.device_id, "cur": cursor, "ch": changes or [], **extra}
        response = self.client.post(
            "/api/v1/sync", content=gzip.compress(json.dumps(payload).encode()),
            headers={**account.headers, "Content-Encoding": "gzip", "Content-Type": "application/json"})
        assert response.status_code == expect, response.text
        result: dict[str, Any] = response.json()
        return result

    def close(self) -> None:
        self.client.close()
        self.app.state.engine.dispose()
        self.app.state.read_engine.dispose()


@pytest.fixture
def server(database_url: str) -> Iterator[Server]:
    running = Server(database_url)
    yield running
    running.close()


@pytest.fixture
def people(server: Server) -> dict[str, Account]:
    """Two teams with their supervisors, three staff and an admin, signed in."""
    server.user("sam", role="supervisor")
    server.user("bongi", role="supervisor")
    server.team("Limpopo", supervisor="sam")
    server.team("Gauteng", supervisor="bongi")
    server.user("thandi", team="Limpopo")
    server.user("sipho", team="Limpopo")
    server.user("lerato", team="Gauteng")
    server.user("ada", role="admin")
    return {name: server.login(name) for name in ("thandi", "sipho", "sam", "lerato", "bongi", "ada")}
