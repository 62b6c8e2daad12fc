"""After any record a hostile colleague can push, or an older server kept, every other laptop's sync
still completes (a real server process, real laptops)."""

from __future__ import annotations

import gzip
import json
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import requests

from saypro_core.ids import new_id
from saypro_core.records import LearningLog, SelfAssessment, Visibility
from saypro_desktop.sync.session import sync_profile
from tests import factories
from tests.integration.conftest import PASSWORD, admin, signed_in_profile
from tests.server.helpers import change

Served = tuple[str, Path, subprocess.Popen[str]]


def _push_raw(url: str, changes: list[dict[str, object]]) -> list[dict[str, object]]:
    device = new_id()
    login = requests.post(f"{url}/api/v1/auth/login", timeout=10, json={
        "username": "mallory", "password": PASSWORD, "device_id": device}).json()
    stamped = [{**c, "h": "-".join(str(c["h"]).split("-")[:2]) + "-" + device} for c in changes]
    body = gzip.compress(json.dumps({"v": 1, "dev": device, "ch": stamped}).encode())  # \\ud800 as JSON allows
    answer = requests.post(f"{url}/api/v1/sync", data=body, timeout=10, headers={
        "Authorization": f"Bearer {login['access_token']}", "Content-Encoding": "gzip",
        "Content-Type": "application/json"})
    assert answer.status_code == 200, answer.text
    acks: list[dict[str, object]] = answer.json()["ack"]
    return acks


def _store_as_an_older_server_did(data_dir: Path, owner_id: str, record_type: str, fields: dict[str, object]) -> None:
    with sqlite3.connect(data_dir / "server.sqlite") as connection:
        position = connection.execute("SELECT position FROM feed_counter").fetchone()[0] + 1
        connection.execute("UPDATE feed_counter SET position = ?", (position,))
        connection.execute(
            "INSERT INTO records (id, type, owner_id, team_id, visibility, deleted, revision, fields, field_revisions, "
            "field_stamps, stamp, updated_at, feed_position, size) VALUES (?, ?, ?, NULL, 'organisation', 0, 1, ?, "
            "'{}', '{}', '0', ?, ?, 10)",
            (new_id(), record_type, owner_id, json.dumps(fields), datetime.now(UTC).isoformat(), position))


def test_poisoned_records_stop_nobody_elses_sync(served: Served, tmp_path: Path) -> None:
    url, data_dir, _ = served
    assert admin(data_dir, "users", "create", "mallory", "--team", "Limpopo", "--password-stdin",
                 stdin=f"{PASSWORD}\n").returncode == 0
    poisoned = factories.learning_log(id=new_id(), visibility=Visibility.ORGANISATION)
    sound = factories.learning_log(id=new_id(), visibility=Visibility.ORGANISATION, title="Sound")
    fields = change(poisoned, "x")["f"]
    acks = _push_raw(url, [
        change(poisoned, "x", fields={**fields, "title": "lone \ud800"}),
        change(poisoned, "x", fields={**fields, "what_learned": "nul \x00"}),
        change(factories.self_assessment(id=new_id()), "x",
               fields={**change(factories.self_assessment(), "x")["f"], "framework_version": 2**63}),
        change(sound, "x")])
    assert [a["s"] for a in acks] == ["rejected", "rejected", "rejected", "ok"]
    owner = json.loads(admin(data_dir, "users", "export", "mallory").stdout)["account"]["id"]
    _store_as_an_older_server_did(data_dir, owner, "learning_log", {**fields, "title": "old \ud800"})
    _store_as_an_older_server_did(data_dir, owner, "self_assessment",
                                  {**change(factories.self_assessment(), "x")["f"], "framework_version": 2**63})

    paths, store = signed_in_profile(url, tmp_path / "thandi")
    outcome = sync_profile(store, paths.root, "default")
    assert outcome.attempt.complete, outcome.report.error
    assert [log.title for log in store.records(LearningLog)] == ["Sound"]
    assert store.records(SelfAssessment) == []
    assert outcome.report.set_aside == 1  # the impossible number: the server could encode it, the laptop refuses it
    again = sync_profile(store, paths.root, "default")
    assert again.attempt.complete and again.report.pulled == 0  # the cursor moved on
