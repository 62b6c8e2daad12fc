"""A stalled link is noticed from this side: kernel TCP on both ends (the server in a network
namespace of the test's own, behind a 128 kbit/s veth), every packet lost for a while in the
middle of an upload. The laptop drops the stalled connection within seconds, reconnects when the
link is back and sends only what was in flight: everything arrives, once.

The stall watch itself (saypro_desktop.sync.stall) is also checked without a namespace."""

from __future__ import annotations

import random
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bench import netns_link
from bench.netns_link import NamespaceLink
from bench.store_scale import sentence
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync import stall
from saypro_desktop.sync.engine import SyncEngine, SyncReport
from saypro_desktop.sync.transport import HttpTransport
from tests import factories
from tests.integration.conftest import PASSWORD, admin

OUTAGE_S = 12.0


def test_a_socket_is_dropped_only_when_its_link_stopped_acknowledging(monkeypatch: pytest.MonkeyPatch) -> None:
    watch = stall.StallWatch()
    left, right = socket.socketpair()
    states = {"moving": (4, 0.3, 0.4), "thinking": (0, 20.0, 0.4), "stalled": (4, 9.0, 0.4),
              "slow 2G": (4, 6.0, 0.9)}  # 8 round trips of 0.9 s: 7.2 s, not yet
    try:
        for name, state in states.items():
            monkeypatch.setattr(stall, "link_state", lambda _sock, state=state: state)
            assert watch.check(left) is (name == "stalled"), name
        assert watch.stalls == 1
        assert left.recv(1) == b""  # shut down: a request on it fails at once
    finally:
        left.close()
        right.close()
    assert stall.stall_after(0.001) == stall.STALL_MIN_S and stall.stall_after(60) == stall.STALL_MAX_S


@pytest.fixture
def link(tmp_path: Path) -> Iterator[tuple[NamespaceLink, str]]:
    why = netns_link.available()
    if why:
        pytest.skip(f"a namespace link {why}")
    data = tmp_path / "server"
    created = admin(data, "users", "create", "thandi", "--password-stdin", stdin=f"{PASSWORD}\n")
    assert created.returncode == 0, created.stderr
    with NamespaceLink(kbit=128) as namespace:
        server = namespace.popen([sys.executable, "-m", "saypro_server", "--data-dir", str(data), "serve", "--host",
                                  namespace.server_ip, "--port", "8765"])
        url = f"http://{namespace.server_ip}:8765"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                        break
                except requests.RequestException:
                    assert time.monotonic() < deadline, "the server did not start"
                    time.sleep(0.2)
            yield namespace, url
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_an_outage_mid_upload_costs_little_more_than_itself(tmp_path: Path, link: tuple[NamespaceLink, str]) -> None:
    namespace, url = link
    store = RecordStore.open(tmp_path / "laptop.sqlite")
    login = requests.post(f"{url}/api/v1/auth/login", timeout=10, json={
        "username": "thandi", "password": PASSWORD, "device_id": store.device_id})
    token = login.json()["access_token"]
    words = random.Random(5)
    logs = [store.save(factories.learning_log(id=factories.new_id(), what_learned=" ".join(
        sentence(words, 14) for _ in range(8)))) for _ in range(300)]  # ~250 KB compressed: ~15 s up
    transport = HttpTransport(url, lambda: token)
    engine = SyncEngine(store, transport, batch_bytes=64 * 1024)
    reports: list[SyncReport] = []
    started = time.monotonic()
    syncing = threading.Thread(target=lambda: reports.append(engine.sync()))
    syncing.start()
    while transport.bytes_sent < 20_000 and syncing.is_alive():  # the upload is under way
        time.sleep(0.05)
    assert syncing.is_alive(), reports
    namespace.outage(True)
    time.sleep(OUTAGE_S)
    namespace.outage(False)
    syncing.join(timeout=180)
    took = time.monotonic() - started
    assert reports and reports[0].error == "" and reports[0].complete
    assert transport.stall_watch.stalls >= 1  # noticed from this side, not left to the kernel
    assert took < OUTAGE_S + 45, took  # the upload alone takes ~15 s on this link
    # Everything arrived, once: a second laptop of hers receives exactly these logs.
    other = RecordStore.open(tmp_path / "tablet.sqlite")
    second = requests.post(f"{url}/api/v1/auth/login", timeout=10, json={
        "username": "thandi", "password": PASSWORD, "device_id": other.device_id}).json()["access_token"]
    assert SyncEngine(other, HttpTransport(url, lambda: second)).sync().complete
    assert {log.id for log in other.iter_all(type(logs[0]))} == {log.id for log in logs}
    store.close()
    other.close()
