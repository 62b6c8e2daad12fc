"""A real server process on loopback with a month of an organisation's activity, and a real
Chromium (Debian's package, driven by Playwright) that may reach nothing but that server."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from saypro_core.ids import new_id
from saypro_core.records import Record, Visibility
from tests import factories
from tests.integration.conftest import PASSWORD, admin, start_server
from tests.server.helpers import change

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CAFE = datetime(2026, 11, 12, 7, 0, tzinfo=UTC)


@dataclass
class Site:
    url: str
    data_dir: Path
    process: subprocess.Popen[str]
    ids: dict[str, str] = field(default_factory=dict)


def _login(url: str, username: str) -> dict[str, Any]:
    device = new_id()
    answer = requests.post(f"{url}/api/v1/auth/login", json={"username": username, "password": PASSWORD,
                                                              "device_id": device}, timeout=10)
    answer.raise_for_status()
    return {"token": answer.json()["access_token"], "device": device, "id": answer.json()["user"]["id"]}


def _push(url: str, account: dict[str, Any], *records: Record) -> None:
    body = {"v": 1, "dev": account["device"], "cur": 0, "ch": [change(r, account["device"]) for r in records]}
    answer = requests.post(f"{url}/api/v1/sync", data=gzip.compress(json.dumps(body).encode()), timeout=30,
                           headers={"Authorization": f"Bearer {account['token']}", "Content-Encoding": "gzip",
                                    "Content-Type": "application/json"})
    answer.raise_for_status()
    assert [a["s"] for a in answer.json()["ack"]] == ["ok"] * len(records), answer.json()["ack"]


def pull(url: str, username: str) -> list[dict[str, Any]]:
    """Everything a newly signed-in laptop of ``username`` receives."""
    account = _login(url, username)
    body = {"v": 1, "dev": account["device"], "cur": 0, "ch": []}
    answer = requests.post(f"{url}/api/v1/sync", json=body, timeout=30,
                           headers={"Authorization": f"Bearer {account['token']}"})
    answer.raise_for_status()
    records: list[dict[str, Any]] = answer.json()["ch"]
    return records


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    """Limpopo (supervised by Sam: Thandi, Sipho) and Gauteng (Bongi: Lerato); Nomsa of the L&D
    office (an admin). In November Thandi shared a log and a session report with a success story,
    and Thandi and Sipho were on the roll of a café Sam held."""
    data_dir = tmp_path / "server"
    people = (("nomsa", "Nomsa Dube", "admin", None), ("sam", "Sam Dlamini", "supervisor", None),
              ("bongi", "Bongi Zulu", "supervisor", None), ("thandi", "Thandi Mokoena", "staff", "Limpopo"),
              ("sipho", "Sipho Nkosi", "staff", "Limpopo"), ("lerato", "Lerato Mokoena", "staff", "Gauteng"))
    for team in ("Limpopo", "Gauteng"):
        assert admin(data_dir, "teams", "create", team).returncode == 0
    for name, display, role, team in people:
        created = admin(data_dir, "users", "create", name, "--display-name", display, "--role", role,
                        *(("--team", team) if team else ()), "--password-stdin", stdin=f"{PASSWORD}\n")
        assert created.returncode == 0, created.stderr
    assert admin(data_dir, "teams", "set-supervisor", "Limpopo", "sam").returncode == 0
    assert admin(data_dir, "teams", "set-supervisor", "Gauteng", "bongi").returncode == 0
    # The dashboard's cookie goes over plain http on loopback in the test.
    url, process = start_server(data_dir, {**os.environ, "SAYPRO_SERVER_DASHBOARD_SECURE_COOKIE": "false"})
    accounts = {name: _login(url, name) for name in ("sam", "thandi", "sipho")}
    thandi, sipho, sam = accounts["thandi"], accounts["sipho"], accounts["sam"]
    _push(url, thandi,
          factories.learning_log(id=new_id(), owner_id=thandi["id"], visibility=Visibility.TEAM,
                                 log_date=date(2026, 11, 5), title="Radio slots for parents"),
          factories.learning_log(id=new_id(), owner_id=thandi["id"], visibility=Visibility.PRIVATE,
                                 log_date=date(2026, 11, 6), title="My private diary"),
          factories.session_note(id=new_id(), owner_id=thandi["id"], visibility=Visibility.TEAM, starts_at=CAFE,
                                 ends_at=None, title="Borehole committee",
                                 success_stories="The committee mapped every pipe in a day."))
    cafe = factories.planned_session(id=new_id(), owner_id=sam["id"], starts_at=CAFE, ends_at=None,
                                     registration_deadline=None, alternative_dates=[], facilitator_ids=[sam["id"]],
                                     visibility=Visibility.ORGANISATION)
    _push(url, sam, cafe, factories.attendance(
        id=new_id(), owner_id=sam["id"], target_id=cafe.id, occurrence=CAFE,
        attendee_ids=[thandi["id"], sipho["id"]], guests=[], closed=True, visibility=Visibility.ORGANISATION))
    yield Site(url, data_dir, process, {name: a["id"] for name, a in accounts.items()})
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (build_scripts/dev.sh setup installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()
