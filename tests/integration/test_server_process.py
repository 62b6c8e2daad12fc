"""`saypro-server` as an operator runs it: admin commands, then `serve` on loopback, used over HTTP."""

from __future__ import annotations

import gzip
import json
import stat
import subprocess
from pathlib import Path

import requests

from saypro_core.ids import new_id
from tests import factories
from tests.integration.conftest import admin
from tests.server.helpers import change


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
    assert (short.returncode, short.stderr.strip()) == (1, "saypro-server: A password needs at least 12 characters; "
                                                           "a few unrelated words are easy to remember and hard to "
                                                           "guess.")
    common = admin(data_dir, "users", "create", "sipho", "--password-stdin", stdin="password1234\n")
    assert common.returncode == 1 and "too easy to guess" in common.stderr
    missing = admin(data_dir, "teams", "add-member", "Nowhere", "sipho")
    assert missing.stderr.strip() == "saypro-server: No team 'Nowhere'."
    bad_reference = tmp_path / "reference.json"
    bad_reference.write_text('{"frameworks": "none"}')
    loaded = admin(data_dir, "reference", "load", str(bad_reference))
    assert loaded.returncode == 1 and "is not valid reference data" in loaded.stderr


def test_the_servers_files_are_its_own_users_only(served: tuple[str, Path, subprocess.Popen[str]]) -> None:
    _, data_dir, _ = served
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for name in ("server.sqlite", "signing.key"):
        assert stat.S_IMODE((data_dir / name).stat().st_mode) == 0o600, name
