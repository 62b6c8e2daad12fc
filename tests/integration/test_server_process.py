"""`saypro-server` as an operator runs it: admin commands, then `serve` on loopback, used over HTTP."""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from saypro_desktop.domain.ids import new_id
from saypro_desktop.resources import default_reference_path
from tests import factories
from tests.server.helpers import change


def admin(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "saypro_server", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, input=stdin, timeout=120, check=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    data_dir = tmp_path / "server"
    assert admin(data_dir, "teams", "create", "Limpopo").stdout == "Created team 'Limpopo'.\n"
    created = admin(data_dir, "users", "create", "thandi", "--display-name", "Thandi Mokoena", "--team", "Limpopo",
                    "--password-stdin", stdin="field visits 2026\n")
    assert (created.returncode, created.stdout) == (0, "Created staff 'thandi'.\n"), created.stderr
    assert admin(data_dir, "reference", "load", str(default_reference_path())).stdout == (
        "Loaded reference data version 1.\n")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "saypro_server", "--data-dir", str(data_dir), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(f"the server did not start: {process.communicate()[1]}")
    yield url, data_dir, process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


def test_sign_in_and_sync_over_http(served: tuple[str, Path, subprocess.Popen[str]]) -> None:
    url, data_dir, process = served
    device = new_id()
    login = requests.post(f"{url}/api/v1/auth/login", timeout=10, json={
        "username": "thandi", "password": "field visits 2026", "device_id": device})
    assert login.status_code == 200, login.text
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    assert login.json()["user"]["team_name"] == "Limpopo"

    log = factories.learning_log(id=new_id())
    body = gzip.compress(json.dumps({"v": 1, "dev": device, "ch": [change(log, device)]}).encode())
    response = requests.post(f"{url}/api/v1/sync", data=body, timeout=10, headers={
        **headers, "Content-Encoding": "gzip", "Content-Type": "application/json", "Accept-Encoding": "gzip"})
    assert response.status_code == 200, response.text
    assert response.headers["Content-Encoding"] == "gzip"  # the reference data makes it worth compressing
    answer = response.json()
    assert answer["ack"][0]["s"] == "ok"
    assert answer["ref"]["version"] == 1
    assert answer["ref"]["data"]["frameworks"][0]["id"] == "saypro_core"

    assert admin(data_dir, "users", "disable", "thandi").stdout == "Disabled 'thandi'.\n"
    refused = requests.get(f"{url}/api/v1/auth/me", headers=headers, timeout=10)
    assert (refused.status_code, refused.json()["detail"]) == (401, "This account is disabled.")

    process.terminate()
    _, stderr = process.communicate(timeout=30)
    lines = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    sync_lines = [line for line in lines if line.get("path") == "/api/v1/sync"]
    assert sync_lines and sync_lines[0]["status"] == 200 and sync_lines[0]["method"] == "POST"
    assert {"request_id", "ms", "time", "level"} <= set(sync_lines[0])


def test_admin_commands_explain_mistakes(tmp_path: Path) -> None:
    data_dir = tmp_path / "server"
    short = admin(data_dir, "users", "create", "sipho", "--password-stdin", stdin="short\n")
    assert (short.returncode, short.stderr.strip()) == (1, "saypro-server: A password needs at least 8 characters.")
    missing = admin(data_dir, "teams", "add-member", "Nowhere", "sipho")
    assert missing.stderr.strip() == "saypro-server: No team 'Nowhere'."
    bad_reference = tmp_path / "reference.json"
    bad_reference.write_text('{"frameworks": "none"}')
    loaded = admin(data_dir, "reference", "load", str(bad_reference))
    assert loaded.returncode == 1 and "is not valid reference data" in loaded.stderr
