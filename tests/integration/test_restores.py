"""Recovery from a restored server, a restored laptop profile and a lost answer, with real server
processes on SQLite and PostgreSQL: nothing any laptop still holds is lost, nothing is doubled, no
deletion is undone, and nobody is left behind or signed out for a lost answer."""

from __future__ import annotations

import dataclasses
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, make_url, text

from bench.linkem import Link
from saypro_core.records import LearningLog, Visibility
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.migrate import backup_database, stored_revision
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.account import Account, sign_in
from saypro_desktop.sync.credentials import CredentialStore
from saypro_desktop.sync.session import sync_profile
from tests import factories
from tests.integration.conftest import PASSWORD, free_port, point_at

POSTGRES_URL = os.environ.get("SAYPRO_TEST_POSTGRES_URL")
PG_BIN = max((str(p) for p in Path("/usr/lib/postgresql").glob("*/bin")), default="", key=lambda p: p)


class ServerProcess:
    """`saypro-server` on loopback, on SQLite (its data folder) or PostgreSQL (a database of its own)."""

    def __init__(self, root: Path, database_url: str | None) -> None:
        self.data_dir = root / "server"
        self.database_url = database_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.admin("teams", "create", "Limpopo")
        for name in ("thandi", "sipho"):
            self.admin("users", "create", name, "--team", "Limpopo", "--password-stdin", stdin=f"{PASSWORD}\n")

    def _base(self) -> list[str]:
        where = ["--database-url", self.database_url] if self.database_url else []
        return [sys.executable, "-m", "saypro_server", "--data-dir", str(self.data_dir), *where]

    def admin(self, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run([*self._base(), *args], capture_output=True, text=True, input=stdin, timeout=120,
                              check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def start(self) -> None:
        self.process = subprocess.Popen([*self._base(), "serve", "--port", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.1)
        raise AssertionError("the server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def backup(self, target: Path) -> None:
        if self.database_url is None:
            self.admin("backup", str(target))  # while it runs
            return
        subprocess.run([f"{PG_BIN}/pg_dump", "-Fc", "-f", str(target), self.database_url.replace("+psycopg", "")],
                       check=True, timeout=120)

    def restore(self, backup: Path) -> None:
        """The operator's restore (README): stop, put the backup back, `restored`, start."""
        self.stop()
        if self.database_url is None:
            database = self.data_dir / "server.sqlite"
            for leftover in (database.with_name("server.sqlite-wal"), database.with_name("server.sqlite-shm")):
                leftover.unlink(missing_ok=True)
            shutil.copyfile(backup, database)
        else:
            subprocess.run([f"{PG_BIN}/pg_restore", "--clean", "--if-exists", "--no-owner", "-d",
                            self.database_url.replace("+psycopg", ""), str(backup)], check=True, timeout=120)
        assert "every device reconciles" in self.admin("restored")
        self.start()

    def titles(self) -> list[str]:
        """The live learning logs the server holds (each title once per record)."""
        query = "SELECT fields FROM records WHERE type = 'learning_log' AND deleted = :no"
        if self.database_url is None:
            with sqlite3.connect(self.data_dir / "server.sqlite") as connection:
                rows = [r[0] for r in connection.execute(query.replace(":no", "0"))]
            import json

            return sorted(json.loads(r)["title"] for r in rows)
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as connection:
                return sorted(r[0]["title"] for r in connection.execute(text(query), {"no": False}))
        finally:
            engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    url = None
    if request.param == "postgresql":
        if not POSTGRES_URL or not PG_BIN:
            pytest.skip("no PostgreSQL (SAYPRO_TEST_POSTGRES_URL): run the tests through build_scripts/dev.sh test")
        name = f"saypro_restore_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
        admin_engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin_engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin_engine.dispose()
        url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    running = ServerProcess(tmp_path, url)
    running.start()
    yield running
    running.stop()


class Laptop:
    def __init__(self, root: Path, server: ServerProcess, user: str) -> None:
        self.paths = DataPaths.resolve(root)
        self.paths.ensure()
        self.store = RecordStore.open(self.paths.database())
        self.user = user
        self.sign_in(server)

    def sign_in(self, server: ServerProcess) -> None:
        CredentialStore(self.paths.root, "default").save(sign_in(server.url, self.user, PASSWORD,
                                                                self.store.device_id))

    def sync(self) -> bool:
        outcome = sync_profile(self.store, self.paths.root, "default")
        self.last = outcome
        return outcome.attempt.complete and not outcome.report.rejected

    def write(self, title: str) -> LearningLog:
        return self.store.save(factories.learning_log(id=factories.new_id(), owner_id="", title=title,
                                                      visibility=Visibility.TEAM))

    def titles(self) -> list[str]:
        return sorted(log.title for log in self.store.records(LearningLog, limit=None))


def test_a_restored_server_loses_nothing_any_laptop_still_holds(server: ServerProcess, tmp_path: Path) -> None:
    laptop, tablet = Laptop(tmp_path / "laptop", server, "thandi"), Laptop(tmp_path / "tablet", server, "thandi")
    teammate = Laptop(tmp_path / "teammate", server, "sipho")
    early = [laptop.write(f"Before the backup {n}") for n in range(5)]
    for device in (laptop, tablet, teammate):
        assert device.sync()
    server.backup(tmp_path / "server.backup")
    # After the backup: new logs, an edit and a delete, seen by every laptop.
    for n in range(4):
        laptop.write(f"After the backup {n}")
    laptop.store.save(dataclasses.replace(laptop.store.require(LearningLog, early[0].id), title="Edited after"))
    laptop.store.delete(LearningLog, early[1].id)
    for device in (laptop, tablet, teammate):
        assert device.sync()
    expected = laptop.titles()
    assert len(expected) == 8 and tablet.titles() == teammate.titles() == expected

    server.restore(tmp_path / "server.backup")
    assert "After the backup 0" not in server.titles()
    # More work after the restore, offline; then every laptop signs in again (the restore ended every
    # sign-in) and syncs twice.
    laptop.write("Written after the restore")
    teammate.write("The teammate's log after the restore")
    for device in (laptop, tablet, teammate):
        assert not device.sync()  # asked to sign in again: nothing lost meanwhile
        device.sign_in(server)
    for _ in range(2):
        for device in (laptop, tablet, teammate):
            assert device.sync(), (device.last.report.error, device.last.report.rejected)
    everything = sorted([*expected, "Written after the restore", "The teammate's log after the restore"])
    assert server.titles() == everything  # nothing lost, nothing doubled
    assert laptop.titles() == tablet.titles() == teammate.titles() == everything
    assert "Before the backup 1" not in everything  # the deletion made after the backup stays made
    # A laptop signed in for the first time after the restore receives exactly the same.
    newcomer = Laptop(tmp_path / "newcomer", server, "thandi")
    assert newcomer.sync() and newcomer.titles() == everything


def test_a_laptop_profile_restored_from_its_backup_gets_back_what_it_synced_since(
        server: ServerProcess, tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "laptop", server, "thandi")
    tablet = Laptop(tmp_path / "tablet", server, "thandi")
    laptop.write("Old log")
    assert laptop.sync()
    database = laptop.paths.database()
    backup = backup_database(database, stored_revision(database))  # what the app keeps in backups/
    laptop.write("Written and synced after the backup")
    assert laptop.sync()
    tablet.write("From the tablet")
    assert tablet.sync()
    # The README's restore: close the app, copy the backup over the database.
    laptop.store.close()
    for leftover in (database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(backup, database)
    laptop.store = RecordStore.open(database)
    assert laptop.titles() == ["Old log"]
    for _ in range(2):
        assert laptop.sync()
    assert laptop.titles() == ["From the tablet", "Old log", "Written and synced after the backup"]
    assert server.titles() == laptop.titles()


def test_a_lost_answer_to_a_token_refresh_does_not_sign_the_laptop_out(server: ServerProcess,
                                                                      tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "laptop", server, "thandi")
    with Link(server.port, rtt_ms=20) as link:
        point_at(laptop.paths, link.url)
        vault = CredentialStore(laptop.paths.root, "default")
        credentials = vault.load()
        assert credentials is not None
        account = Account(vault, credentials)
        link.fail_next("drop", after_bytes=450)  # the request arrives whole; the answer is cut
        with pytest.raises(Exception, match="(?i)reach|broke|connection"):
            account.refresh()
        still = vault.load()
        assert still is not None and still.refresh_token == credentials.refresh_token
        vault.save(dataclasses.replace(still, access_token="expired"))  # so the next sync refreshes
        laptop.write("Written after the lost answer")
        assert laptop.sync()  # the same refresh token again, within the grace period: not signed out
