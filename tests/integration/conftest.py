"""A real `saypro-server` process on loopback, set up the way an operator would."""

from __future__ import annotations

import dataclasses
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from saypro_desktop.paths import DataPaths
from saypro_desktop.resources import default_reference_path
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.account import sign_in
from saypro_desktop.sync.credentials import CredentialStore

PASSWORD = "field visits 2026"


def admin(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "saypro_server", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, input=stdin, timeout=120, check=False)


def signed_in_profile(url: str, root: Path) -> tuple[DataPaths, RecordStore]:
    """A laptop's data folder whose default profile is signed in as thandi (as `login` leaves it)."""
    paths = DataPaths.resolve(root)
    paths.ensure()
    store = RecordStore.open(paths.database())
    CredentialStore(paths.root, "default").save(sign_in(url, "thandi", PASSWORD, store.device_id))
    return paths, store


def point_at(paths: DataPaths, url: str, profile: str = "default") -> None:
    """Make ``url`` (a link emulator in front of the server) the server this profile is signed in to:
    the laptop sends its tokens only to the server it signed in to, so a test that puts a slow link
    in the way signs the laptop in through it."""
    vault = CredentialStore(paths.root, profile)
    credentials = vault.load()
    assert credentials is not None
    vault.save(dataclasses.replace(credentials, server=url))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(data_dir: Path, env: dict[str, str] | None = None) -> tuple[str, subprocess.Popen[str]]:
    """`saypro-server serve` on a free loopback port, once its health endpoint answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "saypro_server", "--data-dir", str(data_dir), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                return url, process
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"the server did not start: {process.communicate()[1]}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    data_dir = tmp_path / "server"
    assert admin(data_dir, "teams", "create", "Limpopo").stdout == "Created team 'Limpopo'.\n"
    created = admin(data_dir, "users", "create", "thandi", "--display-name", "Thandi Mokoena", "--team", "Limpopo",
                    "--password-stdin", stdin=f"{PASSWORD}\n")
    assert (created.returncode, created.stdout) == (0, "Created staff 'thandi'.\n"), created.stderr
    assert admin(data_dir, "reference", "load", str(default_reference_path())).stdout == (
        "Loaded reference data version 1.\n")
    url, process = start_server(data_dir)
    yield url, data_dir, process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)




@pytest.fixture
def fast_schedule(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's sync timers shortened, so a test does not wait minutes for a background sync."""
    from saypro_desktop.ui import sync_controller

    monkeypatch.setattr(sync_controller, "START_DELAY_MS", 50)
    monkeypatch.setattr(sync_controller, "AFTER_CHANGE_DELAY_MS", 200)
    monkeypatch.setattr(sync_controller, "PROBE_MS", 300)
    monkeypatch.setattr(sync_controller, "TOKEN_CHECK_DELAY_MS", 50)
