"""Start at login: the per-user entries each platform reads."""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path

import pytest

from saypro_desktop import autostart
from saypro_desktop.cli import main


def test_macos_launch_agent_runs_the_app_at_login(tmp_path: Path) -> None:
    path = autostart.write_macos_agent(tmp_path / "org.saypro.field-learning.plist", ["/Applications/x", "--minimized"])
    with path.open("rb") as f:
        agent = plistlib.load(f)
    assert agent == {"Label": "org.saypro.field-learning", "ProgramArguments": ["/Applications/x", "--minimized"],
                     "RunAtLoad": True, "ProcessType": "Interactive"}


def test_source_checkout_starts_through_python() -> None:
    assert autostart.launch_command() == [sys.executable, "-m", "saypro_desktop", "--minimized"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG autostart is the Linux mechanism")
def test_command_line_turns_linux_autostart_on_and_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    entry = tmp_path / "autostart" / "saypro-field-learning.desktop"
    assert main(["autostart", "status"]) == 0 and capsys.readouterr().out == "off\n"

    assert main(["autostart", "on"]) == 0
    assert f"({entry})" in capsys.readouterr().out
    lines = entry.read_text().splitlines()
    assert "Exec=" + " ".join([sys.executable, "-m", "saypro_desktop", "--minimized"]) in lines
    assert main(["autostart", "status"]) == 0 and capsys.readouterr().out == "on\n"

    assert main(["autostart", "off"]) == 0
    assert capsys.readouterr().out == "SayPro Field Learning will not start when you log in.\n"
    assert not entry.exists()
    assert main(["autostart", "status"]) == 0 and capsys.readouterr().out == "off\n"
