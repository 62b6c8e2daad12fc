"""Property test: three devices of one person make random edits, deletes and syncs, in random order,
some syncs losing the server's answer. After everyone syncs twice with no new edits, all devices
hold the same data, and no edit disappeared unless someone who had seen it overwrote it or a
conflict record holds it.

Runs against a real `saypro-server` process on loopback (one for the whole test; each example
uses fresh devices and its own records).
"""

from __future__ import annotations

import dataclasses
import itertools
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from saypro_core.records import LearningLog
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.account import Account, sign_in
from saypro_desktop.sync.credentials import CredentialStore
from saypro_desktop.sync.engine import SyncEngine
from saypro_desktop.sync.transport import HttpTransport, SyncError
from tests import factories
from tests.integration.conftest import PASSWORD, admin, free_port

FIELDS = ("title", "what_learned", "deleted")
SERVER: dict[str, str] = {}


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("convergence-server")
    created = admin(data_dir, "users", "create", "thandi", "--password-stdin", stdin=f"{PASSWORD}\n")
    assert created.returncode == 0, created.stderr
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "saypro_server", "--data-dir", str(data_dir), "serve",
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=30)


class LosingAnswers:
    """The real transport, except that when told it sends the batch and then loses the answer."""

    def __init__(self, inner: HttpTransport, lose: bool) -> None:
        self.inner = inner
        self.lose = lose

    def post_sync(self, body: bytes) -> Iterator[bytes]:
        answer = list(self.inner.post_sync(body))  # the server has sent everything
        if self.lose:
            self.lose = False
            raise SyncError("the signal went just as the answer came back")
        yield from answer


class Device:
    def __init__(self, root: Path, url: str) -> None:
        root.mkdir(parents=True)
        self.store = RecordStore.open(root / "saypro.sqlite")
        self.vault = CredentialStore(root, "default")
        self.vault.save(sign_in(url, "thandi", PASSWORD, self.store.device_id))
        self.url = url

    def sync(self, *, lose_answer: bool = False) -> bool:
        credentials = self.vault.load()
        assert credentials is not None
        account = Account(self.vault, credentials)
        transport = HttpTransport(self.url, account.access_token, refresh=account.refresh)
        try:
            report = SyncEngine(self.store, LosingAnswers(transport, lose_answer), attempts=1).sync()  # type: ignore[arg-type]
        finally:
            transport.close()
        return report.complete and not report.error

    def value(self, record_id: str, field: str) -> Any:
        """A field as the person sees it: a deleted record is gone (other devices drop their copy of a
        tombstone, which carries no text; the device that deleted it keeps it a while for undo)."""
        record = self.store.get(LearningLog, record_id)
        if record is None or record.deleted:
            return True if field == "deleted" else None
        return getattr(record, field)

    def conflict_values(self) -> set[tuple[str, str, str]]:
        return {(c.record_id, c.field, repr(v)) for c in self.store.conflicts(include_resolved=True)
                for v in (c.kept, c.lost)}


class ThreeDevices(RuleBasedStateMachine):
    url = ""
    root = Path()
    counter = itertools.count()

    @initialize()
    def start(self) -> None:
        run = next(self.counter)
        self.devices = [Device(self.root / f"run{run}" / f"device{n}", self.url) for n in range(3)]
        for device in self.devices:  # start from what earlier examples left on the server
            assert device.sync()
        self.records: list[str] = []
        self.written: set[tuple[str, str, str]] = set()  # (record, field, repr(value)) ever written
        self.overwritten: set[tuple[str, str, str]] = set()  # ... replaced by someone who held it
        self.values = (f"v{n}" for n in itertools.count())

    def _write(self, device: Device, record_id: str, field: str, value: Any) -> None:
        record = device.store.get(LearningLog, record_id)
        if record is None:
            return  # this device has not received the record yet
        if record.deleted and field != "deleted":
            return  # the app edits no deleted record (it is out of every list until restored)
        before = getattr(record, field)
        if before == value:
            return
        self.overwritten.add((record_id, field, repr(before)))
        if field == "deleted" and value is True:  # a delete removes the text this device had seen
            self.overwritten |= {(record_id, name, repr(getattr(record, name))) for name in ("title", "what_learned")}
        self.written.add((record_id, field, repr(value)))
        device.store.save(dataclasses.replace(record, **{field: value}))

    @rule(d=st.integers(0, 2))
    def create(self, d: int) -> None:
        title, learned = next(self.values), next(self.values)
        record = self.devices[d].store.save(factories.learning_log(id=factories.new_id(), owner_id="", title=title,
                                                                   what_learned=learned))
        self.records.append(record.id)
        self.written |= {(record.id, "title", repr(title)), (record.id, "what_learned", repr(learned)),
                         (record.id, "deleted", repr(False))}

    @precondition(lambda self: bool(self.records))
    @rule(d=st.integers(0, 2), pick=st.integers(0, 1000), field=st.sampled_from(("title", "what_learned")))
    def edit(self, d: int, pick: int, field: str) -> None:
        self._write(self.devices[d], self.records[pick % len(self.records)], field, next(self.values))

    @precondition(lambda self: bool(self.records))
    @rule(d=st.integers(0, 2), pick=st.integers(0, 1000))
    def delete_or_restore(self, d: int, pick: int) -> None:
        record_id = self.records[pick % len(self.records)]
        record = self.devices[d].store.get(LearningLog, record_id)
        if record is not None:
            self._write(self.devices[d], record_id, "deleted", not record.deleted)

    @rule(d=st.integers(0, 2), lose_answer=st.booleans())
    def sync(self, d: int, lose_answer: bool) -> None:
        self.devices[d].sync(lose_answer=lose_answer)

    @invariant()
    def databases_stay_sound(self) -> None:
        for device in self.devices:
            assert device.store.outbox_summary().changes >= 0

    def teardown(self) -> None:
        if not hasattr(self, "devices"):
            return
        try:
            for _ in range(2):
                for device in self.devices:
                    assert device.sync(), "a clean sync failed"
            states = [{(r, f): device.value(r, f) for r in self.records for f in FIELDS} for device in self.devices]
            assert states[0] == states[1] == states[2], "the devices did not converge"
            kept_in_conflicts = set().union(*(device.conflict_values() for device in self.devices))
            final = {(r, f, repr(v)) for (r, f), v in states[0].items()}
            lost = self.written - final - self.overwritten - kept_in_conflicts
            assert not lost, f"edits vanished without a conflict: {sorted(lost)[:5]}"
        finally:
            for device in self.devices:
                device.store.close()


def test_three_devices_converge_and_lose_no_edit(server_url: str, tmp_path: Path) -> None:
    ThreeDevices.url = server_url
    ThreeDevices.root = tmp_path
    ThreeDevices.TestCase.settings = settings(
        # No shrinking: a failure prints its steps, and shrinking against a server would run for minutes.
        max_examples=15, stateful_step_count=30, deadline=None, phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    ThreeDevices.TestCase().runTest()
