"""The system-tray icon in a real X server with a real tray (Xvfb + trayer): started minimized before
the tray is there (a panel that comes up late at log-in), the app goes into the tray when it comes;
its window opens from the tray menu; closed, it goes back to the tray and keeps syncing with the
real server; Quit in the menu ends it, its window remembered."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.integration.conftest import signed_in_profile

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.xdist_group("xvfb"),  # one X server at a time: xvfb-run -a picks displays racily
    pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("trayer") is None,
                       reason="xvfb-run and trayer (a system tray for X) are not installed: build_scripts/dev.sh"),
]

TRAY_SCRIPT = """
import json, os, signal, socket, subprocess, sys, time
from datetime import date
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSystemTrayIcon
from saypro_core.records import LearningLog
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.app import make_application, open_main_window

out, data = Path(sys.argv[1]), sys.argv[2]
app = make_application()
facts = {}

def wait_until(condition, seconds=20.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return False

paths = DataPaths.resolve(data)
store = RecordStore.open(paths.database())
# Started at log-in (as the autostart entry does) before the desktop's panel is up: no tray yet.
window = open_main_window(store, paths, minimized=True)
facts["minimized_without_tray"] = window.tray is None and window.isMinimized()
tray_host = subprocess.Popen(["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
                              "--height", "32", "--transparent", "false", "--tint", "0x303030"])
facts["tray_host"] = wait_until(QSystemTrayIcon.isSystemTrayAvailable, 10)
facts["in_tray_when_it_came"] = wait_until(lambda: window.tray is not None and not window.isVisible(), 10)
tray = window.tray
facts["icon_placed"] = wait_until(lambda: tray.icon.geometry().width() > 0, 10)
wait_until(lambda: False, 0.5)
app.primaryScreen().grabWindow(0, 1280 - 400, 0, 400, 40).save(str(out / "tray.png"))

tray.open_action.trigger()
facts["opened_from_tray"] = wait_until(window.isVisible)
store.save(LearningLog(title="Written before closing the window", log_date=date.today(),
                       what_learned="Ask the group first."))
window.learning_log.data_changed.emit()  # what saving in the form does: sync a few seconds later
window.close()
facts["hidden_on_close"] = wait_until(lambda: not window.isVisible(), 5) and tray.is_shown()
facts["synced_while_closed"] = wait_until(
    lambda: store.outbox_summary().changes == 0 and not window.sync.running and window.sync.last_attempt is not None
    and window.sync.last_attempt.complete, 40)
wait_until(lambda: False, 0.5)
facts["tooltip"] = tray.icon.toolTip()
facts["attention_when_fine"] = tray.needs_attention
# The server goes away: the next sync fails and the icon wears its red dot. Uvicorn notices SIGTERM
# up to 0.1 s late and still answers what comes before: sync once it refuses connections.
os.kill(int(sys.argv[3]), signal.SIGTERM)

def refused():
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[4])), timeout=1).close()
    except OSError:
        return True
    return False

facts["server_gone"] = wait_until(refused, 30)
tray.sync_action.trigger()
facts["attention_when_failed"] = wait_until(lambda: tray.needs_attention, 60)
facts["tooltip_failed"] = tray.icon.toolTip()
wait_until(lambda: False, 0.5)
app.primaryScreen().grabWindow(0, 1280 - 400, 0, 400, 40).save(str(out / "tray-failed.png"))
QTimer.singleShot(0, tray.quit_action.trigger)
QTimer.singleShot(15_000, lambda: app.exit(3))  # Quit did not quit
facts["exit_code"] = app.exec()
facts["window_remembered"] = (paths.settings_file.read_text().find("geometry") >= 0)
tray_host.terminate()
tray_host.wait(5)
print(json.dumps(facts))
"""


def test_the_tray_keeps_syncing_while_the_window_is_closed(served: tuple[str, Path, subprocess.Popen[str]],
                                                           tmp_path: Path) -> None:
    paths, store = signed_in_profile(served[0], tmp_path / "laptop")
    store.close()
    server = served[2]
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-c", TRAY_SCRIPT, str(tmp_path),
         str(paths.root), str(server.pid), served[0].rsplit(":", 1)[1]],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=240,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "xcb"})
    assert result.returncode == 0, result.stderr[-3000:]
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["minimized_without_tray"] and facts["tray_host"] and facts["in_tray_when_it_came"], facts
    assert facts["icon_placed"], facts
    assert facts["opened_from_tray"] and facts["hidden_on_close"], facts
    assert facts["synced_while_closed"], facts
    assert facts["tooltip"].startswith("SayPro Field Learning\nLast synced ") and "nothing waiting" in facts["tooltip"]
    assert facts["server_gone"] and not facts["attention_when_fine"] and facts["attention_when_failed"], facts
    assert "Sync failed at " in facts["tooltip_failed"] and "(last full sync " in facts["tooltip_failed"]
    assert facts["exit_code"] == 0 and facts["window_remembered"], facts
    assert (tmp_path / "tray.png").stat().st_size > 0 and (tmp_path / "tray-failed.png").stat().st_size > 0
    # The record reached the server before it went: its database holds it.
    server.wait(timeout=30)
    with closing(sqlite3.connect(served[1] / "server.sqlite")) as database:
        titles = [json.loads(fields)["title"] for (fields,) in database.execute("SELECT fields FROM records")]
    assert titles == ["Written before closing the window"]
