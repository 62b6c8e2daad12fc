"""Start SayPro Field Learning when the user logs in (optional, off by default).

Each platform has its own per-user mechanism, none needing administrator rights:

- Linux: an XDG autostart entry, ``~/.config/autostart/saypro-field-learning.desktop``;
- Windows: a value under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``;
- macOS: a LaunchAgent, ``~/Library/LaunchAgents/org.saypro.field-learning.plist``.

The entry starts the app minimized (in the system tray where there is one), so a field officer who
opens the laptop finds it running and syncing without a window in the way.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import sys
from pathlib import Path

from saypro_desktop import APP_NAME, APP_SLUG

WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
WINDOWS_VALUE = "SayProFieldLearning"
MACOS_LABEL = "org.saypro.field-learning"
START_ARGUMENTS = ["--minimized"]


def launch_command() -> list[str]:
    """How to start this installation of the app: the frozen executable, or Python on the source."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *START_ARGUMENTS]
    return [sys.executable, "-m", "saypro_desktop", *START_ARGUMENTS]


def _linux_entry(config_home: Path | None = None) -> Path:
    base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "autostart" / f"{APP_SLUG}.desktop"


def _macos_agent(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{MACOS_LABEL}.plist"


def is_enabled() -> bool:
    if sys.platform == "win32":
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
            try:
                winreg.QueryValueEx(key, WINDOWS_VALUE)
            except FileNotFoundError:
                return False
            return True
    if sys.platform == "darwin":
        return _macos_agent().exists()
    return _linux_entry().exists()


def enable(command: list[str] | None = None) -> Path | str:
    """Register ``command`` (default: this installation) to run at login; returns where."""
    command = command or launch_command()
    if sys.platform == "win32":
        import subprocess
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, WINDOWS_VALUE, 0, winreg.REG_SZ, subprocess.list2cmdline(command))
        return rf"HKCU\{WINDOWS_RUN_KEY}\{WINDOWS_VALUE}"
    if sys.platform == "darwin":
        return write_macos_agent(_macos_agent(), command)
    return write_linux_entry(_linux_entry(), command)


def disable() -> None:
    if sys.platform == "win32":
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            try:
                winreg.DeleteValue(key, WINDOWS_VALUE)
            except FileNotFoundError:
                pass
        return
    (_macos_agent() if sys.platform == "darwin" else _linux_entry()).unlink(missing_ok=True)


def write_linux_entry(path: Path, command: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        f"Exec={shlex.join(command)}\n"
        "X-GNOME-Autostart-enabled=true\n"
        "Terminal=false\n",
        encoding="utf-8",
    )
    return path


def write_macos_agent(path: Path, command: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        plistlib.dump({"Label": MACOS_LABEL, "ProgramArguments": command, "RunAtLoad": True,
                       "ProcessType": "Interactive"}, f)
    return path
