"""A power cut while typing: the app process is killed (SIGKILL) a few seconds after the user
stopped typing; started again, it reopens the entry with everything typed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from pytestqt.qtbot import QtBot

from saypro_core.records import LearningLog
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

# The real app (saypro-desktop's main), with a user typing into it once the window is up.
TYPING_USER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
import saypro_desktop.ui.app as app_module
from saypro_desktop.ui import record_page

class TypingUser(app_module.MainWindow):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        QTimer.singleShot(200, self.type_entry)

    def type_entry(self):
        self.navigation.setCurrentRow(1)
        page = self.learning_log
        page.new_entry()
        QTest.keyClicks(page.title_edit, "Typed before the power cut")
        QTest.keyClicks(page.learned_edit, "The draft survives a SIGKILL.")
        # The user stops typing; the draft is written DRAFT_DELAY_MS later. Report after that.
        QTimer.singleShot(record_page.DRAFT_DELAY_MS + 800, lambda: print("TYPED", flush=True))

app_module.MainWindow = TypingUser
from saypro_desktop.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def test_a_killed_app_reopens_with_the_draft(qtbot: QtBot, data_paths: DataPaths, store: RecordStore,
                                             open_window) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)}
    process = subprocess.Popen([sys.executable, "-c", TYPING_USER, str(data_paths.root)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline and "TYPED" not in line:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
        assert "TYPED" in line, process.stderr.read() if process.poll() is not None else "no TYPED line"
        process.send_signal(signal.SIGKILL)
        assert process.wait(10) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    with sqlite3.connect(data_paths.database()) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert store.count(LearningLog) == 0  # never saved: only the draft exists
    window = open_window()
    page = window.learning_log
    assert window.pages.currentWidget() is page
    assert page.title_edit.text() == "Typed before the power cut"
    assert page.learned_edit.toPlainText() == "The draft survives a SIGKILL."
    assert page.banner.isVisible() and "were kept" in page.banner.text.text()
    page.save()
    [saved] = store.records(LearningLog)
    assert saved.title == "Typed before the power cut" and store.drafts() == []


def test_the_app_exits_cleanly_after_heavy_use(data_paths: DataPaths, store: RecordStore) -> None:
    """Start, reload and scroll the log list, run 20 searches, quit: exit code 0.

    Regression test: with PySide6 6.12.0 on Python 3.11 every void Qt call took a reference from None,
    and this run aborted with "none_dealloc" (see tests/unit/test_qt_binding.py).
    """
    import json

    from bench.ui_scale import DRIVER, ME, QUERIES
    from tests import factories

    store.save_many([factories.learning_log(id=factories.new_id(), title=f"Log {n} community radio", owner_id="")
                     for n in range(250)])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)}
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", DRIVER, str(data_paths.root), json.dumps(QUERIES), ME],
                                env=env, capture_output=True, text=True, timeout=120, cwd=REPO_ROOT, check=False)
        assert result.returncode == 0, result.stderr[-2000:]
        measured = json.loads(result.stdout.strip().splitlines()[-1])
        assert measured["rows"] == 250 and len(measured["search"]) == len(QUERIES)
