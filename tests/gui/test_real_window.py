"""The app in a real X11 window (Xvfb), as a person would see it: start, show, screenshot."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed"),
]

SCREENSHOT_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.app import make_application
from saypro_desktop.ui.main_window import MainWindow

out = Path(sys.argv[1])
paths = DataPaths.resolve(sys.argv[2])
paths.ensure()
store = RecordStore.open(paths.database())
app = make_application()
assert app.platformName() == "xcb", app.platformName()
window = MainWindow(store, paths)
window.show()

def shoot():
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        app.processEvents()
        name = window.navigation.item(row).text().lower().replace(" ", "_")
        assert window.screen().grabWindow(window.winId()).save(str(out / f"{row:02d}_{name}.png"))
    print("exposed", window.windowHandle().isExposed())
    app.quit()

QTimer.singleShot(500, shoot)
app.exec()
store.close()
"""


def test_main_window_in_a_real_x_server(tmp_path: Path) -> None:
    out = Path(os.environ.get("SAYPRO_SCREENSHOT_DIR", tmp_path / "screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-c", SCREENSHOT_SCRIPT,
         str(out), str(tmp_path / "data")],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO_ROOT, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "exposed True" in result.stdout
    shots = sorted(out.glob("*.png"))
    assert [s.name for s in shots][:2] == ["00_home.png", "01_learning_log.png"]
    assert all(s.stat().st_size > 5_000 for s in shots), "a screenshot is blank"
