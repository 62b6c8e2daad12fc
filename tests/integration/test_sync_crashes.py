"""The sync process killed with SIGKILL at random moments, 50 times, over a slow link: after a
restart and a sync nothing is lost or duplicated, and the database passes its integrity check."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from bench.linkem import Link
from saypro_core.codec import encode
from saypro_core.records import LearningLog
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.session import sync_profile
from tests import factories
from tests.integration.conftest import signed_in_profile

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

KILLS = 50
CONTENT = ("title", "log_date", "what_happened", "what_learned", "tags", "deleted")


def state(store: RecordStore) -> dict[str, dict[str, Any]]:
    return {r.id: {k: v for k, v in encode(r).items() if k in CONTENT}
            for r in store.records(LearningLog, include_deleted=True, limit=None)}


def test_sync_killed_fifty_times_loses_and_duplicates_nothing(served: tuple[str, Path, subprocess.Popen[str]],
                                                              tmp_path: Path) -> None:
    url = served[0]
    rng = random.Random(50)
    paths, store = signed_in_profile(url, tmp_path / "laptop")
    killed = finished = 0
    with Link(int(url.rsplit(":", 1)[1]), rtt_ms=100, up_kbit=300, down_kbit=300) as link:
        for round_number in range(KILLS):
            new = [factories.learning_log(id=factories.new_id(), owner_id="", title=f"Round {round_number} #{n}",
                                          what_learned=rng.randbytes(600).hex()) for n in range(30)]
            store.save_many(new)
            mine = store.records(LearningLog, limit=200)
            for record in rng.sample(mine, min(5, len(mine))):
                store.save(factories.learning_log(**{**record.__dict__, "what_happened": f"edit {round_number}"}))
            process = subprocess.Popen(
                [sys.executable, "-m", "saypro_desktop", "--data-dir", str(paths.root), "--server", link.url, "sync"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
            time.sleep(rng.uniform(0.6, 2.2))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed += 1
            else:
                finished += 1
            process.wait(timeout=30)
            link.close_all()  # the connection the killed process held dies with it
    assert killed >= KILLS * 0.6, (killed, finished)  # most runs died mid-sync, not after it
    with sqlite3.connect(paths.database()) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # Restarted on a good link: one sync sends everything that was still waiting.
    outcome = sync_profile(store, paths.root, "default")
    assert outcome.attempt.complete, outcome.report.error
    assert store.outbox_summary().changes == 0
    expected = state(store)
    assert len(expected) == KILLS * 30
    fresh_paths, fresh = signed_in_profile(url, tmp_path / "fresh")
    assert sync_profile(fresh, fresh_paths.root, "default").attempt.complete
    assert state(fresh) == expected  # every record once, in its last edited state
