"""Two laptops of one field officer sync through the real server on loopback and converge."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import update

from saypro_core.codec import encode
from saypro_core.records import BOOKKEEPING_FIELDS, RECORD_TYPES, LearningLog, Record, SyncState
from saypro_desktop.paths import DataPaths
from saypro_desktop.resources import default_reference_path
from saypro_desktop.storage import search
from saypro_desktop.storage.profile_access import lock_after_sign_in
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.storage.tables import outbox
from saypro_desktop.sync.account import sign_in_with_recovery
from saypro_desktop.sync.credentials import CredentialStore
from saypro_desktop.sync.engine import SyncEngine, summary
from saypro_desktop.sync.session import sync_profile
from saypro_desktop.sync.transport import HttpTransport
from saypro_desktop.ui.services import load_reference_for
from tests import factories
from tests.integration.conftest import PASSWORD, admin, signed_in_profile


class Laptop:
    def __init__(self, folder: Path, url: str) -> None:
        self.store = RecordStore.open(folder / "saypro.sqlite")
        login = requests.post(f"{url}/api/v1/auth/login", timeout=10, json={
            "username": "thandi", "password": PASSWORD, "device_id": self.store.device_id})
        assert login.status_code == 200, login.text
        token = login.json()["access_token"]
        self.transport = HttpTransport(url, lambda: token)
        self.engine = SyncEngine(self.store, self.transport, batch_bytes=4096, attempts=1)

    def sync(self) -> str:
        report = self.engine.sync()
        assert report.error == "", report.error
        assert report.complete
        return summary(report)

    def content(self) -> dict[str, dict[str, Any]]:
        """Every record as the user sees it (what the laptop's bookkeeping says is left out). A deleted
        record is gone: other laptops drop their copy of its tombstone; the one that deleted it keeps
        it a while, for undo."""
        out = {}
        for cls in RECORD_TYPES.values():
            for record in self.store.iter_all(cls):
                encoded = encode(record)
                out[record.id] = {k: v for k, v in encoded.items()
                                  if k not in BOOKKEEPING_FIELDS or k in ("visibility", "deleted")}
        return out

    def close(self) -> None:
        self.transport.close()
        self.store.close()


@pytest.fixture
def laptops(served: tuple[str, Path, subprocess.Popen[str]], tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    url = served[0]
    pair = (Laptop(tmp_path / "laptop", url), Laptop(tmp_path / "tablet", url))
    yield pair
    for laptop in pair:
        laptop.close()


def edit(store: RecordStore, record: Record, **changes: Any) -> Record:
    return store.save(dataclasses.replace(store.require(type(record), record.id), **changes))


def test_two_devices_converge_with_merges_deletes_and_a_conflict(laptops: tuple[Laptop, Laptop]) -> None:
    laptop, tablet = laptops
    logs = [laptop.store.save(factories.learning_log(id=factories.new_id(), title=f"Visit {n}")) for n in range(12)]
    note = laptop.store.save(factories.session_note(id=factories.new_id()))
    goal = tablet.store.save(factories.development_goal(id=factories.new_id()))

    assert laptop.sync().startswith("Synced: 13 sent")  # several batches: batch_bytes is small
    assert laptop.engine.transport.requests > 1  # type: ignore[attr-defined]
    assert tablet.sync() == "Synced: 1 sent, 13 received."
    laptop.sync()
    assert laptop.content() == tablet.content()

    # Offline on both: different fields of one log merge; a delete; the same field on both conflicts.
    edit(laptop.store, logs[0], project="Laptop project")
    edit(tablet.store, logs[0], milestone="Tablet milestone")
    tablet.store.delete(LearningLog, logs[1].id)
    edit(laptop.store, logs[2], what_learned="Laptop lesson")
    edit(tablet.store, logs[2], what_learned="Tablet lesson")
    edit(laptop.store, note, insights="Parents listen to community radio")
    edit(tablet.store, goal, measure="10 reports")
    for _ in range(2):
        laptop.sync()
        tablet.sync()

    assert laptop.content() == tablet.content()
    merged = tablet.store.require(LearningLog, logs[0].id)
    assert (merged.project, merged.milestone) == ("Laptop project", "Tablet milestone")
    assert laptop.store.get(LearningLog, logs[1].id) is None  # the tombstone carried no text: the copy went
    assert tablet.store.require(LearningLog, logs[1].id).deleted  # kept where it was deleted, for undo
    assert laptop.store.require(LearningLog, logs[2].id).what_learned == "Tablet lesson"  # the later edit
    for device in laptops:
        (conflict,) = device.store.conflicts()
        assert (conflict.field, conflict.kept, conflict.lost) == ("what_learned", "Tablet lesson", "Laptop lesson")
        assert device.store.require(LearningLog, logs[2].id).sync_state == SyncState.CONFLICT
        assert device.store.outbox_summary().changes == 0
    assert laptop.store.require(LearningLog, logs[3].id).sync_state == SyncState.SYNCED
    assert tablet.store.search("radio")[0].record_id == note.id  # pulled records are searchable offline


def test_the_server_refusal_is_kept_on_the_record(laptops: tuple[Laptop, Laptop]) -> None:
    laptop, _ = laptops
    log = laptop.store.save(factories.learning_log(id=factories.new_id()))
    (entry,) = laptop.store.pending_changes()
    with laptop.store.engine.begin() as connection:  # an older app version could have queued what the server refuses
        connection.execute(update(outbox).values(fields={**entry.fields, "title": "x" * 300}))
    report = laptop.engine.sync()
    assert report.complete and report.sent == 0
    assert report.rejected == [("learning_log", log.id, "title: Title is too long: at most 200 characters, "
                                                        "this has 300.")]
    stored = laptop.store.require(LearningLog, log.id)
    assert (stored.sync_state, stored.sync_error) == (SyncState.ERROR, report.rejected[0][2])
    assert summary(report) == (
        f"Synced: 0 sent, 0 received, 1 refused by the server (learning log {log.id[:8]}…: title: Title is too long: "
        "at most 200 characters, this has 300.; see `saypro-desktop export` or the Sync page).")


def test_reference_data_arrives_once_and_only_when_it_differs(
        laptops: tuple[Laptop, Laptop], served: tuple[str, Path, subprocess.Popen[str]], tmp_path: Path) -> None:
    laptop, _ = laptops
    laptop.sync()
    # The server holds the defaults the laptop shipped with: only their version came.
    assert laptop.store.reference_version() == 1 and laptop.store.cached_reference() is None
    assert load_reference_for(laptop.store).frameworks[0].id == "saypro_core"
    laptop.sync()
    assert laptop.store.reference_version() == 1
    # The programme adds a framework: the next sync brings the new data.
    changed = json.loads(default_reference_path().read_text(encoding="utf-8"))
    changed["frameworks"].append({**changed["frameworks"][0], "id": "limpopo_2027", "name": "Limpopo 2027"})
    (tmp_path / "reference.json").write_text(json.dumps(changed), encoding="utf-8")
    loaded = admin(served[1], "reference", "load", str(tmp_path / "reference.json"))
    assert loaded.stdout == "Loaded reference data version 2.\n", loaded.stderr
    laptop.sync()
    assert laptop.store.reference_version() == 2
    assert [f.id for f in load_reference_for(laptop.store).frameworks][-1] == "limpopo_2027"


def test_an_answer_lost_while_storing_is_fetched_again_without_duplicates(
        laptops: tuple[Laptop, Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    laptop, tablet = laptops
    for n in range(5):
        laptop.store.save(factories.learning_log(id=factories.new_id(), title=f"Visit {n}"))
    laptop.sync()

    def power_cut(*args: object, **kwargs: object) -> None:
        raise OSError("power cut while storing the answer")

    tablet.store.save(factories.learning_log(id=factories.new_id(), title="Written on the tablet"))
    monkeypatch.setattr(search, "put", power_cut)
    with pytest.raises(OSError):
        tablet.engine.sync()
    monkeypatch.undo()
    # Nothing of that answer was kept: the change still waits, the cursor did not move.
    assert tablet.store.outbox_summary().changes == 1
    assert tablet.store.sync_cursor() == 0
    assert tablet.store.count(LearningLog) == 1

    tablet.sync()
    laptop.sync()
    assert laptop.content() == tablet.content()
    assert tablet.store.count(LearningLog) == 6


def test_the_authors_times_and_owner_travel(served: tuple[str, Path, subprocess.Popen[str]], tmp_path: Path) -> None:
    """A log written 2025-04-14 shows 2025-04-14 on the other laptop, not the day the server got it;
    one written before the first sign-in belongs to the person once they sign in."""
    url = served[0]
    paths = DataPaths.resolve(tmp_path / "laptop")
    paths.ensure()
    store = RecordStore.open(paths.database())
    written = datetime(2025, 4, 14, 9, 30, tzinfo=UTC)
    old = factories.learning_log(id=factories.new_id(), owner_id="", created_at=written, updated_at=written,
                                 log_date=written.date())
    store.save_many([old], keep_metadata=True)  # as an import keeps them
    credentials, recovery = sign_in_with_recovery(url, "thandi", PASSWORD, store.device_id)
    lock_after_sign_in(paths, "default", PASSWORD, user="thandi", display_name="Thandi", server=url,
                       user_id=credentials.user_id, device_id=store.device_id, recovery_secret=recovery, store=store)
    CredentialStore(paths.root, "default").save(credentials)
    assert store.require(LearningLog, old.id).owner_id == credentials.user_id
    assert sync_profile(store, paths.root, "default").attempt.complete
    tablet_paths, tablet = signed_in_profile(url, tmp_path / "tablet")
    assert sync_profile(tablet, tablet_paths.root, "default").attempt.complete
    arrived = tablet.require(LearningLog, old.id)
    assert (arrived.created_at, arrived.updated_at) == (written, written)
    assert arrived.owner_id == credentials.user_id
