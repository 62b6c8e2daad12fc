"""Sync through a link that fails: random drops, resets, stalls, truncations and server 503s on
200 attempts, then a clean sync. Nothing may be lost or duplicated, on either device or the server.

The link emulator (bench/linkem.py) sits between two device profiles and a real `saypro-server`
process on loopback. Each device edits only records it created, so the expected end state is
known exactly: every record's last local edit, everywhere.
"""

from __future__ import annotations

import dataclasses
import random
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bench.linkem import FAULTS, Link
from saypro_core.codec import encode
from saypro_core.records import LearningLog
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.account import Account, sign_in
from saypro_desktop.sync.credentials import CredentialStore
from saypro_desktop.sync.engine import SyncEngine
from saypro_desktop.sync.transport import HttpTransport
from tests import factories
from tests.integration.conftest import PASSWORD

ATTEMPTS = 200
CONTENT = ("title", "log_date", "project", "what_happened", "what_learned", "tags", "deleted")


class Device:
    def __init__(self, root: Path, server: str, link: Link, name: str) -> None:
        root.mkdir(parents=True)
        self.name = name
        self.store = RecordStore.open(root / "saypro.sqlite")
        self.vault = CredentialStore(root, "default")
        self.vault.save(sign_in(server, "thandi", PASSWORD, self.store.device_id))
        self.link = link
        self.mine: list[str] = []

    def engine(self, *, attempts: int = 1,
               timeouts: tuple[float, float] = (2.0, 2.0)) -> tuple[SyncEngine, HttpTransport]:
        credentials = self.vault.load()
        assert credentials is not None
        account = Account(self.vault, credentials)
        transport = HttpTransport(self.link.url, account.access_token, refresh=account.refresh, timeouts=timeouts)
        return SyncEngine(self.store, transport, attempts=attempts, batch_bytes=4 * 1024,
                          max_batch_bytes=16 * 1024), transport

    def sync(self, **kwargs: Any) -> bool:
        engine, transport = self.engine(**kwargs)
        try:
            report = engine.sync()
        finally:
            transport.close()
        return report.complete and not report.error

    def edit(self, rng: random.Random) -> None:
        """Create, edit or delete one of this device's own records."""
        choice = rng.random()
        if not self.mine or choice < 0.4:
            record = factories.learning_log(id=factories.new_id(), owner_id="", title=f"{self.name} {len(self.mine)}",
                                            what_learned="x" * rng.randrange(10, 3000))
            self.mine.append(self.store.save(record).id)
            return
        record_id = rng.choice(self.mine)
        current = self.store.require(LearningLog, record_id)
        if choice < 0.9:
            self.store.save(dataclasses.replace(current, what_happened=f"edit {rng.random():.6f}",
                                                deleted=False, tags=[f"t{rng.randrange(9)}"]))
        else:
            self.store.save(dataclasses.replace(current, deleted=not current.deleted))

    def state(self) -> dict[str, dict[str, Any]]:
        """The records as the person sees them: a deleted one is gone (another device drops its copy of
        the tombstone; the device that deleted it keeps it a while, for undo)."""
        records = self.store.records(LearningLog, limit=None)
        return {r.id: {k: v for k, v in encode(r).items() if k in CONTENT} for r in records}


@pytest.fixture
def link(served: tuple[str, Path, subprocess.Popen[str]]) -> Any:
    url = served[0]
    with Link(int(url.rsplit(":", 1)[1]), rtt_ms=20, up_kbit=4000, down_kbit=4000) as emulator:
        yield emulator


def test_two_hundred_failing_syncs_lose_and_duplicate_nothing(served: tuple[str, Path, subprocess.Popen[str]],
                                                              link: Link, tmp_path: Path) -> None:
    url = served[0]
    rng = random.Random(2026)
    laptop = Device(tmp_path / "laptop", url, link, "laptop")
    tablet = Device(tmp_path / "tablet", url, link, "tablet")
    expected: dict[str, dict[str, Any]] = {}
    link.chaos(0.5, kinds=FAULTS, max_after_bytes=2_500, seed=7)
    results = []
    for attempt in range(ATTEMPTS):
        device = laptop if attempt % 2 == 0 else tablet
        for _ in range(rng.randrange(0, 4)):
            device.edit(rng)
        results.append(device.sync())
    link.calm()
    assert sum(link.stats.faults.values()) >= 60, link.stats  # the link really did fail, many ways
    assert set(link.stats.faults) == set(FAULTS)
    assert 0 < results.count(True) < ATTEMPTS
    for _ in range(2):  # a clean link: everything goes through
        assert laptop.sync(attempts=3, timeouts=(5, 30))
        assert tablet.sync(attempts=3, timeouts=(5, 30))
    for device in (laptop, tablet):
        expected.update({k: v for k, v in device.state().items() if k in device.mine})
    assert len(expected) == len({r for d in (laptop, tablet) for r in d.mine if d.store.require(LearningLog, r)
                                 and not d.store.require(LearningLog, r).deleted})
    assert laptop.state() == expected  # each device holds every record, in its last edited state
    assert tablet.state() == expected
    for device in (laptop, tablet):
        assert device.store.outbox_summary().changes == 0
        states = {(r.id, r.sync_state) for r in device.store.records(LearningLog, include_deleted=True, limit=None)}
        assert {state for _, state in states} == {"synced"}, sorted(states)
    # The server holds each record once: a third device starting from nothing receives exactly them.
    fresh = Device(tmp_path / "fresh", url, link, "fresh")
    assert fresh.sync(attempts=3, timeouts=(5, 30))
    assert fresh.state() == expected
