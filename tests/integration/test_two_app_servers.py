"""More than one app server, proven: two `saypro-server` processes on one PostgreSQL behind a real
nginx (Debian's, started by the test on loopback), three laptops syncing through it while one app
server is killed (SIGKILL, mid-sync) and started again. Every laptop converges on every record its
team shares, nothing lost and nothing doubled: app servers keep no state of their own (the
database holds it all; they share the token signing key).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, func, select, text

from saypro_core.records import LearningLog, Visibility
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.engine import SyncEngine
from saypro_desktop.sync.transport import HttpTransport
from saypro_server.tables import StoredRecord
from tests import factories
from tests.integration.conftest import PASSWORD, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PEOPLE = ("thandi", "sipho", "lerato")
pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (dev.sh setup installs it)")


@pytest.fixture
def database(request: pytest.FixtureRequest) -> Iterator[str]:
    """A database of its own on the test cluster."""
    base = os.environ.get("SAYPRO_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("no PostgreSQL (SAYPRO_TEST_POSTGRES_URL): run the tests through build_scripts/dev.sh test")
    name = f"saypro_two_app_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    cluster = create_engine(base, isolation_level="AUTOCOMMIT")
    with cluster.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    yield base.rsplit("/", 1)[0] + f"/{name}"
    with cluster.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    cluster.dispose()


class AppServer:
    """One `saypro-server serve` on a fixed loopback port (so it comes back where nginx expects it)."""

    def __init__(self, data_dir: Path, env: dict[str, str]) -> None:
        self.data_dir, self.env, self.port = data_dir, env, free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "saypro_server", "--data-dir", str(self.data_dir), "serve", "--port",
             str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=self.env)
        _wait_for(f"http://127.0.0.1:{self.port}/api/v1/health")

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def _wait_for(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    pytest.fail(f"{url} did not answer")


def _nginx(folder: Path, servers: list[AppServer]) -> tuple[str, subprocess.Popen[bytes]]:
    """nginx on a loopback port, balancing over ``servers``; a request that cannot reach one (it is
    down) goes to the other. Everything it writes stays in ``folder``."""
    port = free_port()
    folder.mkdir()
    upstreams = "\n".join(f"        server 127.0.0.1:{s.port} max_fails=1 fail_timeout=2s;" for s in servers)
    config = folder / "nginx.conf"
    config.write_text(f"""
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream saypro {{
{upstreams}
        keepalive 8;
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 5m;
        location / {{
            proxy_pass http://saypro;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 60s;
            proxy_next_upstream error timeout http_502 http_503;
        }}
    }}
}}
""")
    process = subprocess.Popen([NGINX, "-c", str(config), "-p", str(folder), "-e", str(folder / "error.log")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    _wait_for(f"{url}/api/v1/health")
    return url, process


class Laptop:
    """A laptop's store and sync engine, signed in through the proxy."""

    def __init__(self, folder: Path, url: str, username: str) -> None:
        folder.mkdir()
        self.store = RecordStore.open(folder / "saypro.sqlite")
        login = requests.post(f"{url}/api/v1/auth/login", timeout=10, json={
            "username": username, "password": PASSWORD, "device_id": self.store.device_id})
        assert login.status_code == 200, login.text
        self.owner_id = login.json()["user"]["id"]
        token = login.json()["access_token"]
        self.engine = SyncEngine(self.store, HttpTransport(url, lambda: token), batch_bytes=4096, attempts=1)
        self.written: list[str] = []
        self.failures = 0

    def write(self, count: int) -> None:
        for _ in range(count):
            log = factories.learning_log(id=factories.new_id(), owner_id=self.owner_id, visibility=Visibility.TEAM,
                                         title=f"{self.owner_id[:8]} visit {len(self.written)}")
            self.store.save(log)
            self.written.append(log.id)

    def sync_until_done(self, deadline_s: float = 90) -> None:
        """Sync as the app does: a failed sync (its app server died under it) is tried again."""
        deadline = time.monotonic() + deadline_s
        while True:
            report = self.engine.sync()
            if not report.error and report.complete:
                return
            self.failures += 1
            assert time.monotonic() < deadline, report.error
            time.sleep(0.2)

    def logs(self) -> set[str]:
        return {log.id for log in self.store.iter_all(LearningLog)}


@dataclass
class Cluster:
    url: str  # the proxy's
    servers: list[AppServer]
    database: str


@pytest.fixture
def cluster(tmp_path: Path, database: str) -> Iterator[Cluster]:
    """A team of three (thandi, sipho, lerato), two app servers sharing the signing key, nginx before them."""
    env = {**os.environ, "SAYPRO_SERVER_DATABASE_URL": database,
           "SAYPRO_SERVER_SIGNING_KEY": "two app servers share this signing key 0123456789"}
    setup = tmp_path / "admin"
    assert admin_with(env, setup, "teams", "create", "Limpopo").returncode == 0
    for name in PEOPLE:
        created = admin_with(env, setup, "users", "create", name, "--team", "Limpopo", "--password-stdin",
                             stdin=f"{PASSWORD}\n")
        assert created.returncode == 0, created.stderr
    servers = [AppServer(tmp_path / f"app{n}", env) for n in (1, 2)]
    for server in servers:  # one after the other: the first migrates, the second finds it done
        server.start()
    url, nginx = _nginx(tmp_path / "nginx", servers)
    yield Cluster(url, servers, database)
    nginx.terminate()
    nginx.wait(timeout=30)
    for server in servers:
        server.stop()


def test_three_laptops_converge_through_nginx_while_an_app_server_dies(tmp_path: Path, cluster: Cluster) -> None:
    laptops = [Laptop(tmp_path / name, cluster.url, name) for name in PEOPLE]
    for laptop in laptops:
        laptop.write(25)
        laptop.sync_until_done()

    # All three sync at once, with more to send, while one app server is killed under them.
    for laptop in laptops:
        laptop.write(80)
    syncing = [threading.Thread(target=laptop.sync_until_done) for laptop in laptops]
    for thread in syncing:
        thread.start()
    _until_sending_began(laptops[0], 80)
    cluster.servers[0].kill()
    for thread in syncing:
        thread.join(timeout=120)
    for laptop in laptops:
        laptop.write(10)
        laptop.sync_until_done()  # one app server only
    cluster.servers[0].start()
    for laptop in laptops:
        laptop.write(10)
    for _ in range(2):  # the second round brings each laptop what the others sent after it
        for laptop in laptops:
            laptop.sync_until_done()

    everything = {log_id for laptop in laptops for log_id in laptop.written}
    assert len(everything) == 3 * 125
    for laptop in laptops:
        assert laptop.logs() == everything, "a laptop misses a record or holds one nobody wrote"
        laptop.store.close()
    engine = create_engine(cluster.database)
    with engine.connect() as connection:
        stored = connection.execute(select(func.count(), func.count(func.distinct(StoredRecord.feed_position)))
                                    .where(StoredRecord.type == "learning_log")).one()
    engine.dispose()
    assert tuple(stored) == (375, 375)  # each once, each at its own place in the feed


def _until_sending_began(laptop: Laptop, waiting: int) -> None:
    """Wait until the laptop has sent part of what it had waiting (it is in the middle of a sync)."""
    deadline = time.monotonic() + 30
    while laptop.store.outbox_summary().records >= waiting and time.monotonic() < deadline:
        time.sleep(0.02)


def admin_with(env: dict[str, str], data_dir: Path, *args: str, stdin: str | None = None
               ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "saypro_server", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, input=stdin, timeout=120, check=False, env=env)
