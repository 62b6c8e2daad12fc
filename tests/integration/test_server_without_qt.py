"""The server installs and runs without Qt and without the desktop package (the shared core is enough).

A fresh virtual environment gets exactly `requirements-server.lock` (what `pip install .[server]`
resolves to); the code it runs is saypro_core and saypro_server alone, copied aside. It signs in
and serves a sync that a second device pulls.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from saypro_core.ids import new_id
from tests import factories
from tests.conftest import REPO_ROOT
from tests.integration.conftest import free_port
from tests.server.helpers import change

PASSWORD = "field visits 2026"

pytestmark = pytest.mark.slow


def _uv() -> str:
    beside = Path(sys.executable).parent / "uv"
    found = str(beside) if beside.exists() else shutil.which("uv")
    if found is None:
        pytest.fail("uv is not installed (build_scripts/dev.sh setup puts it in .venv)")
    return found


def _server_only_environment(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    venv = tmp_path / "server-venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([_uv(), "pip", "sync", "-q", "--python", str(python), str(REPO_ROOT / "requirements-server.lock")],
                   check=True, timeout=900)
    code = tmp_path / "code"
    for package in ("saypro_core", "saypro_server"):
        shutil.copytree(REPO_ROOT / package, code / package, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONNOUSERSITE": "1"}
    return python, env


def _post_sync(url: str, token: str, body: dict[str, object]) -> dict[str, object]:
    response = requests.post(f"{url}/api/v1/sync", data=gzip.compress(json.dumps(body).encode()), timeout=30,
                             headers={"Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
                                      "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    answer: dict[str, object] = response.json()
    return answer


def test_server_serves_a_sync_from_a_venv_without_qt(tmp_path: Path) -> None:
    python, env = _server_only_environment(tmp_path)
    for absent in ("PySide6", "saypro_desktop"):
        probe = subprocess.run([str(python), "-c", f"import {absent}"], env=env, cwd=tmp_path, capture_output=True,
                               text=True, check=False)
        assert probe.returncode != 0 and "ModuleNotFoundError" in probe.stderr, f"{absent} is importable"

    data_dir = tmp_path / "server"

    def admin(*args: str, stdin: str | None = None) -> None:
        done = subprocess.run([str(python), "-m", "saypro_server", "--data-dir", str(data_dir), *args], env=env,
                              cwd=tmp_path, capture_output=True, text=True, input=stdin, timeout=120, check=False)
        assert done.returncode == 0, done.stderr

    admin("teams", "create", "Limpopo")
    for name in ("thandi", "sipho"):
        admin("users", "create", name, "--team", "Limpopo", "--password-stdin", stdin=f"{PASSWORD}\n")
    port = free_port()
    server = subprocess.Popen([str(python), "-m", "saypro_server", "--data-dir", str(data_dir), "serve",
                               "--port", str(port)], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        tokens = {}
        devices = {name: new_id() for name in ("thandi", "sipho")}
        for name, device in devices.items():
            login = requests.post(f"{url}/api/v1/auth/login", timeout=30, json={
                "username": name, "password": PASSWORD, "device_id": device})
            assert login.status_code == 200, login.text
            tokens[name] = login.json()["access_token"]
        log = factories.learning_log(id=new_id(), visibility="team")
        pushed = _post_sync(url, tokens["thandi"], {"v": 1, "dev": devices["thandi"],
                                                    "ch": [change(log, devices["thandi"])]})
        assert pushed["ack"] == [{"id": pushed["ack"][0]["id"], "s": "ok", "rev": 1}]  # type: ignore[index]
        pulled = _post_sync(url, tokens["sipho"], {"v": 1, "dev": devices["sipho"]})
        assert [record["r"] for record in pulled["ch"]] == [log.id]  # type: ignore[attr-defined,index]
    finally:
        server.terminate()
        server.wait(timeout=30)
